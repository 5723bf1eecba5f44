"""A change to what the site has published is a correction, and must say so.

The check compares each record with its published version in git: the last commit, when the
working tree has changed the file (a volunteer runs `make check-data` before committing); else
the commit before the last one that changed it on this branch (CI checks a pushed commit). When
the `state` or `date` of a published update changed, or the update is gone, or `status` changed
without a new update that explains it, the record needs a `corrections` entry dated on or after
the day the old value was published. An update is matched to its published version by its
source, and by order among the updates that cite that source. A date made more precise within
its period (`2022-11` to `2022-11-02`) is not a change.

Without git history (a copy of the project), nothing is compared, and the build log says so.
"""
from __future__ import annotations

import logging
import subprocess
from pathlib import Path

from . import yaml_source
from .checks import PEOPLE_DIR, Problem, field_name, line_of

log = logging.getLogger("mkdocs.sitegen")


def _git(root: Path, *args) -> subprocess.CompletedProcess:
    return subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, timeout=120)


def published_versions(root: Path, rels: list) -> dict:
    """{rel: (record, date of its commit)} as last published, for each record that has one (not a
    new file). Three git calls for all the records, not three per record: the check runs at every
    build, and at every live reload of `make serve`."""
    changed = set()
    for line in _git(root, "status", "--porcelain", "--", PEOPLE_DIR).stdout.splitlines():
        changed.add(line[3:].split(" -> ")[-1].strip().strip('"'))
    commits: dict = {}  # rel -> [(hash, date)], newest first, at most two
    log = _git(root, "log", "--format=%x00%H %cs", "--name-only", "--", PEOPLE_DIR).stdout
    for block in log.split("\0")[1:]:
        head, _, names = block.partition("\n")
        sha, date = head.split()
        for name in names.split():
            if len(commits.setdefault(name, [])) < 2:
                commits[name].append((sha, date))
    bases = {}
    for rel in rels:
        found = commits.get(rel) or []
        if not found:
            continue  # a new file: nothing of it was published
        base = found[0] if rel in changed else (found[1] if len(found) > 1 else None)
        if base is not None:
            bases[rel] = base
    if not bases:
        return {}
    specs = [f"{sha}:{rel}" for rel, (sha, _date) in bases.items()]
    shown = subprocess.run(["git", "-C", str(root), "cat-file", "--batch"], input=("\n".join(specs) + "\n").encode("utf-8"),
                           capture_output=True, timeout=120).stdout
    out, at = {}, 0
    for rel, (_sha, date) in bases.items():
        end = shown.index(b"\n", at)
        header = shown[at:end].split()
        at = end + 1
        if len(header) < 3 or header[1] != b"blob":
            continue  # missing: the file was deleted in that commit
        size = int(header[2])
        text = shown[at:at + size].decode("utf-8", errors="replace")
        at += size + 1
        try:
            record, _ = yaml_source.load(text)
        except yaml_source.YamlProblem:
            continue
        if isinstance(record, dict):
            out[rel] = (record, date)
    return out


def _refined(old: str, new: str) -> bool:
    """Is `new` the same date as `old`, or the same made more precise (2022-11 -> 2022-11-02)?"""
    return str(new) == str(old) or str(new).startswith(str(old) + "-")


def _by_source(updates: list) -> dict:
    out: dict = {}
    for index, update in enumerate(updates):
        if isinstance(update, dict):
            out.setdefault(update.get("source"), []).append((index, update))
    return out


def pairs(old: dict, new: dict) -> tuple:
    """Each published update with its version now (or None: removed), and the updates that are new.
    Within each source, an update whose date and state are unchanged is itself; the rest are
    matched in order (an update added before another that cites the same source does not make
    that one look changed)."""
    matched, added = [], []
    now = _by_source(new.get("updates") or [])
    for source, items in _by_source(old.get("updates") or []).items():
        candidates = list(now.get(source, []))
        rest = []
        for _index, update in items:
            same = next((c for c in candidates if str(c[1].get("date")) == str(update.get("date"))
                         and c[1].get("state") == update.get("state")), None)
            if same is not None:
                candidates.remove(same)
                matched.append((update, same))
            else:
                rest.append(update)
        for order, update in enumerate(rest):
            matched.append((update, candidates[order] if order < len(candidates) else None))
        added += candidates[len(rest):]
    for source, items in now.items():
        if source not in {u.get("source") for u in old.get("updates") or [] if isinstance(u, dict)}:
            added += items
    return matched, sorted(added, key=lambda item: item[0])


