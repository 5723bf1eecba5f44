"""Translations: Russian and Kazakh beside the authoritative English.

Everything translated lives under translations/<lang>/, apart from the English it comes from:

- strings.yml          every interface string of data/strings.yml, same keys (strings-from.yml
                       beside it: the fingerprint of the English each was translated from);
- people/<slug>.yml    a person's name in the language's script (the English it was spelled from,
                       and the source that prints it or `transliterated: true`) and the texts
                       of their record;
- texts.yml            other texts from data/ (decisions, calls to action);
- letter.yml           the letter (an unofficial translation made here);
- docs/<page>.md       prose pages.

A data text is found by the fingerprint of its English (`fingerprint()`): when the English
changes, its translation no longer matches, the English shows (marked lang="en"), and the
build lists the translation as stale. A prose page records the fingerprint of the English
page it was made from (`translation.from`); when that page changes, the translation still
shows, with a note that it may be out of date. Every translated text says whether a fluent
speaker has reviewed it: `reviewed: false`, or who and when, `reviewed: {by: <a handle or a
pseudonym>, date: YYYY-MM-DD}` (kept in the repository, never shown on a page: reviewing for
this site can be risky). Until then its page names what is not yet reviewed.
`python -m sitegen translations ru` lists what is missing, stale or not yet reviewed, with the English.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from . import yaml_source
from .csv_fields import CSV_FIELDS

TRANSLATIONS_DIR = "translations"
# Beside strings.yml: the fingerprint of each English string as it was when translated, so that a
# string whose English changed since is listed as stale (`python -m sitegen translations ru --record`).
STRINGS_FROM = "strings-from.yml"


def fingerprint(text: str) -> str:
    """12 hex digits of SHA-256 over the text with its whitespace normalised."""
    return hashlib.sha256(" ".join(str(text).split()).encode("utf-8")).hexdigest()[:12]


def front_matter(markdown: str) -> tuple:
    """(meta, body) of a Markdown file with YAML front matter."""
    match = re.match(r"^---\n(.*?)\n---\n?(.*)$", markdown, re.S)
    if not match:
        return {}, markdown
    meta, _ = yaml_source.load(match.group(1))
    return meta or {}, match.group(2)


@dataclass
class Text:
    text: str
    reviewed: bool


REVIEW_FIX = "say who reviewed it and when — reviewed: {by: <your handle or a pseudonym>, date: YYYY-MM-DD}, or reviewed: false"


def review_of(value) -> tuple:
    """(reviewed, problem) of a `reviewed:` value: false (or absent), or {by, date}."""
    if value is None or value is False:
        return False, None
    if isinstance(value, dict) and set(value) == {"by", "date"} and str(value["by"]).strip() \
            and re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(value["date"])):
        return True, None
    return False, REVIEW_FIX


@dataclass
class Language:
    """One language's translations, as loaded from translations/<code>/."""
    code: str
    strings: dict = field(default_factory=dict)
    strings_reviewed: bool = False
    names: dict = field(default_factory=dict)      # slug -> {"text", "source", "reviewed"}
    texts: dict = field(default_factory=dict)      # fingerprint -> Text: shared texts (texts.yml: decisions, actions)
    people: dict = field(default_factory=dict)     # slug -> {fingerprint -> Text}: each person's own texts
    unused: list = field(default_factory=list)     # (file, fingerprint): translations of no current English text
    letter: dict = field(default_factory=dict)     # fingerprint -> Text; "title" too
    docs: dict = field(default_factory=dict)       # docs path -> (meta, body)
    review_problems: list = field(default_factory=list)  # (file, key, problem): a `reviewed:` that says not who or when
    seen: list = field(default_factory=list)        # (file, fingerprint) of every data text translated
    letter_seen: list = field(default_factory=list)  # (file, fingerprint) of every letter paragraph translated
    strings_from: dict = field(default_factory=dict)  # key -> fingerprint of the English string it was translated from

    def text(self, english: str, slug: str | None = None):
        """The translation of an English text: a person's texts come from that person's file
        only (Russian and Kazakh agree in gender and number: one person's sentence is never
        another's, even with the same English); other texts from texts.yml."""
        if slug is not None:
            return self.people.get(slug, {}).get(fingerprint(english))
        return self.texts.get(fingerprint(english))


