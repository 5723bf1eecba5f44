"""One brief per person and language: a page a delegate can print, attach or quote.

The brief is one A4 page (two for long cases) that stands on its own: the name and its
spellings, the letter's sentences about the person with their paragraph, the situation today
with its basis, the case record, decisions of international bodies and the PACE documents that
name the person, the latest events, every source with its address, the data date, the version
and a "cite as" line. One template (overrides/components/brief.html) gives both forms:

- a web page, `briefs/<slug>.html` in each language's folder, with a print stylesheet
  (docs/assets/stylesheets/brief.css), linked from the profile;
- a PDF, `briefs/<slug>-<lang>.pdf` at the site's root, made with WeasyPrint like the dossier
  (tagged, fonts embedded, title and language set) and cached by the hash of its HTML: an
  unchanged person costs nothing. Its version is that of the person's own record.

Above PDF_LIMIT people the PDFs are not made (bench/run.py measures the cost per brief): the
web pages still are, and print to the same page from a browser.
"""
from __future__ import annotations

import os
import posixpath
import re
import shutil
from pathlib import Path

from . import citation, dossier, render, run, security, timeline

ROOT = Path(__file__).resolve().parent.parent
FOLDER = "briefs"
PDF_LIMIT = 300  # people: at 1,000, three languages' briefs would add a quarter of an hour to a cold build
CSS = ROOT / "docs/assets/stylesheets/brief.css"
LATEST = 2  # the newest events a brief lists (the profile has them all)
SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ«“\"'])")


def page_path(slug: str) -> str:
    """The brief's web page, from its language's root (beside people/)."""
    return f"{FOLDER}/{slug}.html"


def language_root(lang: str) -> str:
    """Where a language's pages are in the built site: English at the root, another language in
    <code>/ in the whole site, at the root in a build of that language alone (`mkdocs build`)."""
    return "" if lang == render.LANG or not run.CURRENT.pipeline else f"{lang}/"


def pdf_path(lang: str, slug: str) -> str:
    """The brief's PDF, from the site's root (one folder for every language: the name says which)."""
    return f"{FOLDER}/{slug}-{lang}.pdf"


def _stems(name: str) -> list:
    """The start of each word of a name but the first (a given name, which others share: Mukhtar
    Dzhakishev, Mukhtar Ablyazov), long enough to find it declined (Бокаев, Бокаеве)."""
    words = [w for w in re.split(r"[\s\-‑]+", name) if len(w) >= 4]
    return [w[: max(4, len(w) - 2)].casefold() for w in (words[1:] or words)]


def _sentences_naming(text: str, stems: list) -> str:
    """The sentences of a paragraph that name the person (the whole paragraph if none does)."""
    sentences = SENTENCE_END.split(text)
    found = [s for s in sentences if any(stem in s.casefold() for stem in stems)]
    return " ".join(found) if found else text


def letter_quotes(helpers, person) -> list:
    """The letter's sentences about the person, one entry per paragraph that names them: in the
    reader's language where translated (marked as a draft until reviewed; the English original is
    on the letter's page, a link away, so that the brief keeps to its page), else the English,
    marked as such."""
    stems = _stems(render.tr(person["name"])) + [s for alias in person.get("aliases") or [] for s in _stems(alias)]
    local = _stems(helpers.name(person))
    out = []
    for number in person.get("letter_paragraphs") or []:
        quoted = helpers.letter_paragraph(number)
        if quoted["how"] in ("en", "fallback"):
            out.append({"number": number, "how": quoted["how"], "text": _sentences_naming(quoted["text"], stems)})
        else:
            out.append({"number": number, "how": quoted["how"], "text": _sentences_naming(quoted["text"], local + stems)})
    return out


def pace_documents(helpers, person) -> list:
    """The PACE documents (sources whose id starts with pace-) that the record cites, oldest first."""
    case = person.get("case") or {}
    refs = []
    for item in [person["status"]] + person["facts"] + (person.get("updates") or []) + (case.get("rulings") or []):
        refs += [item["source"]] + list(item.get("also") or [])
    ids = list(dict.fromkeys(r.split("#")[0] for r in refs if r.startswith("pace-")))
    sources = helpers.get_site().sources
    ids.sort(key=lambda i: timeline.key(str(sources[i].get("date") or "9999")))
    return [helpers.cite(i) for i in ids]


def latest_events(person) -> list:
    updates = sorted((u for u in person.get("updates") or [] if not u.get("stated_by")), key=lambda u: timeline.key(u["date"]))
    return list(reversed(updates[-LATEST:]))


