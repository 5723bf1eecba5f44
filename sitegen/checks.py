"""The rules a data file must follow, each one a small function yielding problems.

A problem reads `path:line: field: what is wrong — how to fix it`, in words a volunteer
can act on. Everything is checked and reported in one run.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

import jsonschema

from .i18n import flat_strings

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
PEOPLE_DIR = "data/people"
SCHEMA_FILE = "data/schema/person.schema.json"
ALLOWED_EXTRA_FILES = {"README.md"}  # files in data/people that are not records
URL = re.compile(r"^https?://[^\s/$.?#][^\s]*$")
HOW_TO_DATE = "write YYYY, YYYY-MM or YYYY-MM-DD, only as precise as the source"
DATE_FIELDS = ("as_of", "date", "added", "last_verified", "last_searched", "until", "recorded")
SITE_DAYS = ("added", "last_verified", "last_searched")  # days of this site's own work: always known to the day


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.field}: {self.message}"


def field_name(path) -> str:
    """('facts', 2, 'source') -> 'facts #3.source': list items counted from 1, as people count."""
    out = ""
    for part in path:
        out += f" #{part + 1}" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(file)"


def line_of(lines: dict, path) -> int:
    path = tuple(path)
    while path not in lines and path:
        path = path[:-1]
    return lines.get(path, 1)


def load_schema(root: Path) -> dict:
    return json.loads((root / SCHEMA_FILE).read_text(encoding="utf-8"))


def _describe(value) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def schema_messages(error) -> tuple:
    """(path, message) for one jsonschema error, worded as what to do."""
    path = tuple(error.absolute_path)
    kind = error.validator
    if kind == "required":
        missing = error.message.split("'")[1]
        return path + (missing,), f"missing — add `{missing}:` (see data/README.md for what it holds)"
    if kind == "additionalProperties":
        extra = sorted(set(error.instance) - set(error.schema.get("properties", {})), key=str)
        if "basis" in extra:
            return path + ("basis",), ("the build works out the basis (reported, term-ended, last-reported) from the dates "
                                       "and terms — remove `basis:`; see data/README.md, \"Today\"")
        allowed = ", ".join(error.schema.get("properties", {}))
        return path + (str(extra[0]) if extra else "",), f"unknown field — remove it or fix its spelling; allowed here: {allowed}"
    if kind == "enum":
        options = ", ".join(map(str, error.validator_value))
        return path, f"{_describe(error.instance)} is not allowed — use one of: {options}"
    if kind == "type" and path and path[-1] in DATE_FIELDS and isinstance(error.instance, int):
        return path, f"{error.instance} is a number to YAML — write the year in quotes: '{error.instance}'"
    if kind == "type":
        wanted = {"string": "text", "array": "a list (lines starting with '- ')", "object": "fields (key: value lines)",
                  "integer": "a whole number"}.get(error.validator_value, error.validator_value)
        return path, f"should be {wanted}, not {_describe(error.instance)} — put text in quotes if it looks like a number or yes/no"
    if kind in ("minLength", "pattern") and error.validator_value in (1, "\\S"):
        return path, "is empty — write the text, or remove the field if it is optional"
    if kind == "pattern" and path and path[-1] in DATE_FIELDS:
        return path, f"{_describe(error.instance)} is not a date — {HOW_TO_DATE}"
    if kind == "pattern" and path and path[-1] == "term":
        return path, f"{_describe(error.instance)} is not a term — write years and months as P3Y, P5Y6M or P9M, as the source gives them"
    if kind == "pattern" and path and path[-1] == "article":
        return path, f"{_describe(error.instance)} is not an article id — write cc1997-164 or cc2014-174 (Code and article number), as in data/articles.yml"
    if kind == "pattern" and path and path[-1] == "source":
        return path, f"{_describe(error.instance)} is not a source id — use an id from data/sources.yml, or letter#pN for paragraph N of the letter"
    if kind == "maxLength":
        return path, f"is too long ({len(error.instance)} characters, at most {error.validator_value}) — shorten it"
    if kind == "minItems":
        return path, "is empty — list at least one item"
    if kind == "uniqueItems":
        return path, "has the same item twice — remove the repeat"
    if kind == "minimum":
        return path, f"{error.instance} is too small — paragraphs are numbered from 1"
    if kind == "oneOf":  # a text field: plain text or {en: ..., ru: ..., kk: ...}
        inner = sorted(error.context, key=lambda e: len(list(e.absolute_path)))
        if isinstance(error.instance, str) and inner:
            return schema_messages(inner[0])
        return path, "should be plain text, or languages with their text (en: ..., ru: ..., kk: ...)"
    if kind == "pattern" and path and path[-1] == "file":
        return path, "should be a file name like maks-bokayev.jpg (lowercase, .jpg/.png/.webp)"
    return path, f"{error.message} — see data/README.md"


class SchemaCheck:
    """Records against data/schema/person.schema.json. A record that passed is remembered by the
    digest of the schema and its content (.cache/schema-passed.json), so a warm build checks only
    the records that changed (at 1,000 people the schema check is about a second)."""

    def __init__(self, schema: dict, cache_file: Path | None):
        self.validator = jsonschema.Draft202012Validator(schema)
        self.schema_digest = hashlib.sha256(json.dumps(schema, sort_keys=True).encode()).hexdigest()
        self.cache_file = cache_file
        try:
            self.known = set(json.loads(cache_file.read_text(encoding="utf-8"))) if cache_file else set()
        except (OSError, ValueError, TypeError):
            self.known = set()
        self.passed: set = set()

    def __call__(self, record, lines, rel):
        try:
            digest = hashlib.sha256((self.schema_digest + json.dumps(record, sort_keys=True, default=str)).encode()).hexdigest()
        except (TypeError, ValueError):  # keys that cannot be ordered (1 and "a"): checked every time, never cached
            digest = None
        if digest is not None and digest in self.known:
            self.passed.add(digest)
            return
        errors = sorted(self.validator.iter_errors(record), key=lambda e: list(map(str, e.absolute_path)))
        if not errors and digest is not None:
            self.passed.add(digest)
        for error in errors:
            path, message = schema_messages(error)
            yield Problem(rel, line_of(lines, path), field_name(path), message)

    def save(self) -> None:
        """Keep the digests of this load's records (an unwritable cache only costs time)."""
        if not self.cache_file or self.passed == self.known:
            return
        try:
            self.cache_file.parent.mkdir(parents=True, exist_ok=True)
            partial = self.cache_file.with_name(f".{self.cache_file.name}.{os.getpid()}")
            partial.write_text(json.dumps(sorted(self.passed)), encoding="utf-8")
            os.replace(partial, self.cache_file)
        except OSError:
            pass


