"""`python -m sitegen build`: the whole site, every language.

English goes to site_dir (which its build cleans), the other languages to site_dir/<code>/:
where the machine has more than one core, all at once in forked processes that inherit the
data (loaded and checked once, before them), each built in a folder of its own beside site_dir
and moved in at the end. Each is a strict MkDocs build from the same mkdocs.yml (SITE_LANG
sets theme.language). What all languages share (search index, share images, open
data, feed) is made once at the end. Warnings fail the build, as in `mkdocs build --strict`.
"""
from __future__ import annotations

import gc
import logging
import os
import time
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, PluginError

ROOT = Path(__file__).resolve().parent.parent
log = logging.getLogger("mkdocs.sitegen")


def languages() -> list:
    from .data import load
    return load(ROOT).language_codes()


def build_one(code: str, site_dir: Path, strict: bool, target: Path | None = None):
    """One language's MkDocs build (into `target`, by default its place in site_dir); returns its config."""
    os.environ["SITE_LANG"] = code
    if target is None:
        target = site_dir if code == "en" else site_dir / code
    config = load_config(str(ROOT / "mkdocs.yml"), strict=strict, site_dir=str(target))
    build(config)
    return config


def _build_in_child(code: str, site_dir: Path, strict: bool, target: Path, ready) -> None:
    """A forked build: it waits until the English build has made the dossiers (its pages give
    their page counts), then builds into its own folder, moved into site_dir at the end."""
    try:
        if not ready.wait(timeout=24 * 3600) or not ready.is_set():
            os._exit(1)
        build_one(code, site_dir, strict, target)
    except (Abort, PluginError) as error:
        print(f"ERROR   -  {code}: {error}", flush=True)
        os._exit(1)
    os._exit(0)


def staging_dir(site_dir: Path, code: str) -> Path:
    """Where a language is built beside the English one (outside site_dir, which the English build
    cleans; on the same disk, so that moving it in is a rename)."""
    return site_dir.parent / f".{site_dir.name}-{code}.building"


def build_all(site_dir: Path, only: list | None = None, strict: bool = True, parallel: bool | None = None) -> dict:
    """Build every language (or those in `only`; English always). Returns seconds per step.

    Side by side (where the machine has more than one core): every language at once, in forked
    processes that inherit the checked data, the others starting as soon as the English build
    has made the dossiers. One after the other otherwise. Then what they share, once."""
    import multiprocessing
    import shutil
    from . import dossier, mkdocs_hook
    codes = [c for c in languages() if not only or c in only or c == "en"]
    timings = {}
    previous = {key: os.environ.get(key) for key in ("SITE_LANG", mkdocs_hook.ALL_LANGUAGES, mkdocs_hook.LANGUAGES)}
    os.environ[mkdocs_hook.ALL_LANGUAGES] = "1"
    os.environ[mkdocs_hook.LANGUAGES] = ",".join(codes)
    others = [c for c in codes if c != "en"]
    if parallel is None:
        parallel = (os.cpu_count() or 1) > 1 and bool(others) and "fork" in multiprocessing.get_all_start_methods()
    children = []
    try:
        started = time.monotonic()
        if parallel:
            context = multiprocessing.get_context("fork")
            gc.freeze()  # the loaded data stays shared with the children, not copied page by page
            ready = context.Event()
            dossier.when_ready(ready.set)
            for code in others:
                shutil.rmtree(staging_dir(site_dir, code), ignore_errors=True)
                child = context.Process(target=_build_in_child, args=(code, site_dir, strict, staging_dir(site_dir, code), ready))
                child.start()
                children.append((code, child))
            english = build_one("en", site_dir, strict)
            for _, child in children:
                child.join()
            failed = [code for code, child in children if child.exitcode != 0]
            if failed:
                raise Abort(f"the build of {', '.join(failed)} failed (see above)")
            for code in others:
                os.replace(staging_dir(site_dir, code), site_dir / code)
            timings[" + ".join(codes) + " (side by side)"] = time.monotonic() - started
        else:
            english = build_one("en", site_dir, strict)
            timings["en"] = time.monotonic() - started
            for code in others:
                started = time.monotonic()
                build_one(code, site_dir, strict)
                timings[code] = time.monotonic() - started
        started = time.monotonic()
        mkdocs_hook.finish_site(english, codes)
        timings["shared"] = time.monotonic() - started
    finally:
        dossier.when_ready(None)
        for code, child in children:
            if child.is_alive():
                child.terminate()
                child.join()
            shutil.rmtree(staging_dir(site_dir, code), ignore_errors=True)
        for key, value in previous.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    return timings


def main(site_dir: str, only: list | None) -> int:
    from mkdocs.exceptions import ConfigurationError

    from .data import DataError
    logging.basicConfig(level=logging.INFO, format="%(levelname)-7s -  %(message)s")
    try:
        timings = build_all(Path(site_dir).resolve(), only)
    except DataError as error:
        print(f"ERROR   -  {error.report()}\nAborted: the data has problems (nothing was published).")
        return 1
    except (Abort, PluginError, ConfigurationError) as error:
        print(f"ERROR   -  {error}\nAborted.")
        return 1
    print("built: " + ", ".join(f"{code} {seconds:.1f} s" for code, seconds in timings.items()))
    return 0
