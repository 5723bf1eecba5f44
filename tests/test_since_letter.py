"""Since the letter: each person's timeline, the status now, the chart and its numbers.

The expectations here are computed independently of sitegen/timeline.py, from the records
and from the published people.json, so that a bug in the site's own logic shows up.
"""
import csv
import json
import re
from urllib.parse import parse_qs, urlsplit

import pytest

from conftest import ROOT, problems_for, soup
from sitegen import data

FREE = {"released", "acquitted", "died"}


def year_of(date: str) -> int:
    return int(date[:4])


LETTER_STATE = {"imprisoned": "imprisoned", "psychiatric-detention": "psychiatric-detention",
                "suspended-sentence": "suspended-sentence", "persecuted-abroad": "persecuted-abroad"}


def before_letter(date: str) -> bool:
    return date[:4] < "2017" or (len(date) >= 7 and date[:7] < "2017-10")


def latest_state(person: dict):
    """(state, date) now: the last update with a state that is not older than the letter, or the letter's."""
    changes = [(u["state"], u["date"]) for u in person.get("updates") or [] if u.get("state") and not before_letter(u["date"])]
    return changes[-1] if changes else (LETTER_STATE[person["group"]], "2017-10")


def test_every_status_is_the_latest_state_of_its_timeline(site_data):
    assert len(site_data.people) == 29
    for person in site_data.people:
        state, date = latest_state(person)
        assert (person["status"]["state"], person["status"]["as_of"]) == (state, date), person["slug"]


def test_the_data_is_brought_up_to_date(site_data):
    """Most of the 17 are no longer in prison, and the man who died in 2021 is not shown in prison."""
    atabek = site_data.by_slug["aron-atabek"]
    assert atabek["status"]["state"] == "died" and atabek["status"]["as_of"] == "2021-11-24"
    assert site_data.by_slug["seytkazy-matayev"]["status"]["state"] == "acquitted"
    still = [p for p in site_data.in_group("imprisoned") if p["status"]["state"] == "imprisoned"]
    assert len(still) < 17 / 2
    later = [p for p in site_data.people if any(u.get("state") and u["date"] >= "2017-10" for u in p.get("updates") or [])]
    assert len(later) >= 15  # 17 in November 2026; the others say "No later information found"


def test_every_record_was_searched_and_every_update_is_sourced(site_data):
    for person in site_data.people:
        assert person.get("last_searched", "") >= "2026-11", person["slug"]
        for update in person.get("updates") or []:
            for ref in [update["source"]] + (update.get("also") or []):
                assert ref.split("#")[0] in site_data.sources, (person["slug"], ref)


def test_written_declarations_speak_for_their_signatories(site_data):
    for person in site_data.people:
        for item in (person.get("updates") or []) + person["facts"]:
            if item["source"].startswith("pace-wd-"):
                assert "signed by" in item["text"] and "members of PACE" in item["text"], (person["slug"], item["text"])
                assert not item["text"].startswith("PACE "), "a written declaration is not PACE's position"


def people_json(built_site):
    return json.loads((built_site / "data/people.json").read_text(encoding="utf-8"))["people"]


def certainly_before(a: str, b: str) -> bool:
    n = min(len(a), len(b))
    return a[:n] < b[:n]


def plus_term(date: str, term: str) -> str:
    years, months = re.match(r"^P(?:(\d+)Y)?(?:(\d+)M)?$", term).groups()
    total = int(years or 0) * 12 + int(months or 0)
    if len(date) == 4:
        return str(int(date) + round(total / 12))
    y, m = int(date[:4]), int(date[5:7]) - 1 + total
    return f"{y + m // 12:04d}-{m % 12 + 1:02d}" + date[7:]


SETS = {"imprisonment": {"imprisoned"}, "restricted-freedom": {"restricted-freedom", "suspended-sentence"},
        "ban": {"restricted-freedom", "suspended-sentence"}, "suspended": {"suspended-sentence"},
        "psychiatric": {"psychiatric-detention"}}


def end_of(entry):
    """(date, computed, maximum) of an update's or ruling's own end, or None."""
    if entry.get("until"):
        return entry["until"], False, False
    if entry.get("term"):
        return plus_term(entry["date"], entry["term"]), True, bool(entry.get("term_max"))
    return None


