#!/bin/sh
# Keep one issue for the weekly fresh-install check (.github/workflows/fresh-install.yml):
# open it (or update it) when installing or building on a new machine failed, close it when
# it passes again. Needs GH_TOKEN with issues: write (the workflow's).
#   sh scripts/fresh-install-issue.sh RESULT RUN_URL     (RESULT: success, failure or cancelled)
set -eu
result="$1"; run_url="$2"
label="fresh-install"
title="A fresh install or build fails: re-lock the requirements"
gh label create "$label" --color b60205 --description "Found by the weekly fresh-install check" --force >/dev/null
open=$(gh issue list --label "$label" --state open --json number --jq '.[0].number // empty')
if [ "$result" = success ]; then
  if [ -n "$open" ]; then
    gh issue comment "$open" --body "This week's fresh install and build passed: $run_url"
    gh issue close "$open"
  fi
  exit 0
fi
[ "$result" = cancelled ] && exit 0
body=$(cat <<MD
The weekly check installed the locked requirements into a brand-new environment, with only
Debian's \`python3\` and \`python3-venv\`, and built the site. It failed: $run_url

Most often a new release on the package index no longer fits the lock. To fix it:

1. \`make lock\` (regenerates every file in \`requirements/\` from its \`.in\`);
2. \`make fresh-install\` and \`make test\`;
3. open a pull request with the new lock files, linking this issue.

CONTRIBUTING.md ("When the fresh-install issue opens") has the details.
MD
)
if [ -n "$open" ]; then
  gh issue comment "$open" --body "$body"
else
  gh issue create --title "$title" --label "$label" --body "$body"
fi
