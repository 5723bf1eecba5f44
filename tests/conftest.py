"""Shared fixtures: the real site built once, and throwaway copies of the project.

Builds run `python -m sitegen build` (every language, `mkdocs build --strict` for each) in a
subprocess, never with -q (which hides warnings).
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

# As the Makefile does: the builds the tests run take their dates from the commit, not the clock
# (MkDocs dates the sitemap with SOURCE_DATE_EPOCH, or else with the time of the build).
if "SOURCE_DATE_EPOCH" not in os.environ:
    _commit = subprocess.run(["git", "-C", str(ROOT), "log", "-1", "--format=%ct"], capture_output=True, text=True).stdout.strip()
    if _commit:
        os.environ["SOURCE_DATE_EPOCH"] = _commit

sys.path.insert(0, str(ROOT / "bench"))
from synthetic import copy_project  # noqa: E402,F401  (one list of what the build reads)

# Chromium for the browser tests. Nothing may leave this machine: every host but 127.0.0.1 fails
# to resolve, in the browser itself (faster than answering each request from Python); the tests
# still record every request a page makes.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--no-first-run", "--disable-sync", "--disable-quic",
                 "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"]

# Share images are kept by content (a changed text is a new image), so the small sites the tests
# build share one cache: an image drawn once is not drawn again by the next test's build.
SHARED_CACHE: dict = {}


def build(project: Path, out: Path, env: dict | None = None, *, languages: tuple = (),
          pdfs: bool = True) -> subprocess.CompletedProcess:
    """The whole site, every language (or English and `languages`), strict (`python -m sitegen
    build`, as `make build`). Without `pdfs`, no dossier or brief PDF: the tests that read no PDF
    build in a few seconds what would take half a minute."""
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    if "share_images" in SHARED_CACHE:
        environment.setdefault("SHARE_IMAGE_CACHE", str(SHARED_CACHE["share_images"]))
    command = [sys.executable, "-m", "sitegen", "build", "-d", str(out)]
    command += [option for code in languages for option in ("--lang", code)]
    command += [] if pdfs else ["--no-pdfs"]
    return subprocess.run(command, cwd=project, env=environment, capture_output=True, text=True, timeout=900)


@pytest.fixture(scope="session", autouse=True)
def shared_share_image_cache(tmp_path_factory):
    SHARED_CACHE["share_images"] = run_folder(tmp_path_factory) / "share-images"


def assert_built(result: subprocess.CompletedProcess) -> None:
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "WARNING" not in output, output


def run_folder(tmp_path_factory) -> Path:
    """A folder of this test run shared by its workers (`make test` runs pytest-xdist): each
    worker has its own temporary folder, inside the run's."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real site, built once per test run with the real data: by the first worker that needs
    it, while the others wait for it (a lock), then read by all."""
    import fcntl
    import json
    shared = run_folder(tmp_path_factory)
    out, outcome = shared / "real-site", shared / "real-site.json"
    with open(shared / "real-site.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not outcome.exists():
            result = build(ROOT, out)
            outcome.write_text(json.dumps([result.returncode, result.stdout, result.stderr]), encoding="utf-8")
    returncode, stdout, stderr = json.loads(outcome.read_text(encoding="utf-8"))
    assert_built(subprocess.CompletedProcess([], returncode, stdout, stderr))
    return out


def keep_made_pdfs(project: Path) -> Path:
    """Give a project copy the PDFs the real build made (kept by content, so a PDF whose input
    changed is made again): for tests that build PDFs without being about making them."""
    for kind in ("dossiers", "briefs"):
        if (ROOT / ".cache" / kind).is_dir():
            shutil.copytree(ROOT / ".cache" / kind, project / ".cache" / kind, dirs_exist_ok=True)
    return project


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


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium (through Playwright), with CHROMIUM_ARGS: for the browser tests."""
    from playwright.sync_api import sync_playwright
    executable = shutil.which("chromium")
    if executable is None:
        pytest.fail("chromium is not installed: run `make test`, which installs Debian's chromium package")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def language_of(path: str) -> str:
    return path.split("/")[0] if path.split("/")[0] in ("ru", "kk") else "en"


def kind_of(path: str) -> str:
    """Pages made from one template are one kind: every profile, every filter page, every article."""
    parts = path.split("/")
    if parts[0] in ("ru", "kk"):
        parts = parts[1:]
    if parts[0] in ("people", "articles", "briefs") and parts[-1] != "index.html":
        return "/".join(parts[:-1]) + "/*"
    return "/".join(parts)


def one_of_each(paths: list) -> list:
    """The first page of each kind in each language, in the order given."""
    seen, out = set(), []
    for path in paths:
        key = (language_of(path), kind_of(path))
        if key not in seen:
            seen.add(key)
            out.append(path)
    return out


def html_pages(site: Path) -> list:
    return sorted(p for p in site.rglob("*.html"))


def pytest_collection_modifyitems(config, items):
    """Under pytest-xdist (`make test`), the long tests (marked `long(seconds)`) start first, spread
    over the workers (long_tests_first). Without xdist, the order is pytest's."""
    workers = int(os.environ.get("PYTEST_XDIST_WORKER_COUNT", "0"))
    if workers >= 2:
        marked = {item: item.get_closest_marker("long") for item in items}
        items[:] = long_tests_first(items, {item: m.args[0] for item, m in marked.items() if m}, workers)


def long_tests_first(items: list, seconds: dict, workers: int) -> list:
    """The tests in the order that starts each worker on its share of the long ones (`seconds`
    gives theirs): the longest first, each to the worker with the fewest seconds so far. Each
    worker is first handed a run of consecutive tests (--dist worksteal: the first quarter to the
    first of four workers, and so on) and runs them in order: a long test left at the end of one
    worker's run would keep the others waiting. The other tests keep their order."""
    firsts, load = [[] for _ in range(workers)], [0] * workers
    for item in sorted(seconds, key=seconds.get, reverse=True):  # sorted() keeps ties in pytest's order
        worker = load.index(min(load))
        firsts[worker].append(item)
        load[worker] += seconds[item]
    rest = [item for item in items if item not in seconds]
    order, left = [], len(items)
    for worker in range(workers):
        size = left // (workers - worker)  # as worksteal sizes the first runs
        take = max(size - len(firsts[worker]), 0)
        order += firsts[worker] + rest[:take]
        rest, left = rest[take:], left - len(firsts[worker]) - take
    return order + rest
