"""Words: the interface strings, dates, data texts and names of one language, as pages show them
(escaped, marked lang="en" where the English shows, marked as a draft where no one has reviewed
the translation yet). A part of render.Helpers."""
from __future__ import annotations

import re

from markupsafe import Markup, escape

from .multilingual import LANG, tr


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


class Words:
    """Texts in the reader's language (render.Helpers: get_site, config, lang, _strings)."""

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

    def letter_title(self) -> str:
        """The letter's title in the reader's language (the English where it has no translation)."""
        site = self.get_site()
        title = site.languages[self.lang].letter.get("title") if self.lang != LANG else None
        return title.text if title else site.letter.title

    def article_name(self, article: dict) -> str:
        """'Article 174 of the Criminal Code (2014): <title>', in the reader's language."""
        key = "case_article_part" if article.get("part") else "case_article"
        head = self.ui(key, number=article["number"], part=article.get("part"), code=article["code"])
        title = (article.get("title") or {}).get(self.lang) or article["title"]["en"]
        return f"{head}: {title}"

    def article_name_marked(self, article: dict) -> Markup:
        """The same for a page's text: a title with no translation in the reader's language shows
        in English, marked lang="en" (and the page says some texts are in English)."""
        key = "case_article_part" if article.get("part") else "case_article"
        head = escape(self.ui(key, number=article["number"], part=article.get("part"), code=article["code"]))
        own = (article.get("title") or {}).get(self.lang)
        if own or self.lang == LANG:
            return head + Markup(": ") + escape(own or article["title"]["en"])
        return head + Markup(': <span lang="en" class="kz-fallback">') + escape(article["title"]["en"]) + Markup("</span>")

    def term_words(self, term: str) -> str:
        """'P5Y6M' -> '5 years 6 months', in the reader's language."""
        from .standing import term_months
        months = term_months(term) or 0
        words = []
        for n, unit in ((months // 12, "y"), (months % 12, "m")):
            if n:
                words.append(self.ui(f"term_{unit}_one") if n == 1 else self.ui(f"term_{unit}", n=n))
        return " ".join(words)

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

    @staticmethod
    def initials(name: str) -> str:
        words = [w for w in tr(name).replace("-", " ").split() if w[:1].isalpha()]
        if words and words[0].casefold() == "the":
            words = words[1:]
        return "".join(w[0].upper() for w in words[:2])
