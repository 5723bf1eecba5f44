"""The offline copy: one zip of the whole site, every language, to carry where the site is blocked.

Unpacked anywhere and opened from disk, every page works: links are relative, pages end in
.html, the switcher needs no script. It leaves out only what a reader does not need offline:
the share images (for link previews), the search index (search cannot work from disk; the
search page says so and points to the index of everyone named) and the zip itself. The same
commit gives the same bytes: entries sorted, timestamps fixed (SOURCE_DATE_EPOCH), one
compression level.
"""
from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import zipfile
from pathlib import Path

NAME = "kazakhstan-open-letter.zip"
# The 404 pages are for a web server (their links start from the site's root); offline, a
# missing page is a missing file.
LEFT_OUT = ("pagefind/", "assets/share/", f"downloads/{NAME}", "404.html", "ru/404.html", "kk/404.html")
# Every page's footer gives the zip's size online, and only ")" inside the copy (offline, the size
# of the copy one holds is of no use). The pipeline builds the pages with an empty mark, into a
# folder of their own; the zip is made from them (mark closed), and then each page is written
# into the site once, with the size (publish). No page is rewritten after it is published.
SIZE_MARK = re.compile(r'<span class="?kz-zip-size"?></span>')
SIZE_MARK_BYTES = b"kz-zip-size"


def with_size(page: str, text: str = ")") -> str:
    """The page with its size marks filled: `text` is ", 12.3 MB)" online, ")" in the copy."""
    return SIZE_MARK.sub(lambda _: f'<span class="kz-zip-size">{text}</span>', page)


def close_size(path: Path) -> bytes:
    """A file as the copy holds it: pages with their size marks reading ")"."""
    content = path.read_bytes()
    if path.suffix == ".html" and SIZE_MARK_BYTES in content:
        return with_size(content.decode("utf-8")).encode("utf-8")
    return content


def build_date(data_date: str) -> dt.date:
    """The day of the commit (SOURCE_DATE_EPOCH, set by the Makefile), or without one the data
    date (the newest search): never the clock, so the same commit gives the same bytes."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
    parts = [int(p) for p in data_date.split("-")] + [1, 1]
    return dt.date(parts[0], parts[1], parts[2])


def write_zip(site_dir: Path, data_date: str) -> Path:
    target = site_dir / "downloads" / NAME
    target.parent.mkdir(parents=True, exist_ok=True)
    stamp = max(build_date(data_date), dt.date(1980, 1, 1)).timetuple()[:3] + (0, 0, 0)
    files = sorted((p for p in site_dir.rglob("*") if p.is_file()
                    and not p.relative_to(site_dir).as_posix().startswith(LEFT_OUT)),
                   key=lambda p: p.relative_to(site_dir).as_posix())
    write_deterministic_zip(target, files, lambda path: f"kazakhstan-open-letter/{path.relative_to(site_dir).as_posix()}",
                            stamp, content_of=close_size)
    return target


def write_deterministic_zip(target: Path, files: list, name_of, stamp: tuple, content_of=Path.read_bytes) -> None:
    """A zip whose bytes depend only on its files: entries in the given order, one timestamp,
    one mode, one compression level (the offline copy and the release's zips)."""
    with zipfile.ZipFile(target, "w") as archive:
        for path in files:
            info = zipfile.ZipInfo(name_of(path), date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, content_of(path), compresslevel=9)


def human_size(size: int) -> str:
    return f"{size / 2**20:.1f} MB" if size >= 2**20 else f"{max(size // 1024, 1)} KB"


def publish(staged: Path, site_dir: Path, size_text: str) -> int:
    """Move the finished site from the folder it was built in into `site_dir`, replacing what a
    previous build left there (dotfiles kept, as MkDocs does): each page with a size mark is
    written once, with the size; every other file is moved (a rename). Returns how many pages
    show the size."""
    site_dir.mkdir(parents=True, exist_ok=True)
    for entry in site_dir.iterdir():
        if not entry.name.startswith("."):
            shutil.rmtree(entry) if entry.is_dir() and not entry.is_symlink() else entry.unlink()
    filled, folders = 0, set()
    for path in sorted(p for p in staged.rglob("*") if p.is_file()):
        target = site_dir / path.relative_to(staged)
        if target.parent not in folders:
            target.parent.mkdir(parents=True, exist_ok=True)
            folders.add(target.parent)
        content = path.read_bytes() if path.suffix == ".html" else b""
        if SIZE_MARK_BYTES in content:
            target.write_text(with_size(content.decode("utf-8"), size_text), encoding="utf-8")
            filled += 1
        else:
            os.replace(path, target)
    shutil.rmtree(staged)
    return filled
