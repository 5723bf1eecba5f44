"""Citable versions: the date and short commit of the last change to what a page is built from.

A profile is built from the person's record and its translations; the letter from its text,
its settings and their translations; the "Since the letter" page from every record. The
version is read from git at build time (the same commit always gives the same versions).
Where there is no git history (a copy of the project without .git), the fallback is stated:
the data date, and no commit.
"""
from __future__ import annotations

import functools
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

LETTER_FILES = ("data/letter", "translations/ru/letter.yml", "translations/kk/letter.yml", "docs/letter.md")
SINCE_FILES = ("data", "translations", "docs/since.md")


@dataclass(frozen=True)
class Version:
    date: str        # YYYY-MM-DD of the last change (or the data date, without history)
    commit: str      # its short commit, "" without history

    @property
    def label(self) -> str:
        return f"{self.date} ({self.commit})" if self.commit else self.date


def person_files(slug: str) -> tuple:
    return (f"data/people/{slug}.yml", f"translations/ru/people/{slug}.yml", f"translations/kk/people/{slug}.yml")


@functools.lru_cache(maxsize=64)
def has_history(root: str) -> bool:
    """Is root a git checkout of its own (asked once per build, not once per page)?"""
    try:
        top = subprocess.run(["git", "-C", root, "rev-parse", "--show-toplevel"], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return top.returncode == 0 and Path(top.stdout.strip()).resolve() == Path(root).resolve()


def last_change(root: str, paths: tuple, fallback: str) -> Version:
    """The newest commit touching any of `paths` (files or folders, relative to root), or the fallback date."""
    if not has_history(root):
        return Version(fallback, "")  # no history of this project (a copy, or a folder inside another repository)
    prefixes = tuple(path.rstrip("/") + "/" for path in paths)
    for date, commit, files in _history(root, _stamp(root)):
        if any(file in paths or file.startswith(prefixes) for file in files):
            return Version(date, commit)
    return Version(fallback, "")  # not committed yet


@functools.lru_cache(maxsize=64)
def _git_dir(root: str) -> Path:
    result = subprocess.run(["git", "-C", root, "rev-parse", "--absolute-git-dir"], capture_output=True, text=True, timeout=60)
    return Path(result.stdout.strip())


def _stamp(root: str) -> tuple:
    """Changes whenever HEAD moves (a commit, checkout or reset): the history is read again."""
    stamp = []
    for name in ("HEAD", "logs/HEAD"):
        try:
            info = os.stat(_git_dir(root) / name)
            stamp.append((info.st_mtime_ns, info.st_size))
        except OSError:
            stamp.append(None)
    return tuple(stamp)


@functools.lru_cache(maxsize=4)
def _history(root: str, stamp: tuple) -> tuple:
    """Every commit, newest first, with the files it touched: one git call per build, not one
    per page (renames as a deletion and an addition, as `git log -- <path>` sees them)."""
    try:
        result = subprocess.run(["git", "-C", root, "log", "--format=%x00%cs %h", "--name-only", "--no-renames"],
                                capture_output=True, text=True, timeout=120)
    except (OSError, subprocess.TimeoutExpired):
        return ()
    if result.returncode != 0:
        return ()
    commits = []
    for block in result.stdout.split("\0")[1:]:
        first, *files = block.strip("\n").split("\n")
        date, commit = first.split()
        commits.append((date, commit, frozenset(f for f in files if f)))
    return tuple(commits)
