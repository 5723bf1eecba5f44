"""`python -m sitegen build`: the whole site, every language, as one pipeline.

1. Load and check the data once (a bad record stops here, with every problem listed).
2. Make what the pages need from the other outputs first: the PDF dossiers of every language
   and each person's brief (PDFs cached by content), whose page counts the pages show.
3. Build the pages of each language, a strict MkDocs build from the same mkdocs.yml (SITE_LANG
   sets theme.language), into a hidden folder inside site_dir (English at its root, the others
   in <code>/); and the briefs' web pages, which need only the data. Where the machine has more
   than one core, all at once in forked processes that inherit the checked data, each into a
   folder of its own, moved in at the end.
4. Make what the languages share, once: search index, share images, open data, feed, the
   dossiers and brief PDFs copied in, the offline copy (sitegen/mkdocs_hook.py: finish_site).
5. Publish: move the finished site into site_dir, each page written once with the offline
   copy's size, which is known only now (sitegen/offline.py: publish). A failed build leaves
   site_dir as the last good build left it.

The steps hand each other their results through sitegen/run.py. Warnings fail the build, as in
`mkdocs build --strict`.
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

from . import run

ROOT = Path(__file__).resolve().parent.parent
log = logging.getLogger("mkdocs.sitegen")


def config_for(code: str, site_dir: Path, strict: bool):
    """One language's MkDocs configuration (SITE_LANG is how mkdocs.yml picks theme.language)."""
    os.environ["SITE_LANG"] = code
    return load_config(str(ROOT / "mkdocs.yml"), strict=strict, site_dir=str(site_dir))


def build_one(code: str, site_dir: Path, strict: bool, target: Path | None = None):
    """One language's MkDocs build (into `target`, by default its place in site_dir); returns its config."""
    if target is None:
        target = site_dir if code == "en" else site_dir / code
    config = config_for(code, target, strict)
    build(config)
    return config


def _build_in_child(code: str, site_dir: Path, strict: bool, target: Path) -> None:
    """A forked build of one language, into its own folder (moved into site_dir at the end)."""
    try:
        build_one(code, site_dir, strict, target)
    except (Abort, PluginError) as error:
        print(f"ERROR   -  {code}: {error}", flush=True)
        os._exit(1)
    os._exit(0)


def _write_briefs_in_child(folder: Path) -> None:
    """The briefs' web pages of every language, forked beside the page builds (they need only the data)."""
    from . import brief
    try:
        brief.write_pages(run.CURRENT.briefs, folder)
    except Exception as error:  # noqa: BLE001 (the parent reports the failure and stops)
        print(f"ERROR   -  briefs: {error}", flush=True)
        os._exit(1)
    os._exit(0)


def staging_dir(site_dir: Path, code: str) -> Path:
    """Where a part of the site is built before it is published into site_dir: "en" is the whole
    site (English at its root); another language, or "briefs", a folder of its own beside it,
    moved in once built (the English build cleans its folder). Hidden folders inside site_dir:
    nothing is written outside the output folder, and moving is a rename."""
    return site_dir / f".{code}.building"


def build_all(site_dir: Path, only: list | None = None, strict: bool = True, parallel: bool | None = None,
              pdfs: bool = True) -> dict:
    """Build every language (or those in `only`; English always). Returns seconds per step.
    Without `pdfs` (a quick preview, the tests' small sites, bench/run.py above a size where
    making the dossiers would take most of an hour), no dossier or brief PDF is made and the
    pages link none."""
    import multiprocessing
    import shutil

    from . import brief, mkdocs_hook, offline
    from .data import load
    previous_lang = os.environ.get("SITE_LANG")
    codes = [c for c in load(ROOT).language_codes() if not only or c in only or c == "en"]
    others = [c for c in codes if c != "en"]
    if parallel is None:
        parallel = (os.cpu_count() or 1) > 1 and "fork" in multiprocessing.get_all_start_methods()
    timings, children = {}, []
    out = staging_dir(site_dir, "en")  # the site until it is published
    try:
        started = time.monotonic()
        loaded = load(ROOT)  # 1. the data, checked once
        from .i18n import summary
        for code in others:
            log.info(summary(loaded.languages[code], loaded))
        english = config_for("en", site_dir, strict)
        made = mkdocs_hook.make_dossiers(loaded, english, codes) if pdfs else {}  # 2.
        run.start(run.Run(pipeline=True, languages=tuple(codes), dossiers=made))
        run.CURRENT.briefs = mkdocs_hook.make_briefs(loaded, english, codes, pdfs=pdfs)
        timings["data and dossiers"] = time.monotonic() - started
        started = time.monotonic()
        if parallel:  # 3. every language at once
            context = multiprocessing.get_context("fork")
            gc.freeze()  # the loaded data stays shared with the children, not copied page by page
            jobs = [(code, _build_in_child, (code, out, strict, staging_dir(site_dir, code))) for code in others]
            jobs.append(("briefs", _write_briefs_in_child, (staging_dir(site_dir, "briefs"),)))
            for name, target, args in jobs:
                shutil.rmtree(staging_dir(site_dir, name), ignore_errors=True)
                child = context.Process(target=target, args=args)
                child.start()
                children.append((name, child))
            english = build_one("en", out, strict)
            for _, child in children:
                child.join()
            failed = [name for name, child in children if child.exitcode != 0]
            if failed:
                raise Abort(f"the build of {', '.join(failed)} failed (see above)")
            for code in others:
                os.replace(staging_dir(site_dir, code), out / code)
            brief.move_pages(staging_dir(site_dir, "briefs"), out, codes)
            timings[" + ".join(codes + ["briefs"]) + " (side by side)"] = time.monotonic() - started
        else:
            english = build_one("en", out, strict)
            timings["en"] = time.monotonic() - started
            for code in others:
                started = time.monotonic()
                build_one(code, out, strict)
                timings[code] = time.monotonic() - started
            started = time.monotonic()
            brief.write_pages(run.CURRENT.briefs, out)
            timings["briefs"] = time.monotonic() - started
        started = time.monotonic()
        size = mkdocs_hook.finish_site(english, codes)  # 4. what the languages share
        timings["shared"] = time.monotonic() - started
        started = time.monotonic()
        filled = offline.publish(out, site_dir, size)  # 5.
        log.info("published into %s, the offline copy's size on %d pages (%.1f s)", site_dir, filled, time.monotonic() - started)
    finally:
        run.start(run.Run())
        for name, child in children:
            if child.is_alive():
                child.terminate()
                child.join()
            shutil.rmtree(staging_dir(site_dir, name), ignore_errors=True)
        shutil.rmtree(out, ignore_errors=True)
        if previous_lang is None:
            os.environ.pop("SITE_LANG", None)
        else:
            os.environ["SITE_LANG"] = previous_lang
    return timings


def main(site_dir: str, only: list | None, pdfs: bool = True) -> int:
    from mkdocs.exceptions import ConfigurationError

    from .data import DataError
    logging.basicConfig(level=logging.INFO, format="%(levelname)-7s -  %(message)s")
    try:
        timings = build_all(Path(site_dir).resolve(), only, pdfs=pdfs)
    except DataError as error:
        print(f"ERROR   -  {error.report()}\nAborted: the data has problems (nothing was published).")
        return 1
    except (Abort, PluginError, ConfigurationError) as error:
        print(f"ERROR   -  {error}\nAborted.")
        return 1
    print("built: " + ", ".join(f"{code} {seconds:.1f} s" for code, seconds in timings.items()))
    return 0
