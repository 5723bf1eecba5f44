"""`python -m sitegen build`: the whole site, every language.

English is built first into site_dir (which it cleans), then the other languages into
site_dir/<code>/, side by side in forked processes where the machine has more than one core
(each cleans only its own folder), each by MkDocs in strict mode from the same mkdocs.yml
(SITE_LANG sets theme.language). The data is loaded and checked once, before the first build:
the forked builds inherit it. What all languages share (search index, share images, open
data, feed) is made once at the end. Warnings fail the build, as in `mkdocs build --strict`.
"""
from __future__ import annotations

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


def build_one(code: str, site_dir: Path, strict: bool):
    """One language's MkDocs build; returns its config."""
    os.environ["SITE_LANG"] = code
    target = site_dir if code == "en" else site_dir / code
    config = load_config(str(ROOT / "mkdocs.yml"), strict=strict, site_dir=str(target))
    build(config)
    return config


def _build_in_child(code: str, site_dir: Path, strict: bool) -> None:
    try:
        build_one(code, site_dir, strict)
    except (Abort, PluginError) as error:
        print(f"ERROR   -  {code}: {error}", flush=True)
        os._exit(1)
    os._exit(0)


def build_all(site_dir: Path, only: list | None = None, strict: bool = True, parallel: bool | None = None) -> dict:
    """Build every language (or those in `only`, English always first). Returns seconds per language."""
    import multiprocessing
    from . import mkdocs_hook
    codes = [c for c in languages() if not only or c in only or c == "en"]
    timings = {}
    previous = {key: os.environ.get(key) for key in ("SITE_LANG", mkdocs_hook.ALL_LANGUAGES, mkdocs_hook.LANGUAGES)}
    os.environ[mkdocs_hook.ALL_LANGUAGES] = "1"
    os.environ[mkdocs_hook.LANGUAGES] = ",".join(codes)
    others = [c for c in codes if c != "en"]
    if parallel is None:
        parallel = (os.cpu_count() or 1) > 1 and len(others) > 1 and "fork" in multiprocessing.get_all_start_methods()
    try:
        started = time.monotonic()
        english = build_one("en", site_dir, strict)
        timings["en"] = time.monotonic() - started
        started = time.monotonic()
        if parallel:
            context = multiprocessing.get_context("fork")
            children = [context.Process(target=_build_in_child, args=(code, site_dir, strict)) for code in others]
            for child in children:
                child.start()
            for child in children:
                child.join()
            failed = [code for code, child in zip(others, children) if child.exitcode != 0]
            if failed:
                raise Abort(f"the build of {', '.join(failed)} failed (see above)")
            timings["+".join(others) + " (side by side)"] = time.monotonic() - started
        else:
            for code in others:
                started = time.monotonic()
                build_one(code, site_dir, strict)
                timings[code] = time.monotonic() - started
        started = time.monotonic()
        mkdocs_hook.finish_site(english, codes)
        timings["shared"] = time.monotonic() - started
    finally:
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
