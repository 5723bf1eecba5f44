"""Links: the addresses of pages, shared files, sources, downloads and versions, absolute or
relative to the page, in every language the build makes. A part of render.Helpers."""
from __future__ import annotations

import posixpath
from pathlib import Path
from urllib.parse import quote

from .multilingual import LANG


class Links:
    """Addresses and citations (render.Helpers: get_site, config, lang)."""

    def cite(self, ref: str) -> dict:
        """A source reference ('pace-wd-655', 'letter#p8') as what a template shows."""
        source_id, _, anchor = ref.partition("#")
        source = self.get_site().sources[source_id]
        out = {"id": source_id, "title": source["title"], "publisher": source["publisher"],
               "date": self.fmt_date(source["date"]) if source.get("date") else "",
               "url": source.get("url") or "", "archived": source.get("archived") or "", "paragraph": None,
               "described": bool(source.get("described"))}
        # A headline keeps its own language (a described title is in English): marked where it is not the page's.
        title_lang = "en" if source.get("described") else source.get("language") or "en"
        out["title_lang"] = title_lang if title_lang != self.lang else None
        out["publisher_lang"] = LANG if self.lang != LANG else None  # data/sources.yml names publishers in English
        if source_id == "letter" and anchor:
            out["paragraph"] = int(anchor[1:])
        return out

    def site_url(self, page_url: str = "") -> str:
        """An absolute address in this language's site (the English at the root, others below)."""
        return (self.config["site_url"] or "").rstrip("/") + "/" + page_url

    def root_url(self, path: str = "") -> str:
        """An absolute address of a file every language shares (data, share images, the feed)."""
        return (self.config["extra"].get("root_url") or self.config["site_url"] or "").rstrip("/") + "/" + path

    def person_url(self, slug: str) -> str:
        """The person's page address below the site root (filename = slug = URL)."""
        return f"people/{slug}.html"

    def repository_url(self, path: str) -> str:
        """An address in this site's GitHub repository (configuration: extra.repository)."""
        return f"https://github.com/{self.config['extra']['repository']}/{path}"

    def edit_url(self, slug: str) -> str:
        return self.repository_url(f"edit/main/data/people/{slug}.yml")

    def report_url(self, slug: str) -> str:
        return self.repository_url(f"issues/new?template=correct-profile.yml&slug={quote(slug)}")

    def article_url(self, article_id: str) -> str:
        return f"articles/{article_id}.html"

    def shared_depth(self) -> int:
        """How far above a language's root the shared files are: one level for another language
        in the whole site (site/ru/), none in a build of that language alone (`mkdocs build`)."""
        from . import run
        return 0 if self.lang == LANG or not run.CURRENT.pipeline else 1

    def page_path(self, code: str, url: str) -> str:
        """A page's path from the site's root in a language: English at the root, others below."""
        return url if code == LANG else f"{code}/{url}"

    def language_links(self, page) -> list:
        """The same page in every language: a relative link for the switcher (works from disk,
        needs no script) and an absolute one for hreflang."""
        from . import run
        url = page.url if page is not None and getattr(page, "url", None) is not None else "404.html"
        here = self.page_path(self.lang, url)
        built = run.CURRENT.languages or (self.lang,)  # a plain `mkdocs build` makes one language
        out = []
        for entry in self.get_site().publication["languages"]:
            if entry["code"] not in built:
                continue
            there = self.page_path(entry["code"], url)
            relative = posixpath.relpath(there, posixpath.dirname(here) or ".")
            out.append({"code": entry["code"], "name": entry["name"], "href": relative,
                        "absolute": self.root_url(there), "current": entry["code"] == self.lang})
        return out

    def brief_urls(self) -> list:
        """The absolute addresses of this language's briefs (for its sitemap)."""
        from . import brief, run
        return [self.root_url(self.page_path(self.lang, brief.page_path(slug))) for slug in run.CURRENT.briefs.get(self.lang, {})]

    def offline_copy(self) -> dict:
        from . import offline
        return {"url": self.root_url(f"downloads/{offline.NAME}"),
                "date": self.fmt_date(offline.build_date(self.get_site().today).isoformat())}

    def dossiers(self) -> list:
        """This language's PDF dossier(s): file, pages, size (sitegen/dossier.py)."""
        from . import dossier, offline, run
        out = []
        for entry in run.CURRENT.dossiers.get(self.lang, []):
            out.append({**entry, "path": f"{dossier.DOWNLOADS}/{entry['file']}",
                        "details": self.ui("dossier_details", pages=entry["pages"], size=offline.human_size(entry["bytes"]))})
        return out

    def brief(self, person) -> dict | None:
        """The person's brief in this language (sitegen/brief.py): its page, and its PDF with pages
        and size where one was made; None where the build made no briefs (`mkdocs serve`)."""
        from . import brief, offline, run
        made = run.CURRENT.briefs.get(self.lang, {}).get(person["slug"])
        if made is None:
            return None
        pdf = made["pdf"]
        return {"page": brief.page_path(person["slug"]), "pdf": pdf["file"] if pdf else None,
                "details": self.ui("dossier_details", pages=pdf["pages"], size=offline.human_size(pdf["bytes"])) if pdf else ""}

    def version(self, kind: str, person=None):
        """The version of a page: the last change to what it is built from (sitegen/versions.py)."""
        from . import versions
        root = str(Path(__file__).resolve().parent.parent)
        files = versions.person_files(person["slug"]) if kind == "profile" else \
            versions.LETTER_FILES if kind == "letter" else versions.SINCE_FILES
        return versions.last_change(root, files, self.get_site().today)

    def cite_page(self, kind: str, page, person=None) -> dict:
        """The Cite block of a profile, the letter or the "Since the letter" page."""
        from .citation import citation
        title = self.name(person) if person else (page.title if page is not None else self.ui("site_name"))
        key = f"kz2017-{person['slug'] if person else kind}-{self.lang}"
        return citation(key=key, title=str(title), site=self.ui("site_name"),
                        url=page.canonical_url if page is not None else self.site_url(), version=self.version(kind, person),
                        kind=self.ui(f"cite_kind.{kind}"), lang=self.lang)
