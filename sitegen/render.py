"""Helpers that templates use to turn data into text: one set per language, given to every
Jinja env of that language's build.

Templates render; these functions only look things up and format them. The one exception is
the `tr` filter, which returns a data text escaped and, where the reader's language has no
translation yet, marked lang="en" (sitegen/i18n.py).
"""
from __future__ import annotations

import functools
import posixpath
import re
from pathlib import Path
from urllib.parse import quote

import jinja2
from markupsafe import Markup, escape
from mkdocs.utils import get_relative_url

LANG = "en"  # the authoritative language

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


def tr(value, lang: str = LANG) -> str:
    """A text field as written in data/: plain text, or {en: ..., ru: ..., kk: ...}."""
    if isinstance(value, dict):
        return value.get(lang) or value["en"]
    return value


def _lookup(node, key: str, missing=KeyError):
    for part in key.split("."):
        if not isinstance(node, dict) or part not in node:
            if missing is KeyError:
                raise KeyError(f"interface string {key!r} is missing from data/strings.yml")
            return missing
        node = node[part]
    return node


def letter_plain(markdown: str) -> str:
    """A letter paragraph as plain text: the emphasis marks and empty links dropped."""
    return re.sub(r"\[([^\]]+)\]\(#\)", r"\1", markdown).replace("**", "")


LATIN_RUN = re.compile(r"[A-Za-z][A-Za-z0-9'’.,:;()/&\- ]*[A-Za-z0-9)]")


def english_runs_marked(text: str) -> Markup:
    """A Russian or Kazakh text, escaped, with each run of 20 or more Latin letters in it (an
    English headline or name a translation keeps as it is) marked lang="en" for screen readers."""
    out, last = Markup(""), 0
    for match in LATIN_RUN.finditer(text):
        if len(re.findall(r"[A-Za-z]", match.group(0))) < 20:
            continue
        out += escape(text[last:match.start()]) + Markup('<span lang="en">') + escape(match.group(0)) + Markup("</span>")
        last = match.end()
    return out + escape(text[last:])


