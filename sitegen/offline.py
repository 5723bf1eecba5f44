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
import zipfile
from pathlib import Path

NAME = "kazakhstan-open-letter.zip"
# The 404 pages are for a web server (their links start from the site's root); offline, a
# missing page is a missing file.
LEFT_OUT = ("pagefind/", "assets/share/", f"downloads/{NAME}", "404.html", "ru/404.html", "kk/404.html")
SIZE_MARK = re.compile(r'<span class="?kz-zip-size"?></span>')
# Every page's footer gives the zip's size, known only once the zip is made from the pages. So
# each page is written with a slot of fixed length, closing the parenthesis (as the copy shows
# it), and the size is written into the slot in place: a few bytes per page, not every page again.
SLOT_LENGTH = 48
SLOT_OPEN = '<span class="kz-zip-size">'


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
    write_deterministic_zip(target, files, lambda path: f"kazakhstan-open-letter/{path.relative_to(site_dir).as_posix()}", stamp)
    return target


def write_deterministic_zip(target: Path, files: list, name_of, stamp: tuple) -> None:
    """A zip whose bytes depend only on its files: entries in the given order, one timestamp,
    one mode, one compression level (the offline copy and the release's zips)."""
    with zipfile.ZipFile(target, "w") as archive:
        for path in files:
            info = zipfile.ZipInfo(name_of(path), date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes(), compresslevel=9)


def human_size(size: int) -> str:
    return f"{size / 2**20:.1f} MB" if size >= 2**20 else f"{max(size // 1024, 1)} KB"


def reserve_size_slot(page: str) -> str:
    """The footer's empty size mark becomes a slot of fixed length that reads ")"."""
    return SIZE_MARK.sub(lambda _: SLOT_OPEN + ")".ljust(SLOT_LENGTH) + "</span>", page)


def fill_size(site_dir: Path, text: str) -> int:
    """Online, every page's footer gives the zip's size; the pages in the zip keep ")" alone
    (offline, the size of the copy one has is of no use). Returns how many pages were filled."""
    content = text.encode("utf-8")
    if len(content) > SLOT_LENGTH:
        raise ValueError(f"the offline copy's size text {text!r} is longer than its slot ({SLOT_LENGTH} bytes)")
    opening, empty = SLOT_OPEN.encode(), (")".ljust(SLOT_LENGTH) + "</span>").encode()
    filled = 0
    for page in site_dir.rglob("*.html"):
        with open(page, "r+b") as file:
            page_bytes = file.read()
            at = page_bytes.find(opening + empty)
            if at >= 0:
                filled += 1
            while at >= 0:
                file.seek(at + len(opening))
                file.write(content.ljust(SLOT_LENGTH))
                at = page_bytes.find(opening + empty, at + 1)
    return filled
