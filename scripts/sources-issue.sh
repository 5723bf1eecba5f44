#!/bin/sh
# Keep one issue with the findings of scripts/check_sources.py: open it, update it, or close
# it when every address answers again. Needs GH_TOKEN with issues: write (the workflow's).
set -eu
report="$1"
label="source-check"
title="Source addresses that fail or have moved"
gh label create "$label" --color d93f0b --description "Found by the weekly source check" --force >/dev/null
open=$(gh issue list --label "$label" --state open --json number --jq '.[0].number // empty')
if grep -q "found 0 that fail" "$report"; then
  if [ -n "$open" ]; then
    gh issue comment "$open" --body "Every source address answered in this week's check."
    gh issue close "$open"
  fi
elif [ -n "$open" ]; then
  gh issue edit "$open" --body-file "$report"
else
  gh issue create --title "$title" --label "$label" --body-file "$report"
fi
