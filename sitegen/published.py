"""Published addresses are permanent: every profile ever published keeps answering.

The addresses published before are read from the history of data/people/ in git (every
file ever added there, on the branch being built, is a profile address that was published).
Each must still be a record, a former slug of a record (a rename: it redirects), or a
withdrawn record (its address answers with a short notice). Anything else would make a
published address disappear, and stops the build, naming the two proper ways to fix it.

Where the history cannot be read (a copy without .git, as in tests that copy the project),
the check says so in the build log and is skipped; a shallow clone stops the build, since it
would miss addresses (CI checks out the full history).
"""
from __future__ import annotations

import logging
import subprocess
from pathlib import Path

from .checks import PEOPLE_DIR, Problem

log = logging.getLogger("mkdocs.sitegen")


def _git(root: Path, *args) -> subprocess.CompletedProcess:
    return subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, timeout=120)


def history(root: Path):
    """{slug: first commit that added data/people/<slug>.yml}, or None without git history."""
    try:
        inside = _git(root, "rev-parse", "--is-inside-work-tree", "--is-shallow-repository", "--show-toplevel")
    except (OSError, subprocess.TimeoutExpired):
        return None
    if inside.returncode != 0:
        return None
    flag, shallow, top = (inside.stdout.split() + ["", "", ""])[:3]
    if Path(top).resolve() != Path(root).resolve():
        return None  # a copy inside another repository: not this project's history
    if shallow == "true":
        return "shallow"
    added = _git(root, "log", "--format=%h", "--name-only", "--no-renames", "--diff-filter=A", "--", f"{PEOPLE_DIR}/*.yml")
    if added.returncode != 0:
        return None
    out, commit = {}, None
    for line in added.stdout.splitlines():
        line = line.strip()
        if not line:
            continue
        if "/" not in line:
            commit = line
        elif line.endswith(".yml"):
            out[Path(line).stem] = commit  # git log runs newest first: the last seen is the first added
    return out


def check(root, current: set, former: set) -> list:
    published = history(Path(root))
    if published is None:
        log.info("published addresses: not a git checkout, so not checked against the history")
        return []
    if published == "shallow":
        return [Problem(".git", 1, "(history)", "this clone is shallow, so the addresses published before cannot be "
                        "checked — fetch the whole history (git fetch --unshallow; in GitHub Actions, fetch-depth: 0)")]
    problems = []
    for slug, commit in sorted(published.items()):
        if slug in current or slug in former:
            continue
        problems.append(Problem(f"{PEOPLE_DIR}/{slug}.yml", 1, "(file)",
                                f"people/{slug}.html was published (the file was added in {commit}) and would stop answering "
                                f"in every language — if the record was renamed, add `former_slugs: [{slug}]` to its new file; "
                                f"if it is removed, withdraw it instead: keep data/people/{slug}.yml with only the line "
                                f"`withdrawn: YYYY-MM-DD` (CONTRIBUTING.md, \"Withdrawal on request\")"))
    return problems