class FileProblem(Exception):
    """A translation file that cannot be read: where, and what to fix (data.py reports it as a
    problem of the data, never as a traceback)."""

    def __init__(self, path: Path, line: int, message: str):
        super().__init__(message)
        self.path, self.line, self.message = path, line, message


def _relative(path: Path) -> str:
    parts = path.as_posix().split(f"/{TRANSLATIONS_DIR}/", 1)
    return f"{TRANSLATIONS_DIR}/{parts[1]}" if len(parts) == 2 else path.name


def _read(path: Path):
    try:
        value, _ = yaml_source.load(path.read_text(encoding="utf-8"))
    except yaml_source.YamlProblem as error:
        raise FileProblem(_relative(path), error.line, error.message) from None
    if value is not None and not isinstance(value, dict):
        raise FileProblem(_relative(path), 1, "should hold `key: value` lines, like the other files beside it")
    return value or {}


def _front_matter(path: Path) -> tuple:
    try:
        return front_matter(path.read_text(encoding="utf-8"))
    except yaml_source.YamlProblem as error:  # the front matter starts on the file's second line
        raise FileProblem(_relative(path), error.line + 1, f"front matter: {error.message}") from None


def _reviewed(value, source: str, key: str, problems: list) -> bool:
    reviewed, problem = review_of(value)
    if problem:
        problems.append((source, key, problem))
    return reviewed


def _texts(entries, source: str, into: dict, seen: list, problems: list):
    for key, entry in (entries or {}).items():
        if isinstance(entry, dict) and isinstance(entry.get("text"), str) and entry["text"].strip():
            into[str(key)] = Text(entry["text"], _reviewed(entry.get("reviewed"), source, str(key), problems))
            seen.append((source, str(key)))


def load_language(root: Path, code: str) -> Language:
    base = Path(root) / TRANSLATIONS_DIR / code
    lang = Language(code)
    seen: list = []
    problems = lang.review_problems
    if (base / "strings.yml").exists():
        strings = _read(base / "strings.yml")
        lang.strings_reviewed = _reviewed(strings.pop("_reviewed", False), f"{TRANSLATIONS_DIR}/{code}/strings.yml", "_reviewed", problems)
        lang.strings = strings
    if (base / STRINGS_FROM).exists():
        lang.strings_from = {str(k): str(v) for k, v in (_read(base / STRINGS_FROM) or {}).items()}
    for path in sorted((base / "people").glob("*.yml")) if (base / "people").exists() else []:
        record, source = _read(path), path.relative_to(root).as_posix()
        if isinstance(record.get("name"), dict):
            lang.names[path.stem] = dict(record["name"], reviewed=_reviewed(record["name"].get("reviewed"), source, "name", problems))
        _texts(record.get("texts"), source, lang.people.setdefault(path.stem, {}), seen, problems)
    if (base / "texts.yml").exists():
        _texts(_read(base / "texts.yml").get("texts"), f"{TRANSLATIONS_DIR}/{code}/texts.yml", lang.texts, seen, problems)
    if (base / "letter.yml").exists():
        letter, source = _read(base / "letter.yml"), f"{TRANSLATIONS_DIR}/{code}/letter.yml"
        letter_seen: list = []
        _texts(letter.get("paragraphs"), source, lang.letter, letter_seen, problems)
        lang.letter_seen = letter_seen
        if isinstance(letter.get("title"), dict):
            lang.letter["title"] = Text(letter["title"]["text"], _reviewed(letter["title"].get("reviewed"), source, "title", problems))
        lang.letter["_reviewed"] = Text("", _reviewed(letter.get("reviewed"), source, "reviewed", problems))
    for path in sorted((base / "docs").rglob("*.md")) if (base / "docs").exists() else []:
        meta, body = _front_matter(path)
        translation = meta.get("translation") if isinstance(meta.get("translation"), dict) else None
        if translation is not None:
            translation["reviewed"] = _reviewed(translation.get("reviewed"), path.relative_to(root).as_posix(), "translation.reviewed", problems)
        lang.docs[path.relative_to(base / "docs").as_posix()] = (meta, body)
    lang.seen = seen
    return lang


