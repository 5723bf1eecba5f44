"""Shared fixtures: the real site built once, and throwaway copies of the project.

Builds run `python -m sitegen build` (every language, `mkdocs build --strict` for each) in a
subprocess, never with -q (which hides warnings).
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

sys.path.insert(0, str(ROOT / "bench"))
from synthetic import copy_project  # noqa: E402,F401  (one list of what the build reads)


def build(project: Path, out: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    """The whole site, every language, strict (`python -m sitegen build`, as `make build`)."""
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "sitegen", "build", "-d", str(out)],
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


@pytest.fixture
def project(tmp_path) -> Path:
    """A throwaway copy of the project, to change and load or build."""
    return copy_project(tmp_path / "project")


def problems_for(project: Path, text: str, filename: str = "test-person.yml") -> list:
    """Write one record into a project copy; the problems the loader reports for it, as text."""
    from sitegen import data
    (project / "data/people" / filename).write_text(text, encoding="utf-8")
    with pytest.raises(data.DataError) as caught:
        data.load(project)
    return [str(p) for p in caught.value.problems]


@pytest.fixture(scope="session")
def site_data():
    from sitegen import data
    return data.load(ROOT)


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


def html_pages(site: Path) -> list:
    return sorted(p for p in site.rglob("*.html"))
