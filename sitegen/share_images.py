"""Share images (1200x630 PNG) for the link previews of every profile, the letter and the site.

Drawn with Pillow and the fonts in fonts/, without the network. Each image is cached under
.cache/share-images by a hash of everything that goes into it, so a rebuild draws only
the images whose text changed.

Why Pillow rather than Material's social plugin: the plugin needs Cairo, downloads its
fonts unless told otherwise, renders through layouts tied to a theme that ends in 2027,
and knows nothing of our data (a person's status line). This module is small, offline,
deterministic (same input, same bytes) and moves unchanged to any successor theme.
"""
from __future__ import annotations

import functools
import hashlib
import os
import shutil
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 1200, 630
MARGIN = 80
BACKGROUND = (26, 35, 126)     # Material indigo 900
ACCENT = (255, 214, 0)
TEXT = (255, 255, 255)
MUTED = (197, 202, 233)
DESIGN_VERSION = "2"           # change to redraw every image after a design change
FONTS = Path(__file__).resolve().parent.parent / "fonts"


@dataclass(frozen=True)
class ShareImage:
    name: str       # file name without .png: a slug, "letter" or "home"
    title: str      # large: a person's name or the letter's title
    subtitle: str   # one line of status
    footer: str     # the site's name

    def key(self) -> str:
        digest = hashlib.sha256(fonts_digest().encode())
        for part in (DESIGN_VERSION, self.title, self.subtitle, self.footer):
            digest.update(part.encode("utf-8") + b"\0")
        return digest.hexdigest()


@functools.lru_cache(maxsize=1)
def fonts_digest() -> str:
    """The fonts are part of every image's key: read them once per process."""
    return hashlib.sha256(b"".join(p.read_bytes() for p in sorted(FONTS.glob("*.ttf")))).hexdigest()


@functools.lru_cache(maxsize=32)
def _font(bold: bool, size: int):
    return ImageFont.truetype(str(FONTS / ("DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf")), size)


def _wrap(draw, text, font, width):
    lines, line = [], ""
    for word in text.split():
        trial = f"{line} {word}".strip()
        if draw.textlength(trial, font=font) <= width or not line:
            line = trial
        else:
            lines.append(line)
            line = word
    return lines + ([line] if line else [])


def _fit(draw, text, bold, sizes, width, max_lines):
    """The largest size at which `text` fits in `max_lines` lines; the last line cut with '…'."""
    for size in sizes:
        font = _font(bold, size)
        lines = _wrap(draw, text, font, width)
        if len(lines) <= max_lines and all(draw.textlength(l, font=font) <= width for l in lines):
            return font, lines
    font = _font(bold, sizes[-1])
    lines = _wrap(draw, text, font, width)[:max_lines]
    while lines and draw.textlength(lines[-1] + "…", font=font) > width:
        lines[-1] = lines[-1][:-1]
    lines[-1] = lines[-1].rstrip() + "…"
    return font, lines


def draw(image: ShareImage) -> Image.Image:
    canvas = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    pen = ImageDraw.Draw(canvas)
    width = WIDTH - 2 * MARGIN
    pen.rectangle([0, 0, 24, HEIGHT], fill=ACCENT)
    footer_font = _font(False, 30)
    pen.text((MARGIN, HEIGHT - MARGIN - 30), image.footer, font=footer_font, fill=MUTED)
    title_font, title_lines = _fit(pen, image.title, True, [84, 72, 64, 56, 48], width, 3)
    sub_font, sub_lines = _fit(pen, image.subtitle, False, [40, 36, 32], width, 2)
    y = MARGIN
    for line in title_lines:
        pen.text((MARGIN, y), line, font=title_font, fill=TEXT)
        y += int(title_font.size * 1.2)
    y += 24
    pen.rectangle([MARGIN, y, MARGIN + 120, y + 8], fill=ACCENT)
    y += 40
    for line in sub_lines:
        pen.text((MARGIN, y), line, font=sub_font, fill=TEXT)
        y += int(sub_font.size * 1.3)
    return canvas


def _draw_into_cache(job) -> None:
    image, cached = job
    partial = cached.with_suffix(f".{os.getpid()}.tmp")
    # A 32-colour palette: the same look at about a third of the bytes, and deterministic.
    draw(image).quantize(32, method=Image.Quantize.FASTOCTREE).save(partial, format="PNG")
    partial.replace(cached)


PARALLEL_FROM = 32  # below this many new images, starting worker processes costs more than it saves


def write_all(images, out_dir: Path, cache_dir: Path) -> int:
    """Write every image into out_dir, drawing only those not in the cache. Returns how many were drawn."""
    out_dir.mkdir(parents=True, exist_ok=True)
    cache_dir.mkdir(parents=True, exist_ok=True)
    jobs = [(image, cache_dir / f"{image.key()}.png") for image in images]
    missing = list({cached: (image, cached) for image, cached in jobs if not cached.exists()}.values())
    if len(missing) >= PARALLEL_FROM and (os.cpu_count() or 1) > 1:
        with ProcessPoolExecutor() as pool:
            list(pool.map(_draw_into_cache, missing, chunksize=16))
    else:
        for job in missing:
            _draw_into_cache(job)
    for image, cached in jobs:
        place(cached, out_dir / f"{image.name}.png")
    return len(missing)


def place(cached: Path, target: Path) -> None:
    """A hard link to the cached file where the file system allows it, else a copy."""
    target.unlink(missing_ok=True)
    try:
        os.link(cached, target)
    except OSError:
        shutil.copyfile(cached, target)
