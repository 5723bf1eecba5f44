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
DESIGN_VERSION = "6"           # change to redraw every image after a design change
FONTS = Path(__file__).resolve().parent.parent / "fonts"


@dataclass(frozen=True)
class ShareImage:
    name: str       # file name without .png: a slug, "letter" or "home"
    title: str      # large: a person's name or the letter's title
    subtitle: str   # what the page is; after its last " · ", the status, which is never cut
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
        if len(lines) <= max_lines and all(draw.textlength(line, font=font) <= width for line in lines):
            return font, lines
    font = _font(bold, sizes[-1])
    lines = _wrap(draw, text, font, width)[:max_lines]
    for index, line in enumerate(lines[:-1]):  # a word longer than a whole line: the only cut inside a word
        if draw.textlength(line, font=font) > width:
            while line and draw.textlength(line + "…", font=font) > width:
                line = line[:-1]
            lines[index] = line + "…"
    words = lines[-1].split()  # cut at a word boundary, never inside a word
    while len(words) > 1 and draw.textlength(" ".join(words) + "…", font=font) > width:
        words.pop()
    last = " ".join(words).rstrip(",;:·")
    while last and draw.textlength(last + "…", font=font) > width:  # one word longer than the line
        last = last[:-1]
    lines[-1] = last + "…"
    return font, lines


@dataclass(frozen=True)
class Line:
    text: str
    font: object
    x: int
    y: int

    def box(self, pen) -> tuple:
        """(left, top, right, bottom) of the ink, as Pillow measures it."""
        return pen.textbbox((self.x, self.y), self.text, font=self.font)


TITLE_SIZES = [84, 72, 64, 56, 48, 42, 36]
SUBTITLE_SIZES = [40, 36, 32, 28, 24]
GAP = 24  # between blocks, and above the footer


def layout(image: ShareImage, pen) -> list:
    """Every line of text with its font and position, measured so that no two lines overlap
    and the footer keeps its own band, whatever the language or length of the texts."""
    width = WIDTH - 2 * MARGIN
    footer_font, footer_lines = _fit(pen, image.footer, False, [30, 26, 22], width, 1)
    footer_top = HEIGHT - MARGIN - pen.textbbox((0, 0), footer_lines[0], font=footer_font)[3]
    footer = Line(footer_lines[0], footer_font, MARGIN, footer_top)
    room = footer_top - GAP - MARGIN  # height for the title, the accent bar and the subtitle
    for title_max, sub_max in ((3, 2), (2, 2), (2, 1), (1, 1)):
        for t_size, s_size in zip(TITLE_SIZES + TITLE_SIZES[-1:] * 8, SUBTITLE_SIZES + SUBTITLE_SIZES[-1:] * 8, strict=False):
            title_font, title_lines = _fit(pen, image.title, True, [t_size], width, title_max)
            head, _, status = image.subtitle.rpartition(" · ")
            if head:  # the status keeps its lines whole; what comes before it may be cut
                sub_font, status_lines = _fit(pen, status, False, [s_size], width, 2)
                _, head_lines = _fit(pen, head, False, [s_size], width, max(sub_max - len(status_lines), 1))
                sub_lines = head_lines + status_lines
            else:
                sub_font, sub_lines = _fit(pen, image.subtitle, False, [s_size], width, sub_max)
            lines, y = [], MARGIN
            for text in title_lines:
                lines.append(Line(text, title_font, MARGIN, y))
                y += int(title_font.size * 1.25)
            bar = y + GAP
            y = bar + 8 + GAP
            for text in sub_lines:
                lines.append(Line(text, sub_font, MARGIN, y))
                y += int(sub_font.size * 1.35)
            bottom = max((line.box(pen)[3] for line in lines), default=y)
            if bottom <= MARGIN + room:
                return lines + [footer], bar
    return lines + [footer], bar


def draw(image: ShareImage) -> Image.Image:
    canvas = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    pen = ImageDraw.Draw(canvas)
    pen.rectangle([0, 0, 24, HEIGHT], fill=ACCENT)
    lines, bar = layout(image, pen)
    pen.rectangle([MARGIN, bar, MARGIN + 120, bar + 8], fill=ACCENT)
    for line in lines:
        pen.text((line.x, line.y), line.text, font=line.font, fill=MUTED if line is lines[-1] else TEXT)
    return canvas


def _mix(a: tuple, b: tuple, share: float) -> tuple:
    return tuple(round(x + (y - x) * share) for x, y in zip(a, b, strict=True))


# Six colours: the design's four and two steps between the background and the text, which
# smooth the letters' edges. Previews are shown scaled down, which smooths them further. A fixed
# palette is deterministic, and a fifth of the bytes of a free 32-colour one (10,000 people:
# 30 MB less).
PALETTE = [BACKGROUND, TEXT, MUTED, ACCENT, _mix(BACKGROUND, TEXT, 1 / 3), _mix(BACKGROUND, TEXT, 2 / 3)]


@functools.lru_cache(maxsize=1)
def _palette_image() -> Image.Image:
    palette = Image.new("P", (1, 1))
    flat = [channel for colour in PALETTE for channel in colour]
    palette.putpalette(flat + [0] * (768 - len(flat)))
    return palette


def _draw_into_cache(job) -> None:
    image, cached = job
    partial = cached.with_suffix(f".{os.getpid()}.tmp")
    # `optimize` makes the PNG encoder search harder (about 14% smaller, 12 ms more per image).
    draw(image).quantize(palette=_palette_image(), dither=Image.Dither.NONE).save(partial, format="PNG", optimize=True)
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
    target.parent.mkdir(parents=True, exist_ok=True)
    target.unlink(missing_ok=True)
    try:
        os.link(cached, target)
    except OSError:
        shutil.copyfile(cached, target)