def _walk_values(value, path=()):
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _walk_values(v, path + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _walk_values(v, path + (i,))
    else:
        yield path, value


def check_placeholders(record, lines, rel):
    """What `make new-person` leaves to fill in: never published by accident."""
    for path, value in _walk_values(record):
        if value == "todo" or value == "0000" or (isinstance(value, str) and value.startswith("TODO")):
            yield Problem(rel, line_of(lines, path), field_name(path),
                          "still a placeholder from `make new-person` — replace it with what the source says (data/README.md)")


def valid_date(text: str) -> bool:
    parts = [int(p) for p in text.split("-")]
    try:
        dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        return False
    return True


def check_dates(record, lines, rel):
    for path, value in _walk_values(record):
        if path and path[-1] in DATE_FIELDS and isinstance(value, str) and value != "0000" \
                and re.fullmatch(r"[0-9]{4}(-[0-9]{2}){0,2}", value) and not valid_date(value):
            yield Problem(rel, line_of(lines, path), field_name(path), f"{value!r} does not exist in the calendar — {HOW_TO_DATE}")


def check_sources(record, lines, rel, sources, paragraph_count):
    for path, value in _walk_values(record):
        if not path or path[-1] != "source" or not isinstance(value, str):
            continue
        source_id, _, anchor = value.partition("#")
        if source_id == "todo":
            continue
        if source_id not in sources:
            yield Problem(rel, line_of(lines, path), field_name(path),
                          f"unknown source {source_id!r} — use an id from data/sources.yml, or add the source there first")
        elif anchor and source_id != "letter":
            yield Problem(rel, line_of(lines, path), field_name(path),
                          f"only the letter is cited by paragraph — write {source_id!r} without '#{anchor}'")
        elif anchor and not 1 <= int(anchor[1:]) <= paragraph_count:
            yield Problem(rel, line_of(lines, path), field_name(path),
                          f"the letter has paragraphs 1 to {paragraph_count} — fix the number after #p")


def plain_name(record):
    """The English name of a record, whether written as text or per language; None if malformed."""
    name = record.get("name") if isinstance(record, dict) else None
    if isinstance(name, dict):
        name = name.get("en")
    return name if isinstance(name, str) else None


def check_letter_mentions(record, lines, rel, letter):
    from .letter import name_positions
    name = plain_name(record)
    if name is None:
        return
    for index, number in enumerate(record.get("letter_paragraphs") or []):
        if not isinstance(number, int):
            continue
        if not 1 <= number <= len(letter.paragraphs):
            yield Problem(rel, line_of(lines, ("letter_paragraphs", index)), field_name(("letter_paragraphs", index)),
                          f"the letter has paragraphs 1 to {len(letter.paragraphs)} — use one of those numbers")
        elif not name_positions(letter, name, [number]):
            yield Problem(rel, line_of(lines, ("letter_paragraphs", index)), field_name(("letter_paragraphs", index)),
                          f"paragraph {number} of the letter does not contain {name!r} — remove {number}, "
                          "or spell `name` exactly as the letter does")


def check_filename(file: Path, rel: str):
    if file.suffix != ".yml":
        yield Problem(rel, 1, "(file)", "unexpected file in data/people — a person is a file ending in .yml; move or remove this one")
    elif not SLUG.match(file.stem):
        yield Problem(rel, 1, "(file)",
                      f"file name {file.name!r} is not a valid slug — rename it to lowercase Latin letters, digits and hyphens, "
                      "e.g. maks-bokayev.yml (the name is the page's address)")


def check_unique_names(records):
    """Two files for the same name are one person twice: both files are named."""
    by_name = {}
    for rel, record, lines in records:
        name = plain_name(record)
        if name is not None:
            by_name.setdefault(" ".join(name.casefold().split()), []).append((rel, lines))
    for same in by_name.values():
        for rel, lines in same if len(same) > 1 else []:
            others = ", ".join(r for r, _ in same if r != rel)
            yield Problem(rel, line_of(lines, ("name",)), "name",
                          f"same name as {others} — one person is one file: merge them, or tell them apart in `name`")


def check_former_slugs(records, withdrawn=()):
    """An old address redirects to exactly one record, and never shadows a current one."""
    current = {Path(rel).stem: rel for rel, _record, _lines in records}
    current.update({slug: f"{PEOPLE_DIR}/{slug}.yml" for slug in withdrawn})
    claimed = {}
    for rel, record, lines in records:
        olds = record.get("former_slugs") if isinstance(record, dict) else None
        for index, old in enumerate(olds if isinstance(olds, list) else []):  # not a list: the schema says so
            if not isinstance(old, str):
                continue
            where = ("former_slugs", index)
            if old in current:
                yield Problem(rel, line_of(lines, where), field_name(where),
                              f"{old!r} is the address of {current[old]} — a former slug must not be a current one; remove it")
            elif old in claimed and claimed[old] != rel:
                yield Problem(rel, line_of(lines, where), field_name(where),
                              f"{old!r} is already a former slug of {claimed[old]} — one old address can redirect to one record only")
            claimed.setdefault(old, rel)


def check_counts(people, stated_counts, rel="data/letter/letter.yml", withdrawn: int = 0):
    """The letter's stated numbers must match the records of people it names. A withdrawn
    record keeps no group, so up to that many people may be missing from the counts."""
    missing = 0
    for group, claim in stated_counts.items():
        have = sum(1 for p in people if p["group"] == group and p.get("letter_paragraphs"))
        missing += max(claim["exactly"] - have, 0)
        if have > claim["exactly"] or (have < claim["exactly"] and not withdrawn):
            yield Problem(rel, 1, f"stated_counts.{group}",
                          f"the letter says {claim['exactly']} (paragraph {claim['paragraph']}) but data/people has {have} "
                          f"records in group {group!r} that the letter names — add or fix the missing records; never change the letter")
    if missing > withdrawn:
        yield Problem(rel, 1, "stated_counts",
                      f"{missing} of the people the letter counts have no record, but only {withdrawn} profiles are withdrawn "
                      "— add the missing records; never change the letter")


def check_source_entry(source_id, entry, lines, rel):
    if not SLUG.match(str(source_id)):
        yield Problem(rel, line_of(lines, (source_id,)), str(source_id), "source ids are lowercase letters, digits and hyphens — rename it")
    if not isinstance(entry, dict):
        yield Problem(rel, line_of(lines, (source_id,)), str(source_id), "should have fields title, publisher and optionally date, url, note")
        return
    for key in ("title", "publisher"):
        if not isinstance(entry.get(key), str) or not entry.get(key).strip():
            yield Problem(rel, line_of(lines, (source_id,)), f"{source_id}.{key}", f"missing — add `{key}:` with the source's own words")
    known = ("title", "publisher", "language", "described", "date", "url", "archived", "note", "listed")
    unknown = set(entry) - set(known)
    for key in sorted(unknown):
        yield Problem(rel, line_of(lines, (source_id, key)), f"{source_id}.{key}",
                      f"unknown field — use {', '.join(known)}")
    if isinstance(entry.get("title"), str) and "headline not shown" in entry["title"]:
        yield Problem(rel, line_of(lines, (source_id, "title")), f"{source_id}.title",
                      "a placeholder, not a title — give the real headline, or describe the item plainly "
                      "(kind, subject and date) and add `described: true`")
    language = entry.get("language")
    if language is not None and (not isinstance(language, str) or not re.fullmatch(r"[a-z]{2}", language)):
        yield Problem(rel, line_of(lines, (source_id, "language")), f"{source_id}.language",
                      "the source's language as a two-letter code: en, ru, kk, fr, de …")
    archived = entry.get("archived")
    if archived is not None and (not isinstance(archived, str) or not URL.match(archived)):
        yield Problem(rel, line_of(lines, (source_id, "archived")), f"{source_id}.archived",
                      "not a web address — give the full address of the archived copy (e.g. https://web.archive.org/web/…)")
    url = entry.get("url")
    if url is not None and (not isinstance(url, str) or not URL.match(url)):
        yield Problem(rel, line_of(lines, (source_id, "url")), f"{source_id}.url",
                      "not a web address — use the full https:// (or http://) address, or leave `url` out if none was verified")
    date = entry.get("date")
    if isinstance(date, int):
        yield Problem(rel, line_of(lines, (source_id, "date")), f"{source_id}.date",
                      f"{date} is a number to YAML — write the year in quotes: '{date}'")
    elif date is not None and (not isinstance(date, str) or not re.fullmatch(r"[0-9]{4}(-[0-9]{2}){0,2}", date) or not valid_date(date)):
        yield Problem(rel, line_of(lines, (source_id, "date")), f"{source_id}.date", f"{date!r} is not a date — {HOW_TO_DATE}")


EMAIL = re.compile(r"^[^@\s,;?&]+@[^@\s,;?&]+\.[a-z]{2,}$", re.I)


def check_recipients(actions, lines, sources, rel="data/actions.yml"):
    """A decision-maker's address is a fact too: each needs a source that publishes it."""
    for index, recipient in enumerate((actions.get("write") or {}).get("recipients") or []):
        path = ("write", "recipients", index)
        where = field_name(path)
        if not isinstance(recipient, dict) or set(recipient) != {"name", "email", "source"}:
            yield Problem(rel, line_of(lines, path), where, "give exactly name, email and source — the source must publish the address")
            continue
        if not EMAIL.match(str(recipient["email"])):
            yield Problem(rel, line_of(lines, path + ("email",)), where + ".email", "not an email address — copy it exactly from the source")
        if str(recipient["source"]).split("#")[0] not in sources:
            yield Problem(rel, line_of(lines, path + ("source",)), where + ".source", "unknown source — add the page that publishes this address to data/sources.yml")


def _date_ok(value) -> bool:
    return isinstance(value, str) and re.fullmatch(r"[0-9]{4}(-[0-9]{2}){0,2}", value) is not None and valid_date(value)


def check_timeline(record, lines, rel, today: str):
    """Updates oldest first and none in the future; `status` equal to the latest state."""
    from . import timeline
    updates = [u for u in record.get("updates") or [] if isinstance(u, dict)]
    dated = [(index, u["date"]) for index, u in enumerate(record.get("updates") or [])
             if isinstance(u, dict) and _date_ok(u.get("date"))]
    for index, date in dated:
        if timeline.before(today, date):
            where = ("updates", index, "date")
            yield Problem(rel, line_of(lines, where), field_name(where),
                          f"{date!r} is in the future — date an update by when it happened, as the source says")
    dates = [d for _i, d in dated]
    for position in timeline.out_of_order(dates):
        index, date = dated[position]
        earlier = next(d for d in dates[:position] if timeline.before(date, d))
        where = ("updates", index, "date")
        yield Problem(rel, line_of(lines, where), field_name(where),
                      f"{date!r} is dated before an update above it ({earlier!r}) — list updates oldest first: move it up")
    status = record.get("status")
    if not isinstance(status, dict) or not all(_date_ok(u.get("date")) for u in updates) \
            or record.get("group") not in timeline.GROUP_STATE:
        return
    expected = timeline.expected_status(record)
    if expected is None:  # not named in the letter and no update gives a state: the group's state
        expected = {"state": timeline.GROUP_STATE[record["group"]], "date": status.get("as_of"), "letter": True}
    where = ("status",)
    said = (status.get("state"), status.get("as_of"))
    if said != (expected["state"], expected["date"]):
        if expected["letter"]:
            origin = "the letter's (no update carries a `state`)" if record.get("letter_paragraphs") else f"its group's ({record.get('group')})"
        else:
            origin = f"the latest update with a `state` ({expected['date']})"
        yield Problem(rel, line_of(lines, where), "status",
                      f"says {said[0]} as of {said[1]} but the timeline says {expected['state']} as of {expected['date']} — "
                      f"`status` is what is known now: make its state and as_of equal {origin}, or add the update that changed it")


def check_decisions(decisions, lines, sources, slugs, rel="data/decisions.yml"):
    """Decisions of international bodies: each sourced, dated, about people who have records."""
    known = {"body", "kind", "number", "title", "date", "source", "also", "asked", "people", "groups", "note"}
    for decision_id, entry in decisions.items():
        where = (decision_id,)
        if not SLUG.match(str(decision_id)):
            yield Problem(rel, line_of(lines, where), str(decision_id), "ids are lowercase letters, digits and hyphens — rename it")
        if not isinstance(entry, dict):
            yield Problem(rel, line_of(lines, where), str(decision_id), "should have fields body, kind, number, title, date, source, asked")
            continue
        for key in ("body", "kind", "title", "date", "source", "asked"):
            if not isinstance(entry.get(key), (str, dict)) or not entry.get(key):
                yield Problem(rel, line_of(lines, where), f"{decision_id}.{key}", f"missing — add `{key}:` (see data/README.md)")
        for key in sorted(set(entry) - known):
            yield Problem(rel, line_of(lines, where + (key,)), f"{decision_id}.{key}",
                          f"unknown field — use {', '.join(sorted(known))}")
        if entry.get("date") is not None and not _date_ok(entry.get("date")):
            yield Problem(rel, line_of(lines, where + ("date",)), f"{decision_id}.date", f"{entry.get('date')!r} is not a date — {HOW_TO_DATE}")
        refs = [("source", entry.get("source"))] + [(("also", i), ref) for i, ref in enumerate(entry.get("also") or [])]
        for path, source in refs:
            if isinstance(source, str) and source.split("#")[0] not in sources:
                path = path if isinstance(path, tuple) else (path,)
                yield Problem(rel, line_of(lines, where + path), field_name((decision_id,) + path),
                              f"unknown source {source!r} — add the page to data/sources.yml first")
        for index, slug in enumerate(entry.get("people") or []):
            if slug not in slugs:
                yield Problem(rel, line_of(lines, where + ("people", index)), f"{decision_id}.people #{index + 1}",
                              f"no record {slug!r} in data/people — use a file name without .yml")
        for index, group in enumerate(entry.get("groups") or []):
            from .timeline import GROUP_STATE
            if group not in GROUP_STATE:
                yield Problem(rel, line_of(lines, where + ("groups", index)), f"{decision_id}.groups #{index + 1}",
                              f"{group!r} is not a group — use one of: {', '.join(GROUP_STATE)}")




PLACEHOLDER = re.compile(r"{\w+}")


def check_translations(lang, strings, slugs, sources, root):
    """A translation file may only translate what exists: interface keys of data/strings.yml,
    records of data/people, sources of data/sources.yml; placeholders kept as in the English."""
    base = f"translations/{lang.code}"
    english = dict(flat_strings(strings["en"]))
    if lang.strings:
        for key, value in flat_strings(lang.strings):
            if key not in english:
                yield Problem(f"{base}/strings.yml", 1, key, "not an interface string of data/strings.yml — remove it or fix its name")
            elif isinstance(value, str) and set(PLACEHOLDER.findall(value)) != set(PLACEHOLDER.findall(str(english[key]))):
                wanted = ", ".join(sorted(set(PLACEHOLDER.findall(str(english[key]))))) or "none"
                yield Problem(f"{base}/strings.yml", 1, key, f"the placeholders must be those of the English ({wanted})")
    people_dir = Path(root) / base / "people"
    for path in sorted(people_dir.glob("*.yml")) if people_dir.exists() else []:
        if path.stem not in slugs:
            yield Problem(f"{base}/people/{path.name}", 1, "(file)", f"no record data/people/{path.name} — rename or remove this translation")
    for source, key, problem in lang.review_problems:
        yield Problem(source, _line_of_key(Path(root) / source, key), f"{key}.reviewed" if key not in ("_reviewed", "reviewed", "translation.reviewed") else key, problem)
    for slug, name in lang.names.items():
        if bool(name.get("source")) == bool(name.get("transliterated")):
            yield Problem(f"{base}/people/{slug}.yml", _line_of_key(Path(root) / base / "people" / f"{slug}.yml", "name"), "name",
                          "say where this spelling comes from — `source: <id>` of a source that prints it, or "
                          "`transliterated: true` where no source was found (one of the two)")
        if name.get("source") and name["source"] not in sources:
            yield Problem(f"{base}/people/{slug}.yml", 1, "name.source", f"unknown source {name['source']!r} — use an id from data/sources.yml")


def _line_of_key(path: Path, key: str) -> int:
    """The line of a translation file where `key:` is written (1 if not found)."""
    last = key.split(".")[-1]
    try:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if re.match(rf"\s*{re.escape(last)}:", line):
                return number
    except OSError:
        pass
    return 1


def check_withdrawn(record, lines, rel, today):
    """A withdrawn profile is the line `withdrawn: YYYY-MM-DD` and nothing else: no name, no
    facts, nothing that could identify the person stays in the file."""
    extra = sorted(set(record) - {"withdrawn"})
    if extra:
        yield Problem(rel, line_of(lines, (extra[0],)), extra[0],
                      "a withdrawn profile keeps only `withdrawn: YYYY-MM-DD` — delete every other line (see CONTRIBUTING.md)")
    date = record.get("withdrawn")
    if not isinstance(date, str) or not _date_ok(date) or len(date) != 10:
        yield Problem(rel, line_of(lines, ("withdrawn",)), "withdrawn",
                      f"{date!r} is not a day — write the date of the withdrawal as YYYY-MM-DD")
    elif date > today:
        yield Problem(rel, line_of(lines, ("withdrawn",)), "withdrawn", f"{date!r} is in the future — write the day it was withdrawn")


def check_site_days(record, lines, rel):
    """The days of the site's own work (added, checked, searched, an update recorded) are known
    exactly: the feed and the page stamp them to the day."""
    paths = [(field,) for field in SITE_DAYS]
    updates = record.get("updates") if isinstance(record.get("updates"), list) else []  # not a list: the schema says so
    paths += [("updates", i, "recorded") for i, u in enumerate(updates) if isinstance(u, dict)]
    for path in paths:
        node = record
        for part in path:
            node = node[part] if isinstance(node, (dict, list)) and (isinstance(part, int) or part in node) else None
        if isinstance(node, str) and _date_ok(node) and len(node) != 10:
            yield Problem(rel, line_of(lines, path), field_name(path),
                          f"{node!r} is not a day — this is the day of the site's own work: write it as YYYY-MM-DD")


# States that a term can end; the others (released, acquitted, died, persecuted-abroad, unknown) have none.
TERM_STATES = ("imprisoned", "psychiatric-detention", "restricted-freedom", "suspended-sentence")
FREEING = ("released", "acquitted", "restricted-freedom")


def check_terms(record, lines, rel):
    """`until` and `term` on updates and rulings: after their start, on a state that can end."""
    entries = [("updates", i, u) for i, u in enumerate(record.get("updates") or [])]
    entries += [("rulings", i, r) for i, r in enumerate((record.get("case") or {}).get("rulings") or [])]
    for kind, index, entry in entries:
        where = (kind, index) if kind == "updates" else ("case", "rulings", index)
        if not isinstance(entry, dict) or not _date_ok(entry.get("date")):
            continue
        if entry.get("term_max") and not entry.get("term"):
            yield Problem(rel, line_of(lines, where + ("term_max",)), field_name(where + ("term_max",)),
                          "`term_max` says the term is a maximum — add the `term` (e.g. P3Y), or remove `term_max`")
        if (entry.get("until") or entry.get("term")) and kind == "updates" and entry.get("state") not in TERM_STATES:
            field = "until" if entry.get("until") else "term"
            state = entry.get("state")
            yield Problem(rel, line_of(lines, where + (field,)), field_name(where + (field,)),
                          (f"a {state!r} state has no term to end" if state else "only an update with a `state` can say how long it lasts")
                          + f" — remove `{field}`, or put it on the update whose state it ends ({', '.join(TERM_STATES)})")
        if kind == "updates" and entry.get("stated_by") and entry.get("state"):
            yield Problem(rel, line_of(lines, where + ("stated_by",)), field_name(where + ("stated_by",)),
                          "a position of the authorities does not change the person's situation — remove `state` here, "
                          "or put the change on an update of its own")
        until = entry.get("until")
        if _date_ok(until) and timeline_before(until, entry["date"]):
            yield Problem(rel, line_of(lines, where + ("until",)), field_name(where + ("until",)),
                          f"{until!r} is before the date {entry['date']!r} — `until` is when the state ends, after it began; "
                          "check both dates against the source")


def timeline_before(a, b):
    from .timeline import before
    return before(a, b)


def check_case(record, lines, rel, articles):
    """Charges name articles of data/articles.yml; a ruling that frees comes before the release."""
    case = record.get("case") or {}
    for index, charge in enumerate(case.get("charges") or []):
        where = ("case", "charges", index, "article")
        article = charge.get("article") if isinstance(charge, dict) else None
        if isinstance(article, str) and article not in articles:
            yield Problem(rel, line_of(lines, where), field_name(where),
                          f"{article!r} is not in data/articles.yml — add the article there first (with its titles and "
                          "where the English title comes from), or fix the id")
    updates = [u for u in record.get("updates") or [] if isinstance(u, dict) and _date_ok(u.get("date"))]
    for index, ruling in enumerate(case.get("rulings") or []):
        if not isinstance(ruling, dict) or not _date_ok(ruling.get("date")):
            continue
        frees = ruling.get("outcome") in ("acquitted", "quashed") or (ruling.get("kind") == "parole" and ruling.get("outcome") == "granted")
        if not frees:
            continue
        held = [u for u in updates if u.get("state") in ("imprisoned", "psychiatric-detention") and timeline_before(u["date"], ruling["date"])]
        after = [u for u in updates if u.get("state") in FREEING and held and timeline_before(held[-1]["date"], u["date"])]
        if after and timeline_before(after[0]["date"], ruling["date"]):
            where = ("case", "rulings", index, "date")
            yield Problem(rel, line_of(lines, where), field_name(where),
                          f"{ruling['date']!r} is after the release it led to ({after[0]['date']!r}, state {after[0]['state']}) "
                          "— a ruling that frees comes before the release: check both dates against the sources")


ARTICLE_FIELDS = {"code", "number", "part", "title", "title_source", "successor", "note", "note_source"}
ARTICLE_ID = re.compile(r"^cc(1997|2014)-([0-9]+)(?:-([0-9]+))?$")


def check_articles(articles, lines, sources, rel="data/articles.yml"):
    """Each article: its id says its Code and number; titles in every language; a named source."""
    for article_id, entry in articles.items():
        where = (article_id,)
        match = ARTICLE_ID.match(str(article_id))
        if not match:
            yield Problem(rel, line_of(lines, where), str(article_id),
                          "ids are cc1997-NNN or cc2014-NNN (the Code's year and the article's number, -N for a part) — rename it")
            continue
        if not isinstance(entry, dict):
            yield Problem(rel, line_of(lines, where), str(article_id), "should have fields code, number, title and title_source")
            continue
        for key in sorted(set(entry) - ARTICLE_FIELDS):
            yield Problem(rel, line_of(lines, where + (key,)), f"{article_id}.{key}", f"unknown field — use {', '.join(sorted(ARTICLE_FIELDS))}")
        if str(entry.get("code")) != match.group(1) or str(entry.get("number")) != match.group(2):
            yield Problem(rel, line_of(lines, where), f"{article_id}.code",
                          f"the id says Code {match.group(1)}, article {match.group(2)} — make `code` and `number` say the same")
        title = entry.get("title")
        if not isinstance(title, dict) or not isinstance(title.get("en"), str) or not title["en"].strip():
            yield Problem(rel, line_of(lines, where + ("title",)), f"{article_id}.title",
                          "give the title per language: en (from a named source), ru and kk (the official texts)")
        if entry.get("title_source") not in sources:
            yield Problem(rel, line_of(lines, where + ("title_source",)), f"{article_id}.title_source",
                          "no official English text exists — name the source of the English title (an id in data/sources.yml)")
        if entry.get("note") and entry.get("note_source") not in sources:
            yield Problem(rel, line_of(lines, where + ("note",)), f"{article_id}.note_source",
                          "what the sources say about an article needs its source — add `note_source:` (an id in data/sources.yml)")
        successor = entry.get("successor")
        if successor is not None and successor not in articles:
            yield Problem(rel, line_of(lines, where + ("successor",)), f"{article_id}.successor",
                          f"{successor!r} is not an article in this file — add it, or remove `successor`")


VERSION_TAG = re.compile(r"^data-(\d{4}-\d{2}-\d{2})$")


def check_versions(versions, lines, rel="data/versions.yml"):
    """data/versions.yml: a list, newest first, of {tag: data-YYYY-MM-DD, changes: text}."""
    if not isinstance(versions, list):
        yield Problem(rel, 1, "(file)", "should be a list of versions, each starting with `- tag: data-YYYY-MM-DD`")
        return
    seen = []
    for index, entry in enumerate(versions):
        where = (index,)
        if not isinstance(entry, dict) or set(entry) != {"tag", "changes"}:
            yield Problem(rel, line_of(lines, where), f"#{index + 1}", "each version has exactly `tag:` and `changes:` — see the comment at the top")
            continue
        match = VERSION_TAG.match(str(entry["tag"]))
        if not match or not valid_date(match.group(1)):
            yield Problem(rel, line_of(lines, where + ("tag",)), f"#{index + 1}.tag",
                          f"{entry['tag']!r} is not a version tag — write data-YYYY-MM-DD, the day of the release")
            continue
        if not isinstance(entry["changes"], str) or not entry["changes"].strip():
            yield Problem(rel, line_of(lines, where + ("changes",)), f"#{index + 1}.changes", "is empty — say what changed since the previous version")
        if seen and entry["tag"] >= seen[-1]:
            yield Problem(rel, line_of(lines, where + ("tag",)), f"#{index + 1}.tag",
                          f"{entry['tag']!r} comes after {seen[-1]!r} — list versions newest first, one per day")
        seen.append(entry["tag"])
