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
import html
import os
import re
import zipfile
from pathlib import Path

NAME = "kazakhstan-open-letter.zip"
# The 404 pages are for a web server (their links start from the site's root); offline, a
# missing page is a missing file.
LEFT_OUT = ("pagefind/", "assets/share/", f"downloads/{NAME}", "404.html", "ru/404.html", "kk/404.html")
SIZE_MARK = re.compile(r'<span class="?kz-zip-size"?></span>')


def build_date() -> dt.date:
    """The day of the commit (SOURCE_DATE_EPOCH, set by the Makefile), or today without one."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date() if epoch else dt.date.today()


def write_zip(site_dir: Path) -> Path:
    target = site_dir / "downloads" / NAME
    target.parent.mkdir(parents=True, exist_ok=True)
    stamp = max(build_date(), dt.date(1980, 1, 1)).timetuple()[:3] + (0, 0, 0)
    files = sorted((p for p in site_dir.rglob("*") if p.is_file()
                    and not p.relative_to(site_dir).as_posix().startswith(LEFT_OUT)),
                   key=lambda p: p.relative_to(site_dir).as_posix())
    with zipfile.ZipFile(target, "w") as archive:
        for path in files:
            info = zipfile.ZipInfo(f"kazakhstan-open-letter/{path.relative_to(site_dir).as_posix()}", date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes(), compresslevel=9)
    return target


def human_size(size: int) -> str:
    return f"{size / 2**20:.1f} MB" if size >= 2**20 else f"{max(size // 1024, 1)} KB"


def fill_size(site_dir: Path, zip_file: Path, text: str) -> None:
    """Online, every page's footer gives the zip's size (known only once it is made); the pages
    inside the zip keep the mark empty: offline, the size of the copy one has is of no use."""
    filled = f'<span class="kz-zip-size">{html.escape(text)}</span>'
    for page in site_dir.rglob("*.html"):
        content = page.read_text(encoding="utf-8")
        if SIZE_MARK.search(content):
            page.write_text(SIZE_MARK.sub(lambda _: filled, content), encoding="utf-8")