def english_texts(site) -> list:
    """Every English text of data/ that a translation may cover: (where, text). `where` starts
    with people/<slug> for a person's texts, which that person's file translates."""
    out = []
    for person in site.people:
        where = f"people/{person['slug']}"
        for index, fact in enumerate(person["facts"]):
            out.append((f"{where} facts #{index + 1}", _en(fact["text"])))
        for index, update in enumerate(person.get("updates") or []):
            out.append((f"{where} updates #{index + 1}", _en(update["text"])))
            if update.get("stated_by"):
                out.append((f"{where} updates #{index + 1}.stated_by", _en(update["stated_by"])))
        if person["status"].get("note"):
            out.append((f"{where} status.note", _en(person["status"]["note"])))
        for index, correction in enumerate(person.get("corrections") or []):
            for key in ("was", "now", "why"):
                out.append((f"{where} corrections #{index + 1}.{key}", _en(correction[key])))
        for index, ruling in enumerate((person.get("case") or {}).get("rulings") or []):
            for key in ("court", "text"):
                if ruling.get(key):
                    out.append((f"{where} case.rulings #{index + 1}.{key}", _en(ruling[key])))
    for decision_id, decision in site.decisions.items():
        for key in ("body", "kind", "title", "asked", "note"):
            if decision.get(key):
                out.append((f"decisions {decision_id}.{key}", decision[key]))
    for article_id, article in site.articles.items():
        if article.get("note"):
            out.append((f"articles {article_id}.note", article["note"]))
    share = site.actions["share"]  # the email itself stays in English: PACE works in English and French
    for key in ("text", "text_other", "text_default"):
        out.append((f"actions share.{key}", share[key]))
    out.append(("publication footer", site.publication["footer"]))
    out.append(("sources letter.publisher", site.sources["letter"]["publisher"]))  # the letter's byline
    for source_id, source in site.sources.items():
        if source.get("note"):
            out.append((f"sources {source_id}.note", _en(source["note"])))
    for name, _type, doc in CSV_FIELDS:
        out.append((f"people.csv {name}", doc))
    return out


def _en(value):
    return value["en"] if isinstance(value, dict) else value


def _owner(where: str):
    """The slug whose file translates the text at `where`, or None for texts.yml."""
    return where.split(" ")[0].split("/", 1)[1] if where.startswith("people/") else None


def stale(lang: Language, site) -> list:
    """Translations whose English is gone or changed: (file, fingerprint). A person's file may
    only hold that person's texts."""
    wanted = {(_owner(where), fingerprint(text)) for where, text in english_texts(site)}
    out = []
    for source, key in lang.seen:
        owner = Path(source).stem if f"/{lang.code}/people/" in source else None
        if (owner, key) not in wanted:
            out.append((source, key))
    return out