def changes(old: dict, new: dict) -> list:
    """(path, what changed) of every published state or date that changed."""
    found = []
    old_updates, new_updates = old.get("updates") or [], new.get("updates") or []
    matched, _added = pairs(old, new)
    for update, match in matched:
        source = update.get("source")
        if match is None:
            if update.get("state"):
                found.append((("updates",), f"the update of {update.get('date')} with state {update.get('state')} was removed"))
            else:
                found.append((("updates",), f"the update of {update.get('date')} ({source}) was removed"))
            continue
        new_index, new_update = match
        if update.get("state") != new_update.get("state"):
            found.append((("updates", new_index, "state"), f"state changed from {update.get('state')} to {new_update.get('state')}"))
        if not _refined(update.get("date"), new_update.get("date")):
            found.append((("updates", new_index, "date"), f"date changed from {update.get('date')} to {new_update.get('date')}"))
    old_status, new_status = old.get("status") or {}, new.get("status") or {}
    if (old_status.get("state"), old_status.get("as_of")) != (new_status.get("state"), new_status.get("as_of")):
        explained = any(isinstance(u, dict) and u.get("state") == new_status.get("state") and u.get("date") == new_status.get("as_of")
                        and u not in old_updates for u in new_updates)
        if not explained:
            found.append((("status",), f"status changed from {old_status.get('state')} ({old_status.get('as_of')}) "
                                       f"to {new_status.get('state')} ({new_status.get('as_of')}) with no new update that explains it"))
    return found


def new_inexact_updates(old: dict, new: dict) -> list:
    """(index, update) of the updates added since publication whose date is a month or a year
    and that do not say when they were recorded (the feed would stamp them with `added`)."""
    _matched, added = pairs(old, new)
    return [(index, update) for index, update in added if len(str(update.get("date", ""))) < 10 and not update.get("recorded")]


def check(root, records: list) -> list:
    """Problems for records whose published states or dates changed without a correction."""
    root = Path(root)
    try:
        top = _git(root, "rev-parse", "--show-toplevel")
    except (OSError, subprocess.TimeoutExpired):
        return []
    if top.returncode != 0 or Path(top.stdout.strip()).resolve() != root.resolve():
        log.info("corrections: not a git checkout, so published values are not compared")
        return []
    problems = []
    records = [(rel, record, lines) for rel, record, lines in records if isinstance(record, dict) and rel.startswith(PEOPLE_DIR)]
    versions = published_versions(root, [rel for rel, _record, _lines in records])
    for rel, record, lines in records:
        published = versions.get(rel)
        if published is None:
            continue
        old, since = published
        if "withdrawn" in old or "withdrawn" in record:
            continue
        for index, update in new_inexact_updates(old, record):
            problems.append(Problem(rel, line_of(lines, ("updates", index, "date")), field_name(("updates", index, "recorded")),
                                    f"this update is new and dated only {update.get('date')!r}, so feed readers need the day it "
                                    "was added — add `recorded: 'YYYY-MM-DD'` (today) under its date"))
        corrected = any(isinstance(c, dict) and str(c.get("date", "")) >= since for c in record.get("corrections") or [])
        if corrected:
            continue
        for path, what in changes(old, record):
            problems.append(Problem(rel, line_of(lines, path), field_name(path),
                                    f"{what}, but this was published ({since}) — if it was wrong, add a `corrections` entry "
                                    f"dated {since} or later saying what the page said, what it says now, why and the source "
                                    "(data/README.md, \"Corrections\"); if something new happened, add a new update instead"))
    return problems