class Helpers:
    """Bound to a function that returns the current SiteData and to the MkDocs config."""

    def __init__(self, get_site, config, lang: str | None = None):
        self.get_site = get_site
        self.config = config
        self.lang = lang or (config["theme"]["language"] if config and "theme" in config else LANG)
        self._strings = {}   # key -> string, for the data of one load
        self._status = {}    # slug -> status(), for the data of one load
        self._loaded = None

    @functools.cached_property
    def english(self) -> Helpers:
        """The same helpers in English, for what stays in English on every page (the email)."""
        return self if self.lang == LANG else Helpers(self.get_site, self.config, LANG)

    def _fresh(self):
        """Forget what was looked up when the data was loaded again (live reload)."""
        site = self.get_site()
        if site is not self._loaded:
            self._loaded, self._strings, self._status = site, {}, {}
        return site

    # -- interface strings and formats -------------------------------------------------
    def ui(self, key: str, **values) -> str:
        """An interface string in this build's language (data/strings.yml; translations/<lang>/strings.yml)."""
        site = self._fresh()
        node = self._strings.get(key)
        if node is None:
            node = _lookup(site.strings[LANG], key)
            if self.lang != LANG:
                translated = _lookup(site.languages[self.lang].strings, key, missing=None)
                node = translated if translated not in (None, "") else node
            self._strings[key] = node
        return node.format(**values) if values else node

    def fmt_date(self, text: str) -> str:
        parts = str(text).split("-")
        if len(parts) == 1:
            return parts[0]
        if len(parts) == 2:
            return self.ui("date_month", month=self.ui("months")[int(parts[1]) - 1], year=parts[0])
        return self.ui("date_day", day=int(parts[2]), month=self.ui("months_day")[int(parts[1]) - 1], year=parts[0])

    def fmt_date_as_of(self, text: str) -> str:
        """A date as the object of "as of", in the form the language gives it there."""
        parts = str(text).split("-")
        if len(parts) == 1:
            return self.ui("date_year_as_of", year=parts[0])
        if len(parts) == 2:
            return self.ui("date_month_as_of", month=self.ui("months_as_of")[int(parts[1]) - 1], year=parts[0])
        return self.ui("date_day_as_of", day=int(parts[2]), month=self.ui("months_day_as_of")[int(parts[1]) - 1], year=parts[0])

    # -- data texts in the reader's language ---------------------------------------------
    def text(self, value, person=None) -> tuple:
        """(text, how): how is "en" (the English, authoritative), "reviewed" or "draft" (a
        translation, reviewed or not), or "fallback" (no translation yet: the English shows).
        A text of a person's record is looked up in that person's translation file only."""
        english = tr(value)
        if self.lang == LANG:
            return english, "en"
        if isinstance(value, dict) and value.get(self.lang):
            return value[self.lang], "draft"
        found = self.get_site().languages[self.lang].text(english, person["slug"] if person else None)
        if found is None:
            return english, "fallback"
        return found.text, "reviewed" if found.reviewed else "draft"

    def plain(self, value, person=None) -> str:
        """A data text in the reader's language, or the English: for titles, previews, files."""
        return self.text(value, person)[0]

    def marked(self, value, person=None) -> Markup:
        """A data text for a page: escaped; English shown in a translated page is marked lang="en",
        an unreviewed translation is marked as a draft (the page then says so)."""
        text, how = self.text(value, person)
        if how == "fallback":
            return Markup('<span lang="en" class="kz-fallback">') + escape(text) + Markup("</span>")
        if how == "draft":
            return Markup('<span class="kz-draft">') + english_runs_marked(text) + Markup("</span>")
        return english_runs_marked(text) if how == "reviewed" else escape(text)

    def name_spelling(self, person) -> dict | None:
        """Where the name's spelling in this language comes from: a source that prints it, or a
        transliteration made here (None in English, and where no spelling is recorded)."""
        if self.lang == LANG:
            return None
        translated = self.get_site().languages[self.lang].names.get(person["slug"])
        if not translated:
            return None
        return {"source": self.cite(translated["source"]) if translated.get("source") else None,
                "transliterated": bool(translated.get("transliterated"))}

    def name_reviewed(self, person) -> bool:
        """Has a fluent speaker reviewed the name's spelling in this language (English: always)?"""
        if self.lang == LANG:
            return True
        translated = self.get_site().languages[self.lang].names.get(person["slug"])
        return bool(translated and translated.get("reviewed"))

    def name(self, person) -> str:
        """The person's name in the script of the reader's language (English where none is recorded)."""
        if self.lang != LANG:
            translated = self.get_site().languages[self.lang].names.get(person["slug"])
            if translated and translated.get("text"):
                return translated["text"]
        return tr(person["name"], self.lang)

    def names_everywhere(self, person) -> list:
        """Every spelling of the name, in every script: search finds a person by any of them."""
        out = [tr(person["name"])] + list(person.get("aliases") or [])
        for _code, language in sorted(self.get_site().languages.items()):
            translated = language.names.get(person["slug"])
            if translated and translated.get("text"):
                out.append(translated["text"])
        return list(dict.fromkeys(out))

    # -- sources ---------------------------------------------------------------------
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

    # -- addresses ---------------------------------------------------------------------
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

    # -- calls to action ---------------------------------------------------------------
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

    # -- previews: Open Graph image and JSON-LD -----------------------------------------
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

    # -- status and timeline ---------------------------------------------------------------
    def status(self, person) -> dict:
        """The person's status now, as the profile, cards and previews say it."""
        self._fresh()
        known = self._status.get(person["slug"])
        if known is not None:
            return known
        self._status[person["slug"]] = known = self._status_of(person)
        return known

    def _status_of(self, person) -> dict:
        """Where the person stands today (sitegen/standing.py), in words: the state, on what
        basis (reported, term ended, last reported long ago), and the end of a term."""
        from . import timeline
        now = self.get_site().standing(person)
        state, as_of = now.state, now.reported
        latest = None  # the update that last reported the state, if one did
        for update in person.get("updates") or []:
            if update.get("state") == state and update["date"] == as_of and update["source"] == now.source:
                latest = update
        date = self.fmt_date(as_of)
        from_letter = latest is None
        when = self.ui("status_as_of", date=self.fmt_date_as_of(as_of)) if from_letter else date
        label = self.ui(f"states.{state}")
        end = self.end_words(now.end) if now.end else None
        if now.basis == "term-ended":
            phrase = self.ui("phrase_term_ended", state=label, end=end)
        elif now.basis == "last-reported":
            phrase = self.ui("phrase_last_reported", state=label, date=date)
        else:
            phrase = self.ui("status_date", state=label, date=when)
        short = self.ui(f"state_short.{state}") if now.current else self.ui(f"basis_short.{now.basis}")
        status = person["status"]
        return {"state": state, "basis": now.basis, "current": now.current, "label": label, "short": short,
                "badge": state if now.current else now.basis,
                "date": date, "as_of": as_of, "source": now.source, "note": status.get("note") if status["as_of"] == as_of else None,
                "text": latest["text"] if latest else None, "also": (latest or {}).get("also") or [],
                "from_letter": from_letter, "date_as_of": self.fmt_date_as_of(as_of), "when": when, "phrase": phrase, "held": now.current and state in timeline.HELD,
                "later_news": timeline.later_news(person), "end": now.end, "end_words": end, "running": now.running,
                # The date beside the state in previews: an ended term's end, else the report's date.
                "headline_date": end if now.basis == "term-ended" else when,
                "ruling_date": self.fmt_date(now.end.ruling["date"]) if now.end and now.end.ruling else None}

    def letter_paragraph(self, number: int) -> dict:
        """A paragraph of the letter for a profile, in this page's language: the translation made
        here (marked as a draft until reviewed), with the English beside it; the English alone,
        marked lang="en", where there is no translation."""
        from . import i18n
        site = self.get_site()
        english = letter_plain(site.letter.paragraph(number))
        if self.lang == LANG:
            return {"text": english, "how": "en", "english": None}
        found = site.languages[self.lang].letter.get(i18n.fingerprint(site.letter.paragraph(number)))
        if found is None:
            return {"text": english, "how": "fallback", "english": None}
        return {"text": letter_plain(found.text), "how": "reviewed" if found.reviewed else "draft", "english": english}

    def term_words(self, term: str) -> str:
        """'P5Y6M' -> '5 years 6 months', in the reader's language."""
        from .standing import term_months
        months = term_months(term) or 0
        words = []
        for n, unit in ((months // 12, "y"), (months % 12, "m")):
            if n:
                words.append(self.ui(f"term_{unit}_one") if n == 1 else self.ui(f"term_{unit}", n=n))
        return " ".join(words)

    def article_name(self, article: dict) -> str:
        """'Article 174 of the Criminal Code (2014): <title>', in the reader's language."""
        key = "case_article_part" if article.get("part") else "case_article"
        head = self.ui(key, number=article["number"], part=article.get("part"), code=article["code"])
        title = (article.get("title") or {}).get(self.lang) or article["title"]["en"]
        return f"{head}: {title}"

    def letter_title(self) -> str:
        """The letter's title in the reader's language (the English where it has no translation)."""
        site = self.get_site()
        title = site.languages[self.lang].letter.get("title") if self.lang != LANG else None
        return title.text if title else site.letter.title

    def article_name_marked(self, article: dict) -> Markup:
        """The same for a page's text: a title with no translation in the reader's language shows
        in English, marked lang="en" (and the page says some texts are in English)."""
        key = "case_article_part" if article.get("part") else "case_article"
        head = escape(self.ui(key, number=article["number"], part=article.get("part"), code=article["code"]))
        own = (article.get("title") or {}).get(self.lang)
        if own or self.lang == LANG:
            return head + Markup(": ") + escape(own or article["title"]["en"])
        return head + Markup(': <span lang="en" class="kz-fallback">') + escape(article["title"]["en"]) + Markup("</span>")

    def article_url(self, article_id: str) -> str:
        return f"articles/{article_id}.html"

    def end_words(self, end) -> str:
        """When a term ends or ended, only as precisely as the sources allow: "on 5 October
        2022", "in 2022", "in about 2024" (start plus term), "by 2024 at the latest" (a maximum)."""
        if end.computed:
            return self.ui("end_at_latest" if end.at_latest else "end_about", year=end.shown)
        return self.ui("end_on" if len(end.date) == 10 else "end_in", date=self.fmt_date(end.date))

    def decision_name(self, decision: dict) -> str:
        """'UN Working Group on Arbitrary Detention, Opinion No. 16/2017', in the reader's language."""
        number = re.sub(r"^No\.\s*", self.ui("number_sign") + " ", str(decision["number"])) if decision.get("number") else ""
        return f"{self.plain(decision['body'])}, {self.plain(decision['kind'])}" + (f" {number}" if number else "")

    def timeline(self, person) -> list:
        from . import timeline
        return timeline.events(person, self.get_site().decisions_about(person))

    def ask(self, person) -> dict:
        """Which ask fits the person now: release only for those still held."""
        if person is None:
            return {"kind": "held", "text": self.ui("ask_line")}
        status = self.status(person)
        name = self.name(person)
        state = status["state"]
        if not status["current"]:
            kind, text = "unknown", self.ui("ask_not_current", name=name)
        elif status["held"]:
            kind, text = "held", self.ui("ask_held", name=name)
        elif state == "died":
            kind, text = "died", self.ui("ask_died", name=name, date=status["date"])
        elif state in ("released", "acquitted"):
            kind, text = "free", self.ui("ask_free", name=name)
        elif state in ("restricted-freedom", "suspended-sentence"):
            kind, text = "restricted", self.ui("ask_restricted", name=name)
        elif state == "persecuted-abroad":
            kind, text = "abroad", self.ui("ask_abroad")
        else:
            kind, text = "unknown", self.ui("ask_unknown", name=name)
        owed = [d for d in self.get_site().decisions_about(person) if d.get("people")] if kind != "held" else []
        return {"kind": kind, "text": text, "owed": owed}

    def today_counts(self) -> dict:
        """How many people stand where today (the data date): current states, then the two
        bands that are not current (term ended; last reported long ago), never mixed."""
        from . import standing, timeline
        site = self.get_site()
        counts = standing.count(site.people, site.today)
        current = [(s, counts[(s, "reported")]) for s in timeline.STATES if counts.get((s, "reported"))]
        other = [(b, sum(n for (_s, basis), n in counts.items() if basis == b)) for b in standing.BASES[1:]]
        return {"counts": current, "other": [(b, n) for b, n in other if n], "searched": site.today}

    def chart(self, width: int = 640, row: int = 34) -> dict:
        """The "Since the letter" chart: one stacked bar per year, drawn as SVG by a template.
        Current states first, then the hatched bands that are not current (How we count)."""
        from . import standing, timeline
        site = self.get_site()
        years = []
        for year, counts in standing.by_year(site.named_in_letter(), site.today):
            bands = {s: counts[(s, "reported")] for s in timeline.STATES if counts.get((s, "reported"))}
            for basis in standing.BASES[1:]:
                n = sum(c for (_s, b), c in counts.items() if b == basis)
                if n:
                    bands[basis] = n
            years.append((year, bands))
        label_w = 80  # room for the year, drawn larger on phones (site.css)
        total = max((sum(c.values()) for _y, c in years), default=1) or 1
        unit = (width - label_w - 8) / total
        rows = []
        for index, (year, counts) in enumerate(years):
            x, segments = label_w, []
            for state, count in counts.items():
                segments.append({"state": state, "count": count, "x": round(x, 2), "w": round(count * unit, 2),
                                 "label": self.band_label(state), "hatched": state in standing.BASES})
                x += count * unit
            rows.append({"year": year, "y": index * row, "segments": segments, "total": sum(counts.values())})
        order = list(timeline.STATES) + list(standing.BASES[1:])
        states = [s for s in order if any(s in c for _y, c in years)]
        return {"rows": rows, "states": states, "width": width, "height": len(rows) * row, "bar": row - 6,
                "first": years[0][0] if years else 2017, "last": years[-1][0] if years else 2017,
                "labels": {s: self.band_label(s) for s in states}, "hatched": [s for s in states if s in standing.BASES],
                "table": [(y, [c.get(s, 0) for s in states], sum(c.values())) for y, c in years]}

    def facet_label(self, facet: str, value: str) -> str:
        """A filter's label: a letter group, a status today, a role, an article of the Code."""
        if facet == "group":
            return self.ui(f"groups.{value}.many")
        if facet == "status":
            return self.band_label(value)
        if facet == "article":
            article = self.get_site().articles[value]
            key = "case_article_part" if article.get("part") else "case_article"
            return self.ui(key, number=article["number"], part=article.get("part"), code=article["code"])
        return self.ui(f"roles.{value}")

    def band_label(self, band: str) -> str:
        """A state's short label, or the label of a band that is not current."""
        from . import standing
        return self.ui(f"basis_short.{band}") if band in standing.BASES else self.ui(f"state_short.{band}")

    def coming_dates(self) -> list:
        """Terms that still run, soonest first: [(end, person, status)] for "Coming dates"."""
        from . import timeline
        site = self.get_site()
        out = [(self.status(p)["end"], p) for p in site.people if self.status(p)["running"]]
        return [(end, p, self.status(p)) for end, p in sorted(out, key=lambda e: (timeline.key(e[0].date), e[1]["slug"]))]

    def since_events(self) -> list:
        """[(year, [events])] after the letter, every person's dated updates and every decision."""
        from . import timeline
        site = self.get_site()
        out = {}
        for person in site.people:
            for index, update in enumerate(person.get("updates") or []):
                if not timeline.before(update["date"], timeline.LETTER_DATE):
                    out.setdefault(timeline.year(update["date"]), []).append(
                        {"kind": "update", "date": update["date"], "person": person, "text": update["text"],
                         "state": update.get("state"), "source": update["source"], "index": index})
        for decision_id, decision in site.decisions.items():
            if not timeline.before(decision["date"], timeline.LETTER_DATE):
                out.setdefault(timeline.year(decision["date"]), []).append(
                    {"kind": "decision", "date": decision["date"], "decision": dict(decision, id=decision_id),
                     "source": decision["source"], "state": None})
        return [(y, sorted(out[y], key=lambda e: timeline.key(e["date"]))) for y in sorted(out)]

    # -- downloads -------------------------------------------------------------------------
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

    def interface_unreviewed(self) -> bool:
        """Is this language's interface (data/strings.yml, translated) not yet reviewed?"""
        return self.lang != LANG and not self.get_site().languages[self.lang].strings_reviewed

    def brief_urls(self) -> list:
        """The absolute addresses of this language's briefs (for its sitemap)."""
        from . import brief, run
        return [self.root_url(self.page_path(self.lang, brief.page_path(slug))) for slug in run.CURRENT.briefs.get(self.lang, {})]

    def offline_copy(self) -> dict:
        from . import offline
        return {"url": self.root_url(f"downloads/{offline.NAME}"),
                "date": self.fmt_date(offline.build_date(self.get_site().today).isoformat())}

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

    def data_date(self) -> str:
        """The data's date: the latest search for news of anyone."""
        return self.fmt_date(self.get_site().today)

    # -- languages ---------------------------------------------------------------------
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

        @jinja2.pass_context
        def shared(context, target: str) -> str:
            """Relative address of a file every language shares (at the site's root), from this page."""
            page = context.get("page")
            depth = (page.url.count("/") if page is not None else 0) + self.shared_depth()
            return "../" * depth + target if target else ("../" * depth or "./")

        cards = {}  # (slug, folder, aliases) -> HTML: a card is the same wherever its folder is the same

        @jinja2.pass_context
        def card(context, person, aliases: bool = False) -> Markup:
            """One person's card (components/card.html), rendered once per folder it appears in:
            the same card shows on the home page, the index and three filter pages."""
            page = context.get("page")
            folder = posixpath.dirname(page.url) if page is not None else ""
            site = self._fresh()
            if cards.get("_site") is not site:
                cards.clear()
                cards["_site"] = site
            key = (person["slug"], folder, aliases)
            if key not in cards:
                cards[key] = Markup(context.environment.get_template("components/card.html").render(
                    page=page, person=person, with_aliases=aliases))
            return cards[key]

        env.filters.update(article_name=self.article_name_marked, article_name_plain=self.article_name, term_words=self.term_words, decision_name=self.decision_name, tr=self.marked, plain=self.plain, person_name=self.name,
                           shared=shared, fmt_date=self.fmt_date, fmt_date_as_of=self.fmt_date_as_of, href=href, initials=self.initials, letter_plain=letter_plain)
        env.globals.update(share_meta=self.share_meta, ui=self.ui, cite=self.cite, person_url=self.person_url, edit_url=self.edit_url,
                           report_url=self.report_url, cta=self.actions,
                           status=self.status, timeline=self.timeline, ask=self.ask, today_counts=self.today_counts,
                           language_links=self.language_links, lang=self.lang, names_everywhere=self.names_everywhere,
                           card=card, facet_label=self.facet_label, letter_paragraph=self.letter_paragraph, cite_page=self.cite_page, dossiers=self.dossiers, brief=self.brief, brief_urls=self.brief_urls, interface_unreviewed=self.interface_unreviewed, article_url=self.article_url, coming_dates=self.coming_dates, offline_copy=self.offline_copy,
                           data_date=self.data_date, site=self.get_site, site_url=self.site_url,
                           letter_title=self.letter_title, name_reviewed=self.name_reviewed,
                           name_spelling=self.name_spelling)


def component_env(get_site, config, lang: str | None = None) -> jinja2.Environment:
    """The environment for overrides/components: autoescape on, our helpers installed (in the
    build's language, or `lang`)."""

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(Path(__file__).resolve().parent.parent / "overrides"),
        autoescape=True, trim_blocks=True, lstrip_blocks=True,
    )
    Helpers(get_site, config, lang).install(env)
    return env


def render_component_text(out: str) -> str:
    """Rendered HTML as a single raw block: no blank or indented lines for Markdown."""
    return "\n".join(line.strip() for line in out.splitlines() if line.strip())


def render_component(env: jinja2.Environment, template: str, page, **values) -> str:
    """One component as a single raw HTML block: no blank or indented lines for Markdown."""
    out = env.get_template(template).render(page=page, **values)
    return "\n".join(line.strip() for line in out.splitlines() if line.strip())
