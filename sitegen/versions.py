"""Citable versions: the date and short commit of the last change to what a page is built from.

A profile is built from the person's record and its translations; the letter from its text,
its settings and their translations; the "Since the letter" page from every record. The
version is read from git at build time (the same commit always gives the same versions).
Where there is no git history (a copy of the project without .git), the fallback is stated:
the data date, and no commit.
"""
from __future__ import annotations

import functools
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


@functools.lru_cache(maxsize=4096)
def last_change(root: str, paths: tuple, fallback: str) -> Version:
    """The newest commit touching any of `paths` (relative to root), or the fallback date."""
    if not has_history(root):
        return Version(fallback, "")  # no history of this project (a copy, or a folder inside another repository)
    try:
        result = subprocess.run(["git", "-C", root, "log", "-1", "--format=%cs %h", "--", *paths],
                                capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return Version(fallback, "")
    if result.returncode != 0 or not result.stdout.strip():
        return Version(fallback, "")  # not committed yet
    date, commit = result.stdout.split()
    return Version(date, commit)