def basis_on(person: dict, today: str):
    """(state, basis) of one record on `today`, from people.json alone, by the rules the page
    "How we count" states: written out again here, apart from sitegen/standing.py."""
    changes = [{"state": LETTER_STATE[person["group"]], "date": "2017-10"}] + [
        u for u in person.get("updates") or [] if u.get("state") and not before_letter(u["date"])]
    changes = [c for c in changes if not certainly_before(today, c["date"])]
    latest = changes[-1]
    chain = []
    for change in reversed(changes):
        if change["state"] != latest["state"]:
            break
        chain.append(change)
    end = next((end_of(c) for c in chain if end_of(c)), None)
    if end is None:
        rulings = [r for r in (person.get("case") or {}).get("rulings") or [] if latest["state"] in SETS.get(r.get("sentence"), ())
                   and not certainly_before(latest["date"], r["date"]) and end_of(r)]
        if rulings:
            day = max(rulings, key=lambda r: r["date"][:4] + r["date"])["date"]
            end = max((end_of(r) for r in rulings if r["date"] == day), key=lambda e: e[0])
    state = latest["state"]
    if state in FREE:
        return state, "reported"
    if end:
        date, computed, maximum = end
        passed = int(date[:4]) < int(today[:4]) if computed else certainly_before(date, today)
        after = int(date[:4]) < int(latest["date"][:4]) if computed else certainly_before(date, latest["date"])
        if passed and not after:
            return state, "term-ended"
        if not passed and not maximum:
            return state, "reported"
    three_years = str(int(today[:4]) - 3) + today[4:]
    return state, "reported" if not certainly_before(latest["date"], three_years) else "last-reported"


def expected_counts(people: list) -> dict:
    """{year: {(state, basis): count}}, each year judged on its last day (the data date for its own)."""
    named = [p for p in people if p.get("letter_paragraphs")]
    today = max(p["last_searched"] for p in people)
    out = {}
    for year in range(2017, int(today[:4]) + 1):
        day = today if year == int(today[:4]) else f"{year}-12-31"
        counts = {}
        for person in named:
            key = basis_on(person, day)
            counts[key] = counts.get(key, 0) + 1
        out[year] = counts
    return out


