"""Load everything under data/, check it, and hand it over as plain values.

`load(root)` returns a SiteData or raises DataError listing every problem found.
It is cached on the files' sizes and times, so a page render and the hook share one load
and `make serve` reloads only after an edit.
"""
from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from . import checks, corrections_check, i18n, published, standing, yaml_source
from . import letter as letter_mod
from .checks import Problem
from .multilingual import tr

GROUPS = ("imprisoned", "psychiatric-detention", "suspended-sentence", "persecuted-abroad")


PAGE_CITATION = re.compile(r"""cite_source\(\s*["']([^"']+)["']""")  # in docs/*.md


class DataError(Exception):
    def __init__(self, problems):
        self.problems = sorted(problems)
        super().__init__("\n".join(map(str, self.problems)))

    def report(self) -> str:
        n = len(self.problems)
        return (f"{n} problem{'s' if n != 1 else ''} in the data (nothing was published):\n"
                + "\n".join(f"  {p}" for p in self.problems)
                + "\nFix each line above, then run `make check-data`. Field guide: data/README.md")


@dataclass
class SiteData:
    people: list            # person dicts as written, plus `slug`, in display order
    sources: dict
    letter: letter_mod.Letter
    letter_meta: dict
    strings: dict
    actions: dict
    publication: dict
    decisions: dict = field(default_factory=dict)
    articles: dict = field(default_factory=dict)    # id -> article of the Criminal Code (data/articles.yml)
    today: str = ""                                 # the data date: the newest last_searched (never the clock)
    languages: dict = field(default_factory=dict)   # code -> i18n.Language, for every language but English
    withdrawn: dict = field(default_factory=dict)   # slug -> date: profiles withdrawn on request
    versions: list = field(default_factory=list)    # released versions, newest first (data/versions.yml)
    page_sources: set = field(default_factory=set)  # sources that prose pages cite (docs/*.md: cite_source)
    by_slug: dict = field(default_factory=dict)

    def language_codes(self) -> list:
        return [entry["code"] for entry in self.publication["languages"]]

    def in_group(self, group):
        return [p for p in self.people if p["group"] == group]

    def decisions_about(self, person):
        """Decisions that name the person, or the letter's group the person is in; oldest first."""
        return sorted((dict(d, id=i) for i, d in self.decisions.items()
                       if person["slug"] in (d.get("people") or []) or person["group"] in (d.get("groups") or [])),
                      key=lambda d: d["date"])

    def letter_counts(self) -> dict:
        """How many people the letter counts in each group: its own numbers where it states them
        (they hold even when a profile is withdrawn), else the records'."""
        stated = self.letter_meta.get("stated_counts") or {}
        return {g: stated[g]["exactly"] if g in stated else len(self.in_group(g)) for g in GROUPS}

    def cited_sources(self) -> dict:
        """The sources the site cites (records, decisions, the letter's links), and those marked
        `listed: true`; a source cited only by a withdrawn profile is not shown anywhere."""
        cited = {"letter"} | {v for v in (self.letter_meta.get("links") or {}).values() if v} | self.page_sources
        for person in self.people:
            case = person.get("case") or {}
            for item in [person["status"]] + person["facts"] + (person.get("updates") or []) \
                    + (case.get("charges") or []) + (case.get("rulings") or []) + (person.get("corrections") or []):
                cited |= {ref.split("#")[0] for ref in [item["source"]] + (item.get("also") or [])}
        for decision in self.decisions.values():
            cited |= {decision["source"]} | set(decision.get("also") or [])
        cited |= {a["title_source"] for a in self.articles.values()}
        for name in self.languages.values():
            cited |= {n["source"] for n in name.names.values() if n.get("source")}
        return {k: v for k, v in self.sources.items() if k in cited or v.get("listed")}

    def standing(self, person, today: str | None = None):
        """Where the person stands on `today` (the data date by default): sitegen/standing.py."""
        return standing.standing(person, today or self.today)

    def articles_of(self, person) -> list:
        """The articles the person was charged under, with the charge: [(article id, article, charge)]."""
        return [(c["article"], self.articles[c["article"]], c) for c in (person.get("case") or {}).get("charges") or []]

    def corrections(self) -> list:
        """Every correction of every record, newest first: [(person, index, correction)]."""
        out = [(p, i, c) for p in self.people for i, c in enumerate(p.get("corrections") or [])]
        return sorted(out, key=lambda e: (e[2]["date"], e[0]["slug"], e[1]), reverse=True)

    def named_in_letter(self):
        return [p for p in self.people if p.get("letter_paragraphs")]


