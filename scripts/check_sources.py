"""Is every source address still there? Run weekly by .github/workflows/sources.yml.

    .venv/bin/python scripts/check_sources.py --report sources-report.md [--lychee-json out.json]

Checks every `url` of data/sources.yml with lychee (a few retries, a polite rate), then writes
a Markdown report: each address that fails or moves, the source it belongs to, the records
that cite it, and, where a web archive has the page, its address to add as `archived:`.
It exits 0 whatever it finds: a dead source is work for a volunteer, never a reason to stop a
deploy. The workflow files the report as one issue, kept up to date.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

WAYBACK = "https://archive.org/wayback/available?url="


def citations(site) -> dict:
    """{source id: [where it is cited]}: records (by file) and decisions."""
    out: dict = {}
    for person in site.people:
        refs = [person["status"]["source"]] + [f["source"] for f in person["facts"]]
        for update in person.get("updates") or []:
            refs += [update["source"]] + list(update.get("also") or [])
        for ref in refs:
            out.setdefault(ref.split("#")[0], set()).add(f"data/people/{person['slug']}.yml")
    for decision_id, decision in site.decisions.items():
        for ref in [decision["source"]] + list(decision.get("also") or []):
            out.setdefault(ref, set()).add(f"data/decisions.yml ({decision_id})")
    return {k: sorted(v) for k, v in out.items()}


def run_lychee(urls: list, output: Path) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as listing:
        listing.write("\n".join(urls) + "\n")
    lychee = Path(sys.executable).parent / "lychee"
    command = [str(lychee), "--format", "json", "--output", str(output), "--no-progress",
               "--max-retries", "3", "--retry-wait-time", "10", "--max-concurrency", "4", "--timeout", "30",
               "--accept", "200..=299,429", "--user-agent", "Mozilla/5.0 (source check of a static site)", listing.name]
    if os.environ.get("GITHUB_TOKEN"):
        command[1:1] = ["--github-token", os.environ["GITHUB_TOKEN"]]
    subprocess.run(command, check=False, timeout=3600)
    return json.loads(output.read_text(encoding="utf-8"))


def problems(result: dict) -> list:
    """[(url, what happened)] from lychee's JSON: errors, timeouts and redirects."""
    out = []
    for key, label in (("error_map", None), ("timeout_map", "timed out"), ("redirect_map", "moved")):
        for entries in (result.get(key) or {}).values():
            for entry in entries:
                status = entry.get("status") or {}
                out.append((entry["url"], label or status.get("text") or "failed"))
    return sorted(set(out))


def archived_copy(url: str) -> str | None:
    """The closest copy a web archive holds, if any (asked only for failing addresses)."""
    try:
        with urllib.request.urlopen(WAYBACK + urllib.parse.quote(url, safe=""), timeout=30) as response:
            closest = json.load(response).get("archived_snapshots", {}).get("closest") or {}
    except (OSError, ValueError):
        return None
    return closest.get("url") if closest.get("available") else None


def report(site, found: list, total: int, archive=archived_copy) -> str:
    by_url = {}
    for source_id, source in site.sources.items():
        if source.get("url"):
            by_url.setdefault(source["url"], []).append(source_id)
    cited = citations(site)
    lines = [f"The weekly check of the {total} addresses in `data/sources.yml` found {len(found)} that fail or have moved.", ""]
    if not found:
        return "\n".join(lines[:1]) + "\n"
    lines += ["| address | what happened | source | cited by | archived copy |", "|---|---|---|---|---|"]
    for url, what in found:
        for source_id in by_url.get(url, ["(not in data/sources.yml)"]):
            suggestion = site.sources.get(source_id, {}).get("archived") or archive(url)
            where = ", ".join(cited.get(source_id, [])) or "no record"
            lines.append(f"| {url} | {what} | `{source_id}` | {where} | {suggestion or 'none found'} |")
    lines += ["", "For each: open the address. If the page has moved, put its new address in `url:`; if it is gone and an "
              "archive holds it, add `archived: <address>` to the source (profiles show it beside the original). "
              "Never guess an address: open it first. This issue is updated by the weekly check."]
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--report", required=True)
    parser.add_argument("--lychee-json", default="lychee.json")
    args = parser.parse_args()
    from sitegen.data import load
    site = load(ROOT)
    urls = sorted({s["url"] for s in site.sources.values() if s.get("url")})
    found = problems(run_lychee(urls, Path(args.lychee_json)))
    Path(args.report).write_text(report(site, found, len(urls)), encoding="utf-8")
    print(f"{len(found)} of {len(urls)} source addresses fail or have moved; report in {args.report}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
