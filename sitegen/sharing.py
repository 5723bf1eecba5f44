"""Sharing: the calls to action (an email to PACE delegates, share links that are plain URLs)
and the link previews (Open Graph image, JSON-LD). A part of render.Helpers."""
from __future__ import annotations

import re
from urllib.parse import quote

from .multilingual import LANG, tr

# In a query value only these delimiters and what may not appear in an address are percent-encoded;
# letters of any script stay as they are (browsers encode them on use): a share link in Russian is
# a third of the bytes, on every page.
QUERY_SAFE = "!$'()*,/:;@?~"


_RUNS = re.compile(r"[\x00-\x7f]+|[^\x00-\x7f]+")


def _encode_run(match) -> str:
    run = match.group(0)
    if run[0] < "\x80":  # ASCII: encoded in one call
        return quote(run, safe=QUERY_SAFE)
    return "".join(ch if ch.isprintable() else quote(ch, safe="") for ch in run)


def query_value(text: str) -> str:
    """`text` as a value in a URL's query (?a=value): spaces, &, =, #, +, % and the like encoded."""
    return _RUNS.sub(_encode_run, text)


class Sharing:
    """What a share link, an email and a link preview say (render.Helpers)."""

    def actions(self, person, page_url: str) -> dict:
        """Everything the call-to-action template needs, with URLs already encoded."""
        acts = self.get_site().actions
        name = tr(person["name"]) if person else None  # the email is in English (PACE works in English and French)
        local_name = self.name(person) if person else None
        letter_url = self.site_url("letter.html")
        url = self.site_url(page_url)
        write = acts["write"]
        held = person is None or self.status(person)["held"]
        values = {"person": name, "letter_url": letter_url, "page_url": url}
        if name:
            subject = (write["subject"] if held else write["subject_other"]).format(**values)
            about = write["about_person"].format(person=name, status=self.english.status(person)["phrase"])
        else:
            subject, about = write["subject_default"], write["about_default"]
        body = write["body"].format(about=about, **values)
        recipients = ",".join(r["email"] for r in write.get("recipients") or [])
        mailto = f"mailto:{quote(recipients, safe='@,')}?subject={query_value(subject)}&body={query_value(body)}"
        share = acts["share"]
        text = self.plain(share["text"] if held else share["text_other"]).format(person=local_name) if name \
            else self.plain(share["text_default"])
        fill = {"url": query_value(url), "text": query_value(text), "text_and_url": query_value(f"{text} {url}")}
        links = [{"id": p["id"], "label": p["label"], "url": p["url"].format(**fill)} for p in share["platforms"]]
        held_or_restricted = person is None or self.ask(person)["kind"] not in ("free", "died")
        return {"name": local_name, "mailto": mailto, "share": links, "url": url, "held_or_restricted": held_or_restricted,
                "recipients": write.get("recipients") or []}

    def share_key(self, page, person) -> str:
        """Which share image a page uses: the person's, the letter's or the site's; in another
        language, its own image where one is drawn (the name in that script), else the English."""
        if person:
            key = person["slug"]
            drawn = self.lang != LANG and self.name(person) != tr(person["name"])
        else:
            key = "letter" if getattr(page, "file", None) is not None and page.file.src_uri == "letter.md" else "home"
            drawn = self.lang != LANG
        return f"{self.lang}/{key}" if drawn else key

    def share_meta(self, page, person=None) -> dict:
        site = self.get_site()
        if not getattr(page, "file", None):  # theme-only pages such as 404.html
            page = None
        key = self.share_key(page, person)
        image = self.root_url(f"assets/share/{key}.png")
        url = page.canonical_url if page is not None else self.site_url()
        if person:
            name = self.name(person)
            alt = f"{name}: {self.ui('groups.' + person['group'] + '.one')}"
            entity = {"@type": "Person", "name": name,
                      "description": f"{self.ui('roles.' + person['role'])}. {self.status(person)['phrase']}."}
            if person.get("aliases"):
                entity["alternateName"] = list(person["aliases"])
            version = self.version("profile", person)
            jsonld = {"@context": "https://schema.org", "@type": "ProfilePage", "url": url, "image": image,
                      "dateModified": version.date, "version": version.commit or version.date, "mainEntity": entity}
            return {"type": "profile", "image": image, "image_alt": alt, "jsonld": jsonld}
        if page is not None and page.file.src_uri == "letter.md":  # in every language, an article
            source = site.sources[site.letter_meta["source"]]
            title = site.letter.title
            translated = site.languages[self.lang].letter.get("title") if self.lang != LANG else None
            if translated is not None:
                title = translated.text
            jsonld = {"@context": "https://schema.org", "@type": "Article", "headline": title,
                      "author": {"@type": "Organization", "name": source["publisher"]},
                      "datePublished": site.letter_meta["published"], "url": url, "image": image,
                      "isBasedOn": source["url"], "inLanguage": self.lang}
            version = self.version("letter")
            jsonld.update(dateModified=version.date, version=version.commit or version.date)
            if self.lang != LANG:  # an unofficial translation made here, of the English original
                jsonld["translationOfWork"] = {"@type": "Article", "headline": site.letter.title, "inLanguage": "en"}
            return {"type": "article", "image": image, "image_alt": title, "jsonld": jsonld}
        jsonld = None
        if page is not None and page.is_homepage:
            jsonld = {"@context": "https://schema.org", "@type": "WebSite", "name": self.config["site_name"], "url": url}
        return {"type": "website", "image": image, "image_alt": self.config["site_name"], "jsonld": jsonld}