class Renderer:
    """The brief's HTML in one language (one Jinja environment for all its people)."""

    def __init__(self, site, config, lang: str, languages: list):
        self.site, self.lang, self.languages = site, lang, languages
        self.names = {entry["code"]: entry["name"] for entry in site.publication["languages"]}
        self.helpers = render.Helpers(lambda: site, config, lang)
        self.env = render.environment(config, self.helpers)
        self.template = self.env.get_template("components/brief.html")
        self.css = CSS.read_text(encoding="utf-8")

    def citation(self, person) -> dict:
        helpers = self.helpers
        return citation.citation(key=f"kz2017-brief-{person['slug']}-{self.lang}", title=helpers.ui("brief_title", name=helpers.name(person)),
                                 site=helpers.ui("site_name"), url=helpers.root_url(helpers.page_path(self.lang, page_path(person["slug"]))),
                                 version=helpers.version("profile", person), kind=helpers.ui("cite_kind.brief"), lang=self.lang)

    def alternates(self, person) -> list:
        """The brief in every language built: hreflang (absolute) and the switcher (relative)."""
        helpers, here = self.helpers, language_root(self.lang) + page_path(person["slug"])
        out = []
        for code in self.languages:
            there = language_root(code) + page_path(person["slug"])
            out.append({"code": code, "name": self.names.get(code, code), "current": code == self.lang,
                        "absolute": helpers.root_url(helpers.page_path(code, page_path(person["slug"]))),
                        "href": posixpath.relpath(there, posixpath.dirname(here))})
        return out

    def html(self, person, pdf: bool, pdf_file: dict | None = None) -> str:
        helpers = self.helpers
        refs = dossier.References(helpers)
        out = self.template.render(
            page=None, lang=self.lang, person=person, pdf=pdf, css=self.css, ref=refs, references=refs,
            letter=letter_quotes(helpers, person), decisions=self.site.decisions_about(person),
            pace=pace_documents(helpers, person), latest=latest_events(person), today=self.site.today,
            version=helpers.version("profile", person), citation=self.citation(person), pdf_file=pdf_file,
            alternates=[] if pdf else self.alternates(person),
            citation_url=helpers.root_url(helpers.page_path(self.lang, page_path(person["slug"]))),
            share_image=helpers.root_url(f"assets/share/{helpers.share_key(None, person)}.png"),
            profile_url=helpers.root_url(helpers.page_path(self.lang, helpers.person_url(person["slug"]))))
        return out if pdf else security.apply_policy(out)


def make_all(site, config, cache_dir: Path, languages: list, pdfs: bool = True) -> dict:
    """Every brief of `languages`: {lang: {slug: {"pdf": None or {"file", "pages", "bytes", "cached"}, ...}}}.
    The PDFs are made into the cache (by content) unless there are more than PDF_LIMIT people."""
    pdfs = pdfs and len(site.people) <= PDF_LIMIT
    made: dict = {}
    for lang in languages:
        renderer = Renderer(site, config, lang, languages)
        for person in site.people:
            made.setdefault(lang, {})[person["slug"]] = {"pdf": None, "renderer": renderer, "person": person}
    if pdfs:
        briefs = [(lang, slug, brief) for lang, by_slug in made.items() for slug, brief in by_slug.items()]
        results = dossier.make_pdfs([brief["renderer"].html(brief["person"], pdf=True) for _, _, brief in briefs], cache_dir)
        for (lang, slug, brief), (cached, pages) in zip(briefs, results, strict=True):
            brief["pdf"] = {"file": pdf_path(lang, slug), "pages": pages, "bytes": cached.stat().st_size, "cached": cached}
    return made


def write_pages(made: dict, folder: Path) -> int:
    """Write every brief's web page into `folder` (the site, or a folder moved into it). Returns how many."""
    from . import offline
    count = 0
    for lang, briefs in made.items():
        for slug, brief in briefs.items():
            pdf, link = brief["pdf"], None
            if pdf:
                where = language_root(lang) + page_path(slug)
                link = {"href": "../" * where.count("/") + pdf["file"],
                        "details": brief["renderer"].helpers.ui("dossier_details", pages=pdf["pages"], size=offline.human_size(pdf["bytes"]))}
            page = folder / language_root(lang) / page_path(slug)
            page.parent.mkdir(parents=True, exist_ok=True)
            page.write_text(brief["renderer"].html(brief["person"], pdf=False, pdf_file=link), encoding="utf-8")
            count += 1
    return count


def move_pages(folder: Path, site_dir: Path, languages: list) -> None:
    """Move the web pages written by write_pages into the site (folder by folder: renames)."""
    for lang in languages:
        made = folder / language_root(lang) / FOLDER
        if made.is_dir():
            os.replace(made, site_dir / language_root(lang) / FOLDER)


def place(made: dict, site_dir: Path, pages: bool = True) -> None:
    """Copy the PDFs into the site, and write the web pages unless they were written already
    (the pipeline writes them beside the language builds: write_pages)."""
    for briefs in made.values():
        for brief in briefs.values():
            if brief["pdf"]:
                target = site_dir / brief["pdf"]["file"]
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(brief["pdf"]["cached"], target)
    if pages:
        write_pages(made, site_dir)
