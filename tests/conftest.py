"""Shared fixtures: the real site built once, and throwaway copies of the project.

Builds run `mkdocs build --strict` in a subprocess, never with -q (which hides warnings).
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PROJECT_PARTS = ["mkdocs.yml", "macros.py", "docs", "data", "overrides", "sitegen", "fonts"]


def copy_project(dest: Path) -> Path:
    """A copy of what the build reads, to change data in without touching the real one."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        elif src.exists():
            shutil.copy2(src, dest / part)
    return dest


def build(project: Path, out: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-d", str(out)],
        cwd=project, env=environment, capture_output=True, text=True, timeout=900,
    )


def assert_built(result: subprocess.CompletedProcess) -> None:
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "WARNING" not in output, output


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real site, built once per test run with the real data."""
    out = tmp_path_factory.mktemp("site")
    result = build(ROOT, out)
    assert_built(result)
    return out


@pytest.fixture(scope="session")
def site_data():
    from sitegen import data
    return data.load(ROOT)


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


def html_pages(site: Path) -> list:
    return sorted(p for p in site.rglob("*.html"))
