"""Open data, the feed and permanent links, read back with the tools their users will use."""
import csv
import json
import shutil
import subprocess
import sys
from pathlib import Path

import feedparser
import pytest

from conftest import ROOT, assert_built, build, copy_project, soup
from sitegen import data


def test_frictionless_validates_the_data_package(built_site):
    frictionless = shutil.which("frictionless") or str(Path(sys.executable).parent / "frictionless")
    result = subprocess.run([frictionless, "validate", "datapackage.json"], cwd=built_site / "data",
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    package = json.loads((built_site / "data/datapackage.json").read_text(encoding="utf-8"))
    assert package["licenses"][0]["name"] == "CC-BY-4.0"


def test_json_holds_exactly_the_people_in_data_with_the_same_fields(built_site, site_data):
    exported = json.loads((built_site / "data/people.json").read_text(encoding="utf-8"))["people"]
    assert sorted(p["slug"] for p in exported) == sorted(site_data.by_slug)
    for person in exported:
        record = site_data.by_slug[person["slug"]]
        assert set(person) == set(record) | {"url", "decisions", "name_translations"}
        assert set(person["name_translations"]) == {"ru", "kk"}
        assert person["last_searched"] == record["last_searched"]
        assert [u.get("state") for u in person.get("updates", [])] == [u.get("state") for u in record.get("updates") or []]
        assert [d["id"] for d in person["decisions"]] == [d["id"] for d in site_data.decisions_about(record)]
        assert person["name"] == record["name"] and person["facts"][0]["text"] == record["facts"][0]["text"]
        assert person["url"].endswith(f"/people/{person['slug']}.html")


def test_json_sources_are_resolved_to_titles_and_addresses(built_site, site_data):
    exported = {p["slug"]: p for p in json.loads((built_site / "data/people.json").read_text(encoding="utf-8"))["people"]}
    ayan = exported["talgat-ayan"]
    hrw = [f["source"] for f in ayan["facts"] if f["source"]["id"] == "hrw-2016-11-29"][0]
    assert hrw["url"] == site_data.sources["hrw-2016-11-29"]["url"] and hrw["publisher"] == "Human Rights Watch"
    letter = ayan["facts"][0]["source"]
    assert letter["paragraph"] == 8 and letter["url"].endswith("/letter.html#p8")
    assert letter["original_url"] == site_data.sources["letter"]["url"]
    wgad = [d["source"] for d in ayan["decisions"] if d["id"] == "un-wgad-16-2017"][0]
    assert "url" not in wgad, "a source without a verified address gets none"


def test_csv_has_one_row_per_person(built_site, site_data):
    with open(built_site / "data/people.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == len(site_data.people)
    assert {r["slug"] for r in rows} == set(site_data.by_slug)
    bokayev = [r for r in rows if r["slug"] == "maks-bokayev"][0]
    assert bokayev["aliases"] == "Max Bokayev; Bokaev; Boqaev" and bokayev["letter_paragraphs"] == "8; 15"
    assert bokayev["last_verified"] == site_data.by_slug["maks-bokayev"]["last_verified"]


def test_exported_schema_is_the_record_schema(built_site):
    assert (built_site / "data/person.schema.json").read_bytes() == (ROOT / "data/schema/person.schema.json").read_bytes()


def test_feed_parses_and_entries_carry_their_data_dates(built_site, site_data):
    feed = feedparser.parse(str(built_site / "feed.xml"))
    assert not feed.bozo, feed.bozo_exception
    updates = {e.link: e for e in feed.entries if "#update-" in e.link}
    from sitegen import timeline
    # the newest update that changed someone's situation is in the feed, saying what it changed to
    slug, index, update = max(((p["slug"], i, u) for p in site_data.people for i, u in enumerate(p.get("updates") or [])
                               if u.get("state")), key=lambda t: timeline.key(t[2]["date"]))
    entry = [e for link, e in updates.items() if link.endswith(f"/people/{slug}.html#update-{index + 1}")][0]
    label = {"unknown": "Status unknown", "died": "Died", "released": "Released"}.get(update["state"])
    assert entry.updated.startswith(timeline.parts(update["date"])[0].__str__())
    if label:
        assert entry.summary.startswith(label + ". ")
    assert soup(built_site / f"people/{slug}.html").find(id=f"update-{index + 1}"), "the entry links its own timeline item"
    added = [e for e in feed.entries if "#added-" in e.id]
    assert added and all(e.updated.startswith(e.id.split("#added-")[1]) for e in added)
    assert feed.feed.updated == max(e.updated for e in feed.entries)


def test_feed_timestamps_are_distinct_and_claim_no_false_precision(built_site, site_data):
    feed = feedparser.parse(str(built_site / "feed.xml"))
    stamps = [e.updated for e in feed.entries]
    assert len(stamps) == len(set(stamps)), "two entries share a timestamp"
    assert len([e for e in feed.entries if "added" in e.id]) == len({p["added"] for p in site_data.people})
    for entry in feed.entries:
        if "#update-" not in entry.link:
            continue
        slug = entry.link.split("/people/")[1].split(".html")[0]
        update = site_data.by_slug[slug]["updates"][int(entry.link.rsplit("-", 1)[1]) - 1]
        if len(update["date"]) < 10:  # known to the month or year only: stamped with the day the site recorded it,
            # never the 1st of its period, nor `last_searched` (which moves at every search: old events would look new)
            recorded = update.get("recorded") or site_data.by_slug[slug]["added"]
            assert entry.updated.startswith(recorded), (entry.title, entry.updated, recorded)
            assert "recorded on this site" in entry.summary
        else:
            assert entry.updated.startswith(update["date"])
        assert ": " in entry.title and not entry.title.endswith(update["date"][:4]), entry.title


def test_every_page_announces_the_feed(built_site):
    link = soup(built_site / "index.html").find("link", type="application/atom+xml")
    assert link["href"] == "feed.xml"


def test_profile_shows_when_it_was_last_checked(built_site):
    text = soup(built_site / "people/maks-bokayev.html").get_text(" ")
    assert "Record last checked against its sources: 25 November 2026." in " ".join(text.split())


def test_data_page_links_every_file(built_site):
    links = {a["href"] for a in soup(built_site / "data.html").select(".kz-downloads a")}
    assert links == {"data/people.json", "data/people.csv", "data/person.schema.json", "data/datapackage.json", "feed.xml"}
    for href in links:
        assert (built_site / href).exists()


def add_former_slug(project, slug, former):
    path = project / "data/people" / f"{slug}.yml"
    path.write_text(path.read_text(encoding="utf-8") + f"former_slugs: [{former}]\n", encoding="utf-8")


def test_every_former_slug_redirects_to_a_page_that_exists(tmp_path):
    project = copy_project(tmp_path / "p")
    add_former_slug(project, "igor-sichev", "igor-sychev")
    out = tmp_path / "out"
    assert_built(build(project, out, pdfs=False))
    redirect = soup(out / "people/igor-sychev.html")
    refresh = redirect.find("meta", attrs={"http-equiv": "refresh"})["content"]
    target = refresh.split("url=")[1]
    assert target == "igor-sichev.html" and (out / "people" / target).exists()
    assert redirect.find("link", rel="canonical")["href"].endswith("/people/igor-sichev.html")
    assert "igor-sychev" not in (out / "sitemap.xml").read_text(encoding="utf-8")


def test_a_former_slug_may_not_be_a_current_one(tmp_path):
    project = copy_project(tmp_path / "p")
    add_former_slug(project, "igor-sichev", "maks-bokayev")
    with pytest.raises(data.DataError) as caught:
        data.load(project)
    assert "former_slugs #1: 'maks-bokayev' is the address of data/people/maks-bokayev.yml" in str(caught.value)


def test_a_former_slug_may_redirect_to_one_record_only(tmp_path):
    project = copy_project(tmp_path / "p")
    add_former_slug(project, "igor-sichev", "old-name")
    add_former_slug(project, "igor-chuprina", "old-name")
    with pytest.raises(data.DataError) as caught:
        data.load(project)
    assert "'old-name' is already a former slug of" in str(caught.value)