def _read_yaml(path: Path, root: Path, problems: list):
    rel = path.relative_to(root).as_posix()
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        problems.append(Problem(rel, 1, "(file)", "not UTF-8 text — save the file as UTF-8"))
        return None, {}
    try:
        return yaml_source.load(text)
    except yaml_source.YamlProblem as error:
        field_name, sep, message = error.message.partition(": ")
        if sep and " " not in field_name:
            problems.append(Problem(rel, error.line, field_name, message))
        else:
            problems.append(Problem(rel, error.line, "(file)", error.message))
        return None, {}


def _need_mapping(value, rel, problems, what):
    if not isinstance(value, dict):
        problems.append(Problem(rel, 1, "(file)", f"should hold {what} as `key: value` lines"))
        return {}
    return value


def _letter_order(letter, person):
    name = tr(person["name"])
    positions = letter_mod.name_positions(letter, name, person.get("letter_paragraphs") or [])
    return (0, min(positions), "") if positions else (1, (0, 0), name.casefold())


def _fingerprint(root: Path):
    """What the load reads: data/, the translations, and the prose pages (for their citations)."""
    out = []
    for folder, _dirs, files in (entry for top in ("data", "translations", "docs") for entry in os.walk(root / top)):
        for name in files:
            st = os.stat(os.path.join(folder, name))
            out.append((folder, name, st.st_mtime_ns, st.st_size))
    return tuple(sorted(out))


_cache: dict = {}  # root -> (fingerprint, SiteData or DataError)
_last: dict = {}   # root as given -> the last good load, for the many asks during one build


def load(root, *, refresh: bool = True) -> SiteData:
    """Load and check data/ under root.

    With refresh (the default), the files are looked at and reloaded if any changed. Without,
    the last load of this root is returned as it is: the build refreshes once at its start
    (on_config, which also runs on every live reload), and every page then reuses that load;
    looking at every file for every page would make builds quadratic in the number of people.
    """
    if not refresh:
        last = _last.get(root if isinstance(root, str) else str(root))
        if last is not None:
            return last
    root = Path(root).resolve()
    if refresh or root not in _cache:
        fingerprint = _fingerprint(root)
        if root not in _cache or _cache[root][0] != fingerprint:
            _cache[root] = (fingerprint, _load(root))
    result = _cache[root][1]
    if isinstance(result, DataError):
        raise result
    _last[str(root)] = result
    return result


