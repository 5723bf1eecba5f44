"""Helpers that templates use to turn data into text: one set, given to every Jinja env.

Templates render; these functions only look things up and format them. Nothing here
builds HTML: escaping is the templates' job (autoescape).
"""
from __future__ import annotations

import re
from urllib.parse import quote

import jinja2
from mkdocs.utils import get_relative_url

LANG = "en"


def tr(value, lang: str = LANG) -> str:
    """A text field: plain text, or {en: ..., ru: ..., kk: ...}."""
    if isinstance(value, dict):
        return value.get(lang) or value["en"]
    return value


def letter_plain(markdown: str) -> str:
    """A letter paragraph as plain text: the emphasis marks and empty links dropped."""
    return re.sub(r"\[([^\]]+)\]\(#\)", r"\1", markdown).replace("**", "")


class Helpers:
    """Bound to a function that returns the current SiteData and to the MkDocs config."""

    def __init__(self, get_site, config):
        self.get_site = get_site
        self.config = config

    # -- interface strings and formats -------------------------------------------------
    def ui(self, key: str, **values) -> str:
        node = self.get_site().strings[LANG]
        for part in key.split("."):
            node = node[part]
        return node.format(**values) if values else node

    def fmt_date(self, text: str) -> str:
        parts = str(text).split("-")
        months = self.ui("months")
        if len(parts) == 1:
            return parts[0]
        month = months[int(parts[1]) - 1]
        return f"{month} {parts[0]}" if len(parts) == 2 else f"{int(parts[2])} {month} {parts[0]}"

    # -- sources ---------------------------------------------------------------------
    def cite(self, ref: str) -> dict:
        """A source reference ('pace-wd-655', 'letter#p8') as what a template shows."""
        source_id, _, anchor = ref.partition("#")
        source = self.get_site().sources[source_id]
        out = {"id": source_id, "title": source["title"], "publisher": source["publisher"],
               "date": self.fmt_date(source["date"]) if source.get("date") else "",
               "url": source.get("url") or "", "paragraph": None}
        if source_id == "letter" and anchor:
            out["paragraph"] = int(anchor[1:])
        return out

    # -- addresses ---------------------------------------------------------------------
    def site_url(self, page_url: str = "") -> str:
        return (self.config["site_url"] or "").rstrip("/") + "/" + page_url

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

    # -- calls to action ---------------------------------------------------------------
    def actions(self, person, page_url: str) -> dict:
        """Everything the call-to-action template needs, with URLs already encoded."""
        acts = self.get_site().actions
        name = tr(person["name"]) if person else None
        letter_url = self.site_url("letter.html")
        url = self.site_url(page_url)
        write = acts["write"]
        values = {"person": name or write["person_default"], "letter_url": letter_url, "page_url": url}
        subject = write["subject"].format(**values) if name else write["subject_default"]
        body = write["body"].format(**values)
        recipients = ",".join(r["email"] for r in write.get("recipients") or [])
        mailto = f"mailto:{quote(recipients, safe='@,')}?subject={quote(subject)}&body={quote(body)}"
        share = acts["share"]
        text = share["text"].format(person=name) if name else share["text_default"]
        fill = {"url": quote(url, safe=""), "text": quote(text, safe=""),
                "text_and_url": quote(f"{text} {url}", safe="")}
        links = [{"id": p["id"], "label": p["label"], "url": p["url"].format(**fill)} for p in share["platforms"]]
        return {"name": name, "mailto": mailto, "share": links, "url": url,
                "recipients": write.get("recipients") or []}

    # -- previews: Open Graph image and JSON-LD -----------------------------------------
    def share_key(self, page, person) -> str:
        """Which share image a page uses: the person's, the letter's or the site's."""
        if person:
            return person["slug"]
        if getattr(page, "file", None) is not None and page.file.src_uri == "letter.md":
            return "letter"
        return "home"

    def share_meta(self, page, person=None) -> dict:
        site = self.get_site()
        if not getattr(page, "file", None):  # theme-only pages such as 404.html
            page = None
        key = self.share_key(page, person)
        image = self.site_url(f"assets/share/{key}.png")
        url = page.canonical_url if page is not None else self.site_url()
        if person:
            name = tr(person["name"])
            alt = f"{name}: {self.ui('groups.' + person['group'] + '.one')}"
            entity = {"@type": "Person", "name": name, "description": self.ui("roles." + person["role"])}
            if person.get("aliases"):
                entity["alternateName"] = list(person["aliases"])
            jsonld = {"@context": "https://schema.org", "@type": "ProfilePage", "url": url, "image": image,
                      "dateModified": max([person["added"]] + [u["date"] for u in person.get("updates") or []]),
                      "mainEntity": entity}
            return {"type": "profile", "image": image, "image_alt": alt, "jsonld": jsonld}
        if key == "letter":
            source = site.sources[site.letter_meta["source"]]
            jsonld = {"@context": "https://schema.org", "@type": "Article", "headline": site.letter.title,
                      "author": {"@type": "Organization", "name": source["publisher"]},
                      "datePublished": site.letter_meta["published"], "url": url, "image": image,
                      "isBasedOn": source["url"], "inLanguage": "en"}
            return {"type": "article", "image": image, "image_alt": site.letter.title, "jsonld": jsonld}
        jsonld = None
        if page is not None and page.is_homepage:
            jsonld = {"@context": "https://schema.org", "@type": "WebSite", "name": self.config["site_name"], "url": url}
        return {"type": "website", "image": image, "image_alt": self.config["site_name"], "jsonld": jsonld}

    # -- people ------------------------------------------------------------------------
    @staticmethod
    def initials(name: str) -> str:
        words = [w for w in tr(name).replace("-", " ").split() if w[:1].isalpha()]
        if words and words[0].casefold() == "the":
            words = words[1:]
        return "".join(w[0].upper() for w in words[:2])

    def install(self, env: jinja2.Environment) -> None:
        @jinja2.pass_context
        def href(context, target: str) -> str:
            """Relative address of `target` (a site path) from the page being rendered."""
            page = context.get("page")
            base = page.url if page is not None else ""
            return get_relative_url(target, base) if target else "."

        env.filters.update(tr=tr, fmt_date=self.fmt_date, href=href, initials=self.initials, letter_plain=letter_plain)
        env.globals.update(share_meta=self.share_meta, ui=self.ui, cite=self.cite, person_url=self.person_url, edit_url=self.edit_url,
                           report_url=self.report_url, cta=self.actions, site=self.get_site, site_url=self.site_url)


def component_env(get_site, config) -> jinja2.Environment:
    """The environment for overrides/components: autoescape on, our helpers installed."""
    from pathlib import Path

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(Path(__file__).resolve().parent.parent / "overrides"),
        autoescape=True, trim_blocks=True, lstrip_blocks=True,
    )
    Helpers(get_site, config).install(env)
    return env


def render_component(env: jinja2.Environment, template: str, page, **values) -> str:
    """One component as a single raw HTML block: no blank or indented lines for Markdown."""
    out = env.get_template(template).render(page=page, **values)
    return "\n".join(line.strip() for line in out.splitlines() if line.strip())
