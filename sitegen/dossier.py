"""The PDF dossier, one per language, for delegates who read on paper or on a plane.

Built from the data (not from the web pages) with WeasyPrint, a real typesetting library, from
one template (overrides/components/dossier.html): a cover with the counts and the date of the
newest source, a table of contents with page numbers, the letter (in Russian and Kazakh the
translation made here, labelled, then the English original), one section per person (status,
timeline, facts, decisions, each statement with a numbered reference), the year-by-year table
and every source with its full address. Tagged for screen readers (PDF/UA-1), with an outline
of one entry per person, page numbers, the DejaVu fonts embedded (Cyrillic and Kazakh letters),
the document's title and language. The same data gives the same bytes: the PDF's identifier
and dates come from the data, and the result is cached by a hash of its HTML.

Above VOLUME_SIZE people a language's dossier is split into numbered volumes, so that no single
file grows without bound (bench/run.py shows where).
"""
from __future__ import annotations

import hashlib
import html
import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import markdown

from . import i18n, render, timeline

ROOT = Path(__file__).resolve().parent.parent
VOLUME_SIZE = 500
DOWNLOADS = "downloads"


@dataclass(frozen=True)
class Volume:
    lang: str
    number: int
    total: int
    people: tuple

    @property
    def name(self) -> str:
        return f"dossier-{self.lang}" + ("" if self.total == 1 else f"-{self.number}") + ".pdf"


def volumes(site, lang: str) -> list:
    people = site.people
    chunks = [people[i:i + VOLUME_SIZE] for i in range(0, len(people), VOLUME_SIZE)] or [[]]
    return [Volume(lang, n, len(chunks), tuple(chunk)) for n, chunk in enumerate(chunks, start=1)]


class References:
    """Sources numbered in the order the dossier first cites them."""

    def __init__(self, helpers):
        self.helpers = helpers
        self.order: list = []

    def __call__(self, ref: str) -> int:
        source_id = ref.split("#")[0]
        if source_id not in self.order:
            self.order.append(source_id)
        return self.order.index(source_id) + 1

    def listed(self) -> list:
        return [(n, source_id, self.helpers.cite(source_id)) for n, source_id in enumerate(self.order, start=1)]


def newest_source_date(site) -> str:
    dates = [s["date"] for s in site.cited_sources().values() if s.get("date")]
    return max(dates, key=timeline.key) if dates else "2017-10"


def letter_html(site, lang: str) -> tuple:
    """(translated paragraphs or None, English paragraphs) as HTML, links kept as plain text."""
    def as_html(text):
        text = re.sub(r"\[([^\]]+)\]\(#\)", r"\1", html.escape(text, quote=False))  # text, never markup
        return markdown.markdown(text)
    english = [as_html(p) for p in site.letter.paragraphs]
    if lang == render.LANG:
        return None, english
    translation = site.languages[lang].letter
    translated = [as_html(translation[i18n.fingerprint(p)].text) if i18n.fingerprint(p) in translation else None
                  for p in site.letter.paragraphs]
    return translated, english


def render_html(site, config, volume: Volume) -> str:
    helpers = render.Helpers(lambda: site, config, volume.lang)
    env = render.environment(config, helpers)
    refs = References(helpers)
    translated, english = letter_html(site, volume.lang)
    title = site.languages[volume.lang].letter.get("title") if volume.lang != render.LANG else None
    template = env.get_template("components/dossier.html")
    return template.render(
        page=None, lang=volume.lang, volume=volume, people=volume.people, ref=refs, references=refs,
        letter_title=title.text if title else site.letter.title, translated=translated, english=english,
        english_title=site.letter.title, newest=newest_source_date(site), data_date=site.today, site=site,
        letter_counts=site.letter_counts(), today=helpers.today_counts(), chart=helpers.chart(),
        site_url=helpers.root_url(), fonts="fonts")


def make_pdf(html_text: str, cache_dir: Path) -> tuple:
    """HTML to PDF with WeasyPrint, cached by the HTML's hash (the same HTML, the same bytes).
    Returns (the cached PDF, its number of pages)."""
    import logging

    import weasyprint
    # WeasyPrint reports its progress, and characters the shipped fonts lack (emoji typed into a
    # text), as log lines; the dossier is made all the same, so they are not build warnings.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("weasyprint.progress").setLevel(logging.ERROR)
    digest = hashlib.sha256((html_text + weasyprint.__version__).encode("utf-8")).hexdigest()
    cached, pages_file = cache_dir / f"{digest}.pdf", cache_dir / f"{digest}.pages"
    if not cached.exists() or not pages_file.exists():
        cache_dir.mkdir(parents=True, exist_ok=True)
        # Fonts and images are found from the repository, whatever folder it is in: the HTML names
        # them relatively, so the same data gives the same PDF in any checkout.
        document = weasyprint.HTML(string=html_text, base_url=str(ROOT) + "/").render(pdf_variant="pdf/ua-1")
        partial = cached.with_suffix(f".{os.getpid()}.tmp")
        document.write_pdf(partial, pdf_variant="pdf/ua-1", pdf_identifier=digest[:32].encode("ascii"))
        pages_file.write_text(str(len(document.pages)), encoding="utf-8")
        partial.replace(cached)
    return cached, int(pages_file.read_text(encoding="utf-8"))


def _make_pdf_job(job: tuple) -> tuple:
    return make_pdf(*job)


def make_pdfs(pages: list, cache_dir: Path) -> list:
    """[(cached PDF, pages)] for each HTML, made on every core (WeasyPrint uses one), in forked
    processes where the system has them: those in the cache cost a hash."""
    import multiprocessing
    jobs = [(html_text, cache_dir) for html_text in pages]
    workers = min(os.cpu_count() or 1, len(jobs))
    if workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return [_make_pdf_job(job) for job in jobs]
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        return pool.map(_make_pdf_job, jobs, chunksize=max(1, min(4, len(jobs) // (4 * workers))))


def make_all(site, config, cache_dir: Path, languages: list | None = None) -> dict:
    """Every language's dossier (or those of `languages`), made into the cache: {lang: [entry]},
    each entry the file's name, pages, bytes, volume and the cached PDF to copy into the site."""
    every = [volume for lang in site.language_codes() if not languages or lang in languages
             for volume in volumes(site, lang)]
    made = {}
    results = make_pdfs([render_html(site, config, volume) for volume in every], cache_dir)
    for volume, (cached, pages) in zip(every, results, strict=True):
        made.setdefault(volume.lang, []).append({"file": volume.name, "pages": pages, "bytes": cached.stat().st_size,
                                                 "volume": volume.number, "volumes": volume.total, "cached": cached})
    return made


def place(made: dict, site_dir: Path) -> None:
    """Copy the dossiers from the cache into site/downloads/."""
    for entries in made.values():
        for entry in entries:
            target = site_dir / DOWNLOADS / entry["file"]
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(entry["cached"], target)