def test_status_by_year_csv_equals_an_independent_count(built_site):
    people = people_json(built_site)
    expected = expected_counts(people)
    with open(built_site / "data/status-by-year.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert list(rows[0]) == ["year", "state", "basis", "count"]
    got = {}
    for row in rows:
        got.setdefault(int(row["year"]), {})[(row["state"], row["basis"])] = int(row["count"])
    assert got == expected
    named = sum(1 for p in people if p.get("letter_paragraphs"))
    assert all(sum(c.values()) == named for c in got.values())
    assert min(got) == 2017 and got[2017][("imprisoned", "reported")] < 17  # two of the 17 were out before the end of 2017
    # and people.json says the same of today
    assert {(p["status"]["state"], p["status"]["basis"]) for p in people if p.get("letter_paragraphs")} == set(got[max(got)])


def bands(counts: dict) -> dict:
    """{state or basis: n} as the chart and its table show them: current states, then the other bands."""
    out = {}
    for (state, basis), n in counts.items():
        key = state if basis == "reported" else basis
        out[key] = out.get(key, 0) + n
    return out


def test_chart_and_table_show_the_same_numbers(built_site):
    expected = {year: bands(c) for year, c in expected_counts(people_json(built_site)).items()}
    doc = soup(built_site / "since.html")
    table = doc.select_one("table.kz-chart-table")
    for row in table.select("tbody tr"):
        year = int(row["data-year"])
        cells = {td["data-state"]: int(td.get_text()) for td in row.select("td[data-state]")}
        assert {s: n for s, n in cells.items() if n} == expected[year]
    svg = doc.select_one("figure.kz-chart svg")
    assert svg["role"] == "img" and svg.find("title") and svg.find("desc")
    bars = svg.select("g")
    assert len(bars) == len(expected)
    for bar, year in zip(bars, sorted(expected), strict=True):
        counts = {r["class"][0].split("--")[1]: int(r.find("title").get_text().rsplit(", ", 1)[1])
                  for r in bar.select("rect") if r.find("title")}
        assert counts == expected[year]
    assert not doc.find("script", src=lambda s: s and "chart" in s)


def test_since_page_lists_who_is_still_held_and_every_decision(built_site, site_data):
    doc = soup(built_site / "since.html")
    held = [a["href"] for a in doc.select("#still-held + ul.kz-held a")]
    assert held == [f"people/{p['slug']}.html" for p in site_data.people
                    if p["status"]["state"] in ("imprisoned", "psychiatric-detention") and site_data.standing(p).current]
    not_current = [a["href"] for a in doc.select("#not-current ~ ul.kz-held a")]
    assert not_current == [f"people/{p['slug']}.html" for p in site_data.people if not site_data.standing(p).current]
    assert {dt["id"] for dt in doc.select("dl.kz-decisions dt")} == set(site_data.decisions)
    for number in ("16/2017", "11/2023", "2193 (2017)", "2315 (2019)"):
        assert number in doc.select_one("dl.kz-decisions").get_text()


@pytest.mark.parametrize("slug", ["maks-bokayev", "talgat-ayan", "zhanbolat-mamay"])
def test_profiles_show_the_decisions_about_the_person(built_site, site_data, slug):
    timeline = soup(built_site / f"people/{slug}.html").select_one("ol.kz-timeline")
    decisions = timeline.select("li.kz-timeline__event--decision")
    assert decisions and len(decisions) == len(site_data.decisions_about(site_data.by_slug[slug]))
    assert "UN Working Group on Arbitrary Detention" in decisions[0].get_text()


def test_profile_opens_with_status_then_timeline_then_letter_facts(built_site, site_data):
    for person in site_data.people:
        doc = soup(built_site / f"people/{person['slug']}.html")
        order = [el.get("id") or el.get("class", [""])[0] for el in doc.select("section.kz-status, #kz-timeline, #kz-facts")]
        assert order == ["kz-status", "kz-timeline", "kz-facts"], person["slug"]
        items = doc.select("ol.kz-timeline > li")
        dates = [li.time["datetime"] for li in items]
        assert "2017-10" in dates if person.get("letter_paragraphs") else True
        changes = doc.select("ol.kz-timeline > li.kz-timeline__event--change")
        assert len(changes) == len([u for u in person.get("updates") or [] if u.get("state")]) + bool(person.get("letter_paragraphs"))


MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def spelled(date: str) -> str:
    year, month, day = date.split("-")
    return f"{int(day)} {MONTHS[int(month) - 1]} {year}"


def test_no_later_news_is_said_with_the_date_of_the_search(built_site, site_data):
    for person in site_data.people:
        status = soup(built_site / f"people/{person['slug']}.html").select_one(".kz-status")
        gap = status.select_one(".kz-status__gap")
        news = any(u.get("state") and u["date"] >= "2017-10" for u in person.get("updates") or [])
        now = site_data.standing(person)
        searched = spelled(person["last_searched"])
        if now.basis == "reported":
            if news:
                assert gap is None, person["slug"]
            else:
                assert gap is not None and "No later information found" in gap.get_text(), person["slug"]
                assert searched in gap.get_text()
        else:  # not current: the page asks for news, with the date of the last search
            text = " ".join(status.get_text(" ").split())
            assert f"Last searched for news: {searched}." in text, person["slug"]
            assert status.find("a", href=lambda h, slug=person["slug"]: h and h.endswith(f"slug={slug}")), person["slug"]
            if now.basis == "last-reported":
                assert "No source after" in gap.get_text(), person["slug"]


def test_nobody_free_or_dead_is_called_imprisoned_now(built_site, site_data):
    exported = {p["slug"]: p for p in people_json(built_site)}
    with open(built_site / "data/people.csv", encoding="utf-8", newline="") as f:
        rows = {r["slug"]: r for r in csv.DictReader(f)}
    home = soup(built_site / "index.html")
    for person in site_data.people:
        state = person["status"]["state"]
        if state == "imprisoned":
            continue
        slug = person["slug"]
        doc = soup(built_site / f"people/{slug}.html")
        assert "In prison" not in doc.select_one(".kz-status").get_text(), slug
        description = doc.find("meta", attrs={"name": "description"})["content"]
        assert "Latest known: In prison" not in description and "Latest known:" in description, slug
        assert doc.find("meta", property="og:description")["content"] == description
        jsonld = json.loads(doc.find("script", type="application/ld+json").string)
        assert "In prison" not in jsonld["mainEntity"]["description"], slug
        card = home.select_one(f'li.kz-card a[href="people/{slug}.html"]')
        assert "In prison" not in card.get_text(), slug
        assert exported[slug]["status"]["state"] == state and rows[slug]["status"] == state
        ask = doc.select_one(".kz-ask").get_text()
        assert "release its political prisoners" not in ask or state in ("psychiatric-detention",), slug
        mailto = doc.select_one("section.kz-cta a.md-button--primary")["href"]
        subject = parse_qs(urlsplit(mailto).query)["subject"][0]
        assert not subject.startswith("Political prisoners in Kazakhstan:") or state == "psychiatric-detention", slug


def test_the_dead_and_the_freed_point_to_those_still_held(built_site, site_data):
    for person in site_data.people:
        if person["status"]["state"] not in FREE:
            continue
        ask = soup(built_site / f"people/{person['slug']}.html").select_one(".kz-ask")
        assert ask.find("a", href="../since.html#still-held"), person["slug"]
    atabek = soup(built_site / "people/aron-atabek.html").select_one(".kz-ask").get_text(" ", strip=True)
    assert atabek.startswith("Aron Atabek died on 24 November 2021.")
    bokayev = soup(built_site / "people/maks-bokayev.html").select_one(".kz-ask").get_text(" ", strip=True)
    assert "Still owed" in bokayev and "16/2017" in bokayev


def test_home_shows_the_letters_counts_beside_today(built_site, site_data):
    today = soup(built_site / "index.html").select_one(".kz-glance")
    letter, sources = today.select(".kz-glance__row")
    text = " ".join(letter.get_text(" ").split())
    assert "In prison 17" in text and "Suspended sentence 8" in text
    text = " ".join(sources.get_text(" ").split())
    assert spelled(site_data.today) in text
    now = sum(1 for p in site_data.people if site_data.standing(p).current and site_data.standing(p).state == "imprisoned")
    assert (f"In prison {now}" in text) == bool(now)
    bar = sources.select("svg rect")
    assert [int(r["width"]) for r in bar] == [int(li.strong.get_text()) for li in sources.select("li")]
    assert today.find("a", href="since.html") and today.find("a", href="how-we-count.html")


def test_since_page_is_in_the_navigation_and_the_sitemap(built_site):
    assert soup(built_site / "index.html").find("a", href="since.html")
    assert "/since.html" in (built_site / "sitemap.xml").read_text(encoding="utf-8")


# -- bad input: the same file:line: field: problem — fix as every other data error ----------------

from test_validation import GOOD as RECORD  # noqa: E402  (one valid record, extended here with a timeline)

GOOD = RECORD.replace("status: {state: imprisoned, as_of: 2019-05, source: pace-wd-660}",
                      "status: {state: released, as_of: 2019-05, source: pace-wd-660}").replace(
    "added: 2026-11-25", "updates:\n  - {date: '2018', text: Still held., source: pace-wd-660}\n"
    "  - {date: 2019-05, state: released, text: Released., source: pace-wd-660}\nadded: 2026-11-25")


def test_a_good_timeline_is_accepted(project):
    (project / "data/people/test-person.yml").write_text(GOOD, encoding="utf-8")
    assert data.load(project).by_slug["test-person"]["status"]["state"] == "released"


@pytest.mark.parametrize("change, expected", [
    (("state: released, text", "state: freed, text"), "test-person.yml:10: updates #2.state: 'freed' is not allowed — use one of"),
    (("date: 2019-05, state", "date: 2017-05, state"), "test-person.yml:10: updates #2.date: '2017-05' is dated before an update above it ('2018') — list updates oldest first"),
    (("date: 2019-05, state", "date: 2099-01, state"), "test-person.yml:10: updates #2.date: '2099-01' is in the future"),
    (("state: released, as_of: 2019-05", "state: imprisoned, as_of: 2019-05"),
     "test-person.yml:5: status: says imprisoned as of 2019-05 but the timeline says released as of 2019-05 — `status` is what is known now"),
    (("last_searched: 2026-11-25\n", ""), "test-person.yml:2: last_searched: missing"),
])
def test_bad_timelines_are_refused_with_file_line_field_and_fix(project, change, expected):
    found = problems_for(project, GOOD.replace(*change))
    assert any(p.startswith("data/people/" + expected) for p in found), found


def test_a_decision_about_an_unknown_person_is_refused(project):
    path = project / "data/decisions.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("people: [maks-bokayev, talgat-ayan]",
                                                              "people: [maks-bokaev, talgat-ayan]"), encoding="utf-8")
    with pytest.raises(data.DataError) as caught:
        data.load(project)
    assert any("data/decisions.yml:" in str(p) and "no record 'maks-bokaev'" in str(p) for p in caught.value.problems)


def test_schema_and_loader_agree_on_states():
    schema = json.loads((ROOT / "data/schema/person.schema.json").read_text(encoding="utf-8"))
    from sitegen import timeline
    assert schema["$defs"]["state"]["enum"] == list(timeline.STATES)
    strings = data.load(ROOT).strings["en"]
    assert set(strings["states"]) == set(timeline.STATES) == set(strings["state_short"])
