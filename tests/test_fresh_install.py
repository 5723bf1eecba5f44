"""Issue #21: the lock files install into a brand-new environment, whatever pip `venv` brings.

These run scripts/check-fresh-install.sh exactly as `make fresh-install` and the weekly
workflow do: a new `python3 -m venv`, the pinned pip, then the hash-locked files.
"""
import re
import subprocess

import pytest

from conftest import ROOT

SCRIPT = ROOT / "scripts/check-fresh-install.sh"


def check(*locks):
    return subprocess.run(["sh", str(SCRIPT), *map(str, locks)], capture_output=True, text=True, timeout=900)


def block(lock_text, name):
    """One pinned requirement with its hashes, as `uv pip compile` writes it."""
    match = re.search(rf"^{re.escape(name)}==.*?(?=^\S)", lock_text, re.M | re.S)
    assert match, name
    return match.group(0)


@pytest.mark.long(60)
def test_both_lock_files_install_into_a_new_environment():
    result = check(ROOT / "requirements/site.txt", ROOT / "requirements/test.txt")
    assert result.returncode == 0, result.stdout + result.stderr
    pinned = re.search(r"^fonttools==(\S+)", (ROOT / "requirements/site.txt").read_text(), re.M).group(1)
    assert f"fonttools=={pinned}" in result.stdout  # the lock's fonttools, not the index's newest


@pytest.mark.long(22)
def test_a_lock_with_a_loose_requirement_does_not_hold(tmp_path):
    # What pip 23.2.1 made of WeasyPrint's `fonttools[woff]` (issue #21): a requirement not pinned by ==.
    lock = tmp_path / "loose.txt"
    lock.write_text("fonttools[woff]>=4.59.2\n")
    result = check(lock)
    assert result.returncode == 1
    assert "do not install" in result.stderr and "make lock" in result.stderr


@pytest.mark.long(25)
def test_a_lock_missing_a_dependency_does_not_hold(tmp_path):
    # jsonschema without attrs, referencing and the rest: installs, but `pip check` refuses it.
    lock = tmp_path / "partial.txt"
    lock.write_text(block((ROOT / "requirements/site.txt").read_text(), "jsonschema"))
    result = check(lock)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "jsonschema" in result.stdout + result.stderr


def test_every_install_path_goes_through_the_bootstrapped_pip():
    makefile = (ROOT / "Makefile").read_text()
    assert makefile.count("sh scripts/install.sh .venv ") == 2
    assert "pip install" not in makefile
    for workflow in (ROOT / ".github/workflows").glob("*.yml"):
        assert "pip install" not in workflow.read_text(), workflow.name
    bootstrap = (ROOT / "requirements/pip.txt").read_text()
    assert re.search(r"^pip==\S+ \\\n\s+--hash=sha256:", bootstrap, re.M)