def flat_strings(node, prefix: str = ""):
    """(key, value) of every interface string, nested keys joined with dots."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield from flat_strings(value, f"{prefix}{key}.")
    else:
        yield prefix.rstrip("."), node


def english_string_prints(site) -> dict:
    """key -> fingerprint of each English interface string (lists, such as month names, whole)."""
    return {key: fingerprint(value if isinstance(value, str) else repr(value)) for key, value in flat_strings(site.strings["en"])}


def stale_strings(lang: Language, site) -> list:
    """Interface strings translated from an English string that has changed since (or never recorded)."""
    translated = {key for key, _ in flat_strings(lang.strings)}
    return sorted(key for key, print_ in english_string_prints(site).items()
                  if key in translated and lang.strings_from.get(key) != print_)


def stale_names(lang: Language, site) -> list:
    """Names whose English spelling changed since they were written (their `english:` is the English then)."""
    return sorted(person["slug"] for person in site.people
                  if lang.names.get(person["slug"]) and lang.names[person["slug"]].get("english") != _en(person["name"]))


def record_strings(root: Path, lang: Language, site) -> Path:
    """Write strings-from.yml: every translated string is now up to date with its English."""
    translated = {key for key, _ in flat_strings(lang.strings)}
    prints = {key: value for key, value in english_string_prints(site).items() if key in translated}
    path = Path(root) / TRANSLATIONS_DIR / lang.code / STRINGS_FROM
    path.write_text("# Written by `python -m sitegen translations " + lang.code + " --record`: the fingerprint of each\n"
                    "# English string (data/strings.yml) its translation in strings.yml was made from.\n"
                    + "".join(f"{key}: \"{value}\"\n" for key, value in sorted(prints.items())), encoding="utf-8")
    return path


def page_is_stale(meta: dict, english: Path) -> bool:
    """Was a prose page translated from an English page (`english`) that has changed since
    (its front matter's `translation.from`)? Asked by the list of stale pages and by each
    translated page's notice."""
    translation = meta.get("translation") if isinstance(meta.get("translation"), dict) else {}
    return english.exists() and translation.get("from") != fingerprint(english.read_text(encoding="utf-8"))


def stale_pages(lang: Language, root: Path) -> list:
    """Prose pages translated from an English page that has changed since (`translation.from`)."""
    return [f"{TRANSLATIONS_DIR}/{lang.code}/docs/{page}" for page, (meta, _body) in sorted(lang.docs.items())
            if page_is_stale(meta, Path(root) / "docs" / page)]


def stale_letter(lang: Language, site) -> list:
    """Letter paragraphs translated from an English paragraph the letter no longer has."""
    current = {fingerprint(paragraph) for paragraph in site.letter.paragraphs}
    return [(source, key) for source, key in lang.letter_seen if key not in current]


def unreviewed(lang: Language, site) -> list:
    """What no fluent speaker has reviewed yet, file by file: (file, what). A person's texts are
    listed per person, as they are translated per person."""
    base = f"{TRANSLATIONS_DIR}/{lang.code}"
    out = []
    if not lang.strings_reviewed:
        out.append((f"{base}/strings.yml", "the interface strings (headings, labels, buttons)"))
    for slug in sorted(set(lang.people) | set(lang.names)):
        texts = [key for key, text in lang.people.get(slug, {}).items() if not text.reviewed]
        name = lang.names.get(slug)
        parts = (["the name's spelling"] if name and not name.get("reviewed") else []) + \
            ([f"{len(texts)} texts: {', '.join(texts)}"] if texts else [])
        if parts:
            out.append((f"{base}/people/{slug}.yml", "; ".join(parts)))
    texts = [key for key, text in lang.texts.items() if not text.reviewed]
    if texts:
        out.append((f"{base}/texts.yml", f"{len(texts)} texts: {', '.join(texts)}"))
    paragraphs = [key for key, text in lang.letter.items() if not key.startswith("_") and key != "title" and not text.reviewed]
    title = lang.letter.get("title")
    if paragraphs or (title and not title.reviewed):
        out.append((f"{base}/letter.yml", ", ".join((["the title"] if title and not title.reviewed else [])
                                                    + ([f"{len(paragraphs)} paragraphs"] if paragraphs else []))))
    for page, (meta, _body) in sorted(lang.docs.items()):
        translation = meta.get("translation") if isinstance(meta.get("translation"), dict) else {}
        if not translation.get("reviewed"):
            out.append((f"{base}/docs/{page}", "the page"))
    return out


def missing(lang: Language, site) -> list:
    """English texts with no translation in this language, per person where texts are per
    person: (where, fingerprint, text)."""
    out, done = [], set()
    for where, text in english_texts(site):
        owner, key = _owner(where), fingerprint(text)
        if lang.text(text, owner) is None and (owner, key) not in done:
            out.append((where, key, text))
            done.add((owner, key))
    return out


def summary(lang: Language, site) -> str:
    """One line for the build log: how much of a language is translated, reviewed, stale."""
    texts = [t for person in lang.people.values() for t in person.values()] + list(lang.texts.values()) \
        + [t for key, t in lang.letter.items() if not key.startswith("_")]
    names = list(lang.names.values())
    return (f"translations {lang.code}: {len(texts)} texts and {len(names)} names, "
            f"{sum(1 for t in texts if not t.reviewed) + sum(1 for n in names if not n.get('reviewed'))} not yet reviewed, "
            f"interface {'reviewed' if lang.strings_reviewed else 'not yet reviewed'}, "
            f"{len(missing(lang, site))} missing, "
            f"{len(stale(lang, site)) + len(stale_letter(lang, site)) + len(stale_strings(lang, site)) + len(stale_names(lang, site))} stale "
            f"(make translations TO={lang.code})")