def _load(root: Path):
    problems: list = []
    sources, source_lines = _read_yaml(root / "data/sources.yml", root, problems)
    if problems:  # every other file cites sources: without them each citation would be "unknown"
        raise DataError(problems)
    sources = _need_mapping(sources, "data/sources.yml", problems, "sources")
    if problems:
        raise DataError(problems)
    for source_id, entry in sources.items():
        problems += checks.check_source_entry(source_id, entry, source_lines, "data/sources.yml")

    meta, _ = _read_yaml(root / "data/letter/letter.yml", root, problems)
    meta = _need_mapping(meta, "data/letter/letter.yml", problems, "the letter's settings")
    text = (root / "data/letter/open-letter-2017.txt").read_text(encoding="utf-8")
    letter, letter_problems = letter_mod.parse(text, meta.get("mend_breaks_after", []))
    problems += [Problem("data/letter/letter.yml", 1, m.split(":")[0], m.split(": ", 1)[1]) for m in letter_problems]
    for link_text, source_id in (meta.get("links") or {}).items():
        if source_id is not None and source_id not in sources:
            problems.append(Problem("data/letter/letter.yml", 1, f"links.{link_text}", f"unknown source {source_id!r} — use an id from data/sources.yml or null"))
    for link_text in letter.link_texts:
        if link_text not in (meta.get("links") or {}):
            problems.append(Problem("data/letter/letter.yml", 1, "links", f"the letter links {link_text!r} — map it to a source id, or to null to leave it unlinked"))

    strings, _ = _read_yaml(root / "data/strings.yml", root, problems)
    publication, _ = _read_yaml(root / "data/publication.yml", root, problems)
    actions, action_lines = _read_yaml(root / "data/actions.yml", root, problems)
    actions = _need_mapping(actions, "data/actions.yml", problems, "the calls to action")
    problems += checks.check_recipients(actions, action_lines, sources)

    articles, article_lines = ({}, {}) if not (root / "data/articles.yml").exists() else _read_yaml(root / "data/articles.yml", root, problems)
    articles = _need_mapping(articles or {}, "data/articles.yml", problems, "articles")
    problems += checks.check_articles(articles, article_lines, sources)

    check_schema = checks.SchemaCheck(checks.load_schema(root), root / ".cache/schema-passed.json")
    today = dt.date.today().isoformat()
    withdrawn: dict = {}
    people_dir = root / checks.PEOPLE_DIR
    records = []
    for file in sorted(people_dir.iterdir()):
        rel = file.relative_to(root).as_posix()
        if file.name in checks.ALLOWED_EXTRA_FILES:
            continue
        if file.is_dir():
            problems.append(Problem(rel, 1, "(file)", "unexpected folder in data/people — people are .yml files directly in data/people"))
            continue
        name_problems = list(checks.check_filename(file, rel))
        problems += name_problems
        if name_problems:
            continue
        record, lines = _read_yaml(file, root, problems)
        if record is None and not lines:
            continue
        if not isinstance(record, dict):
            problems.append(Problem(rel, 1, "(file)", "should hold a person's fields (name:, group:, ...) — copy data/README.md's example"))
            continue
        if "withdrawn" in record:  # a profile taken down on request: its address stays, its content goes
            found = list(checks.check_withdrawn(record, lines, rel, today))
            problems += found
            if not found:
                withdrawn[file.stem] = record["withdrawn"]
            continue
        found = list(check_schema(record, lines, rel))
        found += checks.check_placeholders(record, lines, rel)
        found += checks.check_dates(record, lines, rel)
        found += checks.check_site_days(record, lines, rel)
        found += checks.check_sources(record, lines, rel, sources, len(letter.paragraphs))
        found += checks.check_letter_mentions(record, lines, rel, letter)
        if not found:
            found += checks.check_terms(record, lines, rel)
            found += checks.check_case(record, lines, rel, articles)
        if not found:
            found += checks.check_timeline(record, lines, rel, today)
        problems += found
        records.append((rel, record, lines))
        if not found:
            record["slug"] = file.stem
    check_schema.save()
    problems += checks.check_unique_names(records)
    problems += checks.check_former_slugs(records, withdrawn)

    people = [r for _rel, r, _l in records if "slug" in r]
    decisions, decision_lines = _read_yaml(root / "data/decisions.yml", root, problems)
    decisions = _need_mapping(decisions, "data/decisions.yml", problems, "decisions")
    problems += checks.check_decisions(decisions, decision_lines, sources, {Path(rel).stem for rel, _r, _l in records})
    problems += published.check(root, {Path(rel).stem for rel, _r, _l in records} | set(withdrawn),
                                {old for _rel, r, _l in records for old in (r.get("former_slugs") if isinstance(r.get("former_slugs"), list) else [])
                                 if isinstance(old, str)})
    if not problems:
        problems += corrections_check.check(root, records)
    if not problems:
        problems += checks.check_counts(people, meta.get("stated_counts") or {}, withdrawn=len(withdrawn))
    page_sources = set()
    for page in sorted((root / "docs").rglob("*.md")):
        for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), start=1):
            for ref in PAGE_CITATION.findall(line):
                if ref.split("#")[0] not in sources:
                    problems.append(Problem(page.relative_to(root).as_posix(), number, "cite_source",
                                            f"unknown source {ref!r} — use an id from data/sources.yml, or add the source there first"))
                page_sources.add(ref.split("#")[0])
    versions, version_lines = _read_yaml(root / "data/versions.yml", root, problems)
    problems += checks.check_versions(versions or [], version_lines)
    languages = {}
    if not problems:
        for entry in (publication or {}).get("languages") or []:
            if entry["code"] != "en":
                try:
                    languages[entry["code"]] = i18n.load_language(root, entry["code"])
                except i18n.FileProblem as error:
                    problems.append(Problem(error.path, error.line, "(file)", error.message))
                    continue
                problems += checks.check_translations(languages[entry["code"]], strings, {p["slug"] for p in people},
                                                      sources, root)
    if problems:
        return DataError(problems)
    people.sort(key=lambda p: (GROUPS.index(p["group"]), _letter_order(letter, p)))
    return SiteData(people=people, sources=sources, letter=letter, letter_meta=meta, strings=strings,
                    actions=actions, publication=publication, decisions=decisions, articles=articles,
                    today=standing.data_date(people), languages=languages, withdrawn=withdrawn, versions=versions or [],
                    page_sources=page_sources,
                    by_slug={p["slug"]: p for p in people})
