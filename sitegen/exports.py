"""Open data written at build time into site/data/: JSON, CSV, the record schema, a data package.

Everything is sorted and dated from the data, so the same input gives the same bytes.
"""
from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

from .csv_fields import CSV_FIELDS
from .render import Helpers, tr

YEAR_FIELDS = [
    ("year", "integer", "A year from 2017, the letter's, to the latest year in the data."),
    ("state", "string", "A state: imprisoned, psychiatric-detention, restricted-freedom, suspended-sentence, "
                        "persecuted-abroad, released, acquitted, died or unknown."),
    ("basis", "string", "reported (current), term-ended or last-reported, judged with the year's last day (for the "
                        "latest year, the data date) as today: see how-we-count.html. Only 'reported' rows are current."),
    ("count", "integer", "How many people named in the letter were in that state, on that basis, at the end of that year: "
                         "the state of their latest update dated in or before the year, or the letter's where there is none."),
]


def resolve_source(helpers: Helpers, ref: str, letter_url: str) -> dict:
    cited = helpers.cite(ref)
    out = {"id": cited["id"], "title": cited["title"], "publisher": cited["publisher"]}
    source = helpers.get_site().sources[cited["id"]]
    if source.get("date"):
        out["date"] = source["date"]
    if cited["paragraph"]:
        out["paragraph"] = cited["paragraph"]
        out["url"] = f"{letter_url}#p{cited['paragraph']}"
        out["original_url"] = source["url"]
    elif source.get("url"):
        out["url"] = source["url"]
    return out


def person_record(helpers: Helpers, person: dict, letter_url: str) -> dict:
    """The record as written, with every source id replaced by the source itself."""
    def resolve(value):
        if isinstance(value, dict):
            return {k: (resolve_source(helpers, v, letter_url) if k == "source" else resolve(v)) for k, v in value.items()}
        if isinstance(value, list):
            return [resolve(v) for v in value]
        return value

    record = {k: resolve(v) for k, v in person.items() if k != "slug"}
    languages = helpers.get_site().languages
    for key in ("facts", "updates"):
        for item in record.get(key) or []:
            found = {code: language.text(tr(item["text"]), person["slug"]) for code, language in sorted(languages.items())}
            item["translations"] = {code: {"text": t.text, "reviewed": t.reviewed} for code, t in found.items() if t}
    record["name_translations"] = {code: {k: v for k, v in language.names[person["slug"]].items()}
                                   for code, language in sorted(languages.items())
                                   if language.names.get(person["slug"], {}).get("text")}
    decisions = [{"id": d["id"], "body": d["body"], "kind": d["kind"], "number": d.get("number"), "title": d["title"],
                  "date": d["date"], "asked": d["asked"], "source": resolve_source(helpers, d["source"], letter_url)}
                 for d in helpers.get_site().decisions_about(person)]
    now = helpers.get_site().standing(person)
    record["status"] = dict(record["status"], basis=now.basis, reported=now.reported)
    if now.end:
        record["status"]["end"] = {"date": now.end.shown, "computed": now.end.computed, "at_latest": now.end.at_latest,
                                   "source": resolve_source(helpers, now.end.source, letter_url)}
    return {"slug": person["slug"], "url": helpers.site_url(helpers.person_url(person["slug"])), **record,
            "decisions": decisions}


def people_json(helpers: Helpers, people: list, meta: dict, letter_url: str) -> str:
    document = {
        "title": meta["package_title"],
        "licence": meta["data_licence"],
        "people": [person_record(helpers, p, letter_url) for p in sorted(people, key=lambda p: p["slug"])],
    }
    return json.dumps(document, ensure_ascii=False, separators=(",", ":"), sort_keys=False) + "\n"  # compact: 40% smaller at scale


def people_csv(helpers: Helpers, people: list, letter_url: str) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([name for name, _type, _doc in CSV_FIELDS])
    for person in sorted(people, key=lambda p: p["slug"]):
        status_source = resolve_source(helpers, person["status"]["source"], letter_url)
        now = helpers.get_site().standing(person)
        writer.writerow([
            person["slug"], tr(person["name"]), "; ".join(person.get("aliases") or []), person["group"], person["role"],
            person["status"]["state"], person["status"]["as_of"], status_source.get("url", status_source["title"]),
            now.basis, now.end.shown if now.end else "",
            "; ".join(map(str, person.get("letter_paragraphs") or [])), len(person["facts"]),
            len(person.get("updates") or []), helpers.site_url(helpers.person_url(person["slug"])),
            person["added"], person["last_verified"], person["last_searched"],
        ])
    return buffer.getvalue()


def status_by_year_csv(site) -> str:
    """year,state,basis,count: the numbers of the "Since the letter" chart (sitegen/standing.py)."""
    from .standing import BASES, by_year
    from .timeline import STATES
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([name for name, _type, _doc in YEAR_FIELDS])
    for year, counts in by_year(site.named_in_letter(), site.today):
        for basis in BASES:
            for state in STATES:
                if counts.get((state, basis)):
                    writer.writerow([year, state, basis, counts[(state, basis)]])
    return buffer.getvalue()


def datapackage(meta: dict, site_url: str) -> str:
    package = {
        "name": meta["package_name"],
        "title": meta["package_title"],
        "homepage": site_url,
        "licenses": [meta["data_licence"]],
        "resources": [
            {"name": "people", "type": "table", "path": "people.csv", "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
             "description": "One row per person: the main fields.",
             "schema": {"fields": [{"name": n, "type": t, "description": d} for n, t, d in CSV_FIELDS],
                        "primaryKey": ["slug"]}},
            {"name": "status-by-year", "type": "table", "path": "status-by-year.csv", "format": "csv", "mediatype": "text/csv",
             "encoding": "utf-8", "description": "How many of the people named in the letter were in each state at the end of each year.",
             "schema": {"fields": [{"name": n, "type": t, "description": d} for n, t, d in YEAR_FIELDS],
                        "primaryKey": ["year", "state", "basis"]}},
            {"name": "people-json", "type": "json", "path": "people.json", "format": "json", "mediatype": "application/json",
             "description": "Every record in full, with its sources resolved to titles and addresses."},
            {"name": "person-schema", "type": "json", "path": "person.schema.json", "format": "json",
             "mediatype": "application/schema+json", "description": "The JSON Schema of one record (data/people/*.yml)."},
        ],
    }
    return json.dumps(package, ensure_ascii=False, indent=2) + "\n"


def write_all(out_dir: Path, helpers: Helpers, site, meta: dict, schema_file: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    letter_url = helpers.site_url("letter.html")
    (out_dir / "people.json").write_text(people_json(helpers, site.people, meta, letter_url), encoding="utf-8")
    (out_dir / "people.csv").write_text(people_csv(helpers, site.people, letter_url), encoding="utf-8")
    (out_dir / "status-by-year.csv").write_text(status_by_year_csv(site), encoding="utf-8")
    (out_dir / "datapackage.json").write_text(datapackage(meta, helpers.site_url()), encoding="utf-8")
    shutil.copyfile(schema_file, out_dir / "person.schema.json")
