"""Issue #22, "Today, honestly": terms that end, news that ages, and the legal record as data.

The rules (sitegen/standing.py, the page how-we-count.html) are shown on small made-up records,
then on the real data and the built site; the expectations are written out, not computed by
the code under test. Bad input is refused with `file:line: field: problem — fix`.
"""
import csv
import json

import pytest

from conftest import ROOT, assert_built, build, copy_project, problems_for, soup
from sitegen import data, standing

TODAY = "2026-11-27"


def person(*updates, group="imprisoned", letter=True, case=None):
    """A record as the loader hands it over: the letter names it (October 2017) unless told not to."""
    record = {"slug": "p", "name": "P", "group": group, "updates": list(updates),
              "status": {"state": group, "as_of": "2017-10", "source": "letter#p8"}}
    if letter:
        record["letter_paragraphs"] = [8]
    if case:
        record["case"] = case
    return record


def update(date, state=None, **extra):
    return {"date": date, "text": "t", "source": "s", **({"state": state} if state else {}), **extra}


def verdict(date, sentence, **extra):
    return {"date": date, "kind": "verdict", "outcome": "convicted", "sentence": sentence, "source": "v", **extra}


def test_a_restriction_whose_until_has_passed_is_a_term_that_ended():
    now = standing.standing(person(update("2021-11-09", "restricted-freedom", until="2022-10-05")), TODAY)
    assert (now.state, now.basis) == ("restricted-freedom", "term-ended")
    assert (now.end.date, now.end.computed, now.end.at_latest) == ("2022-10-05", False, False)
    assert not now.current


def test_a_term_that_still_runs_is_reported_with_its_end():
    now = standing.standing(person(update("2021-08-19", "imprisoned", until="2028")), TODAY)
    assert (now.basis, now.end.date, now.running) == ("reported", "2028", True)


def test_old_evidence_with_no_end_is_last_reported():
    five_years_before = standing.standing(person(update("2021-11", "imprisoned")), TODAY)
    assert five_years_before.basis == "last-reported"
    the_letter_alone = standing.standing(person(), TODAY)
    assert (the_letter_alone.state, the_letter_alone.basis, the_letter_alone.letter) == ("imprisoned", "last-reported", True)


def test_three_years_is_the_edge_of_fresh_news():
    assert standing.standing(person(update("2023-11-27", "imprisoned")), TODAY).basis == "reported"
    assert standing.standing(person(update("2023-11-26", "imprisoned")), TODAY).basis == "last-reported"
    assert standing.standing(person(update("2023", "imprisoned")), TODAY).basis == "reported"  # may be the same day


def test_a_later_report_of_the_same_state_confirms_it():
    old = update("2018", "imprisoned")
    assert standing.standing(person(old), TODAY).basis == "last-reported"
    confirmed = standing.standing(person(old, update("2025-03", "imprisoned")), TODAY)
    assert (confirmed.basis, confirmed.since, confirmed.reported) == ("reported", "2017-10", "2025-03")


def test_final_states_never_age():
    for state in ("released", "acquitted", "died"):
        assert standing.standing(person(update("2018", state)), TODAY).basis == "reported"


def test_a_computed_end_is_shown_to_the_year_and_a_maximum_at_the_latest():
    now = standing.standing(person(update("2021-02-18", "restricted-freedom", term="P3Y", term_max=True)), TODAY)
    assert (now.basis, now.end.date, now.end.shown, now.end.computed, now.end.at_latest) == \
        ("term-ended", "2024-02-18", "2024", True, True)
    running_maximum = standing.standing(person(update("2017", "restricted-freedom", term="P10Y", term_max=True)), TODAY)
    assert running_maximum.basis == "last-reported"  # "up to ten years" may already have ended
    assert standing.add_term("2015-11-18", "P5Y6M") == "2021-05-18" and standing.add_term("2016", "P3Y") == "2019"


def test_a_computed_end_in_this_year_has_not_passed():
    assert standing.standing(person(update("2021-12", "imprisoned", term="P5Y")), TODAY).basis == "reported"


def test_the_verdict_behind_the_letters_statement_ends_it():
    case = {"rulings": [verdict("2015-11-18", "imprisonment", term="P5Y")]}
    now = standing.standing(person(case=case), TODAY)
    assert (now.basis, now.end.shown, now.end.ruling["date"]) == ("term-ended", "2020", "2015-11-18")
    in_2019 = standing.standing(person(case=case), "2019-12-31")
    assert (in_2019.basis, in_2019.running) == ("reported", True)


def test_a_new_arrest_is_ended_by_its_own_verdict_not_an_old_one():
    case = {"rulings": [verdict("2015-12", "imprisonment", term="P4Y"), verdict("2021-08-19", "imprisonment", term="P7Y")]}
    record = person(update("2017-10", "released"), update("2020-09-23", "imprisoned"), update("2021-08-19", "imprisoned"), case=case)
    now = standing.standing(record, TODAY)
    assert (now.basis, now.end.shown) == ("reported", "2028")


def test_a_ban_ends_the_letters_suspended_sentence_with_the_latest_end_of_one_day():
    case = {"rulings": [verdict("2017-07-25", "restricted-freedom", term="P4Y", until="2021-11-09"),
                        verdict("2017-07-25", "ban", term="P5Y", until="2022-10-05")]}
    now = standing.standing(person(group="suspended-sentence", case=case), TODAY)
    assert (now.state, now.basis, now.end.date) == ("suspended-sentence", "term-ended", "2022-10-05")


def test_a_report_after_the_end_means_the_state_went_on():
    record = person(update("2018", "imprisoned", until="2019"), update("2025-05", "imprisoned"))
    assert standing.standing(record, TODAY).basis == "reported"


def test_each_year_is_judged_with_its_own_last_day():
    record = person(update("2018-12-11", "restricted-freedom", until="2020-06"))
    years = dict(standing.by_year([record], "2021-06-01", first=2018))
    assert years[2018] == {("restricted-freedom", "reported"): 1}
    assert years[2020] == {("restricted-freedom", "term-ended"): 1}
    assert list(years) == [2018, 2019, 2020, 2021]


def test_today_is_the_data_date_never_the_clock(site_data):
    assert site_data.today == max(p["last_searched"] for p in site_data.people)
    assert standing.data_date([{"last_searched": "2020-01-02"}, {"last_searched": "2019-05"}]) == "2020-01-02"


# -- the real data -----------------------------------------------------------------------------

def test_no_one_is_current_on_evidence_older_than_three_years_without_a_running_term(site_data):
    limit = standing.three_years_before(site_data.today)
    for record in site_data.people:
        now = site_data.standing(record)
        if now.current and now.state not in standing.FINAL:
            assert now.reported >= limit or (now.end and not now.end.at_latest and not now.end.passed(site_data.today)), record["slug"]


def test_every_ended_term_is_shown_as_ended_with_its_date_and_source(built_site, site_data):
    ended = [p for p in site_data.people if site_data.standing(p).basis == "term-ended"]
    assert ended  # the audit found several (Kharkova, Eleusinov, Dzhakishev...)
    for record in ended:
        status = soup(built_site / f"people/{record['slug']}.html").select_one("section.kz-status")
        text = " ".join(status.get_text(" ").split())
        assert "Term ended" in text and "The term ended" in text, record["slug"]
        assert status.select_one(".kz-status__term .kz-source"), record["slug"]
        assert "No report of the release was found." in text


def test_the_audits_cases_stand_where_their_sources_put_them(site_data):
    def basis(slug):
        now = site_data.standing(site_data.by_slug[slug])
        return now.state, now.basis
    assert basis("larisa-kharkova") == ("restricted-freedom", "term-ended")  # ban expired 5 October 2022
    assert basis("mukhtar-dzhakishev") == ("restricted-freedom", "term-ended")  # to the end of his term, May 2023
    assert basis("amin-eleusinov") == ("restricted-freedom", "term-ended")  # ban until 2022
    assert basis("muratkhan-tokmadi") == ("imprisoned", "reported")  # serving 10.5 years, September 2024
    assert basis("igor-sichev") == ("imprisoned", "term-ended")  # five years from November 2015
    assert site_data.standing(site_data.by_slug["larisa-kharkova"]).end.date == "2022-10-05"


# -- the built site: every place that counts agrees --------------------------------------------

def independent_counts(people, today):
    """{(state, basis): n} from people.json alone, by the rule the exported status states."""
    out = {}
    for record in people:
        key = (record["status"]["state"], record["status"]["basis"])
        out[key] = out.get(key, 0) + 1
    return out


def test_home_chart_table_csv_and_people_json_agree(built_site, site_data):
    people = json.loads((built_site / "data/people.json").read_text(encoding="utf-8"))["people"]
    named = [p for p in people if p.get("letter_paragraphs")]
    today = independent_counts(named, site_data.today)
    with open(built_site / "data/status-by-year.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert list(rows[0]) == ["year", "state", "basis", "count"]
    years = {}
    for row in rows:
        years.setdefault(int(row["year"]), {})[(row["state"], row["basis"])] = int(row["count"])
    last = int(site_data.today[:4])
    assert sorted(years) == list(range(2017, last + 1))
    assert years[last] == today
    assert all(sum(c.values()) == len(named) for c in years.values())
    # The chart's table: current states in their columns, the other bands in theirs.
    doc = soup(built_site / "since.html")
    for row in doc.select("table.kz-chart-table tbody tr"):
        cells = {td["data-state"]: int(td.get_text()) for td in row.select("td[data-state]")}
        year = years[int(row["data-year"])]
        for band in ("term-ended", "last-reported"):
            assert cells.get(band, 0) == sum(n for (_s, b), n in year.items() if b == band)
        for (state, basis), n in year.items():
            if basis == "reported":
                assert cells[state] == n
    # The chart's bars: hatched bands are the ones that are not current.
    for bar in doc.select("figure.kz-chart svg g"):
        fills = [r for r in bar.select("rect") if any(c.startswith("kz-fill--") for c in r.get("class", []))]
        hatches = bar.select("rect.kz-hatch")
        assert len(hatches) == sum(1 for r in fills if r["class"][0] in ("kz-fill--term-ended", "kz-fill--last-reported"))
    # The home page: current states only, the other bands apart, and a link to the rules.
    glance = soup(built_site / "index.html").select_one(".kz-glance")
    current = glance.select(".kz-glance__row")[1]
    shown = {li.select_one(".kz-badge")["class"][1].split("--")[1]: int(li.strong.get_text()) for li in current.select("li")}
    assert shown == {s: n for (s, b), n in today.items() if b == "reported"}
    other = " ".join(glance.select_one(".kz-glance__other").get_text(" ").split())
    for band, label in (("term-ended", "Term ended"), ("last-reported", "Last reported long ago")):
        n = sum(v for (_s, b), v in today.items() if b == band)
        assert (f"{label} {n}" in other) == bool(n)
    assert glance.find("a", href="how-we-count.html")


def test_people_json_and_csv_carry_the_basis(built_site, site_data):
    people = {p["slug"]: p for p in json.loads((built_site / "data/people.json").read_text(encoding="utf-8"))["people"]}
    with open(built_site / "data/people.csv", encoding="utf-8", newline="") as f:
        rows = {r["slug"]: r for r in csv.DictReader(f)}
    package = json.loads((built_site / "data/datapackage.json").read_text(encoding="utf-8"))
    keys = {r["name"]: r["schema"].get("primaryKey") for r in package["resources"] if r.get("schema")}
    assert keys["status-by-year"] == ["year", "state", "basis"]
    for record in site_data.people:
        now = site_data.standing(record)
        assert people[record["slug"]]["status"]["basis"] == rows[record["slug"]]["status_basis"] == now.basis
        if now.end:
            assert people[record["slug"]]["status"]["end"]["date"] == rows[record["slug"]]["status_until"] == now.end.shown


def test_how_we_count_states_the_rules_with_a_worked_example(built_site):
    for prefix in ("", "ru/", "kk/"):
        doc = soup(built_site / f"{prefix}how-we-count.html")
        assert doc.select_one("#example") and doc.select_one("#example + p a[href^='people/']"), prefix
    text = soup(built_site / "how-we-count.html").get_text(" ")
    for words in ("three years", "Term ended", "Last reported long ago", "at the latest", "in about 2020"):
        assert words in " ".join(text.split()), words


def test_running_terms_show_their_expected_end_and_are_coming_dates(built_site, site_data):
    running = [p for p in site_data.people if site_data.standing(p).running]
    assert running  # Tokmadi, Taychibekov, Mamay
    coming = soup(built_site / "since.html").select_one("#coming + ul").get_text(" ")
    for record in running:
        status = soup(built_site / f"people/{record['slug']}.html").select_one(".kz-status__term").get_text(" ")
        assert "The term ends" in status, record["slug"]
        assert record["name"] in coming


def test_the_case_section_names_articles_and_links_their_pages(built_site, site_data):
    charged = [p for p in site_data.people if (p.get("case") or {}).get("charges")]
    assert len(charged) >= 8
    for record in charged:
        doc = soup(built_site / f"people/{record['slug']}.html")
        links = [a["href"] for a in doc.select("ul.kz-case__charges a[href*='articles/']")]
        assert links == [f"../articles/{c['article']}.html" for c in record["case"]["charges"]]
        for charge in record["case"]["charges"]:
            page = soup(built_site / f"articles/{charge['article']}.html")
            assert page.find("a", href=f"../people/{record['slug']}.html"), (charge["article"], record["slug"])
    for article_id in site_data.articles:
        for prefix in ("", "ru/", "kk/"):
            assert (built_site / f"{prefix}articles/{article_id}.html").exists()
    assert soup(built_site / "articles/cc1997-164.html").find("a", href="cc2014-174.html")  # 164 became 174


def test_the_index_filters_by_article_with_and_without_javascript(built_site, site_data):
    index = soup(built_site / "people/index.html")
    links = index.select('a[data-filter^="article:"]')
    charged = {c["article"] for p in site_data.people for c in (p.get("case") or {}).get("charges") or []}
    assert {a["data-filter"].split(":")[1] for a in links} == charged
    for article in charged:
        page = soup(built_site / f"people/article/{article}.html")
        names = {a.get_text(" ", strip=True) for a in page.select("li.kz-card a .kz-card__name")}
        assert names == {p["name"] for p in site_data.people if article in [c["article"] for c in (p.get("case") or {}).get("charges") or []]}


# -- bad input ------------------------------------------------------------------------------------

RECORD = """# yaml-language-server: $schema=../schema/person.schema.json
name: Test Person
group: imprisoned
role: journalist
status: {state: imprisoned, as_of: '2019-05-02', source: pace-wd-660}
facts:
  - {text: A sourced sentence., source: pace-wd-660}
updates:
  - {date: '2019-05-02', state: imprisoned, text: Sentenced., source: pace-wd-660}
added: 2026-11-25
last_verified: 2026-11-25
last_searched: 2026-11-25
"""


def test_a_good_record_with_a_term_and_a_case_is_accepted(project):
    text = RECORD.replace("text: Sentenced., source", "until: '2026-12', text: Sentenced., source") + \
        "case:\n  charges:\n  - {article: cc2014-174, outcome: convicted, source: pace-wd-660}\n" \
        "  rulings:\n  - {date: '2019-05-02', kind: verdict, outcome: convicted, sentence: imprisonment, term: P7Y, source: pace-wd-660}\n"
    (project / "data/people/test-person.yml").write_text(text, encoding="utf-8")
    loaded = data.load(project)
    now = loaded.standing(loaded.by_slug["test-person"])
    assert (now.basis, now.end.date) == ("reported", "2026-12")


@pytest.mark.parametrize("change, expected", [
    (("text: Sentenced., source", "until: '2019-01', text: Sentenced., source"),
     "test-person.yml:9: updates #1.until: '2019-01' is before the date '2019-05-02' — `until` is when the state ends"),
    ((("status: {state: imprisoned", "status: {state: released"), ("state: imprisoned, text", "state: released, until: '2020', text")),
     "test-person.yml:9: updates #1.until: a 'released' state has no term to end — remove `until`"),
    (("text: Sentenced., source", "term: 5 years, text: Sentenced., source"),
     "test-person.yml:9: updates #1.term: '5 years' is not a term — write years and months as P3Y, P5Y6M or P9M"),
    (("text: Sentenced., source", "term_max: true, text: Sentenced., source"),
     "test-person.yml:9: updates #1.term_max: `term_max` says the term is a maximum — add the `term`"),
    (("text: Sentenced., source", "basis: reported, text: Sentenced., source"),
     "test-person.yml:9: updates #1.basis: the build works out the basis"),
    (("source: pace-wd-660}\nfacts", "source: pace-wd-660, basis: reported}\nfacts"),
     "test-person.yml:5: status.basis: the build works out the basis"),
])
def test_bad_terms_are_refused_with_file_line_field_and_fix(project, change, expected):
    text = RECORD
    for old, new in change if isinstance(change[0], tuple) else [change]:
        assert old in text
        text = text.replace(old, new)
    found = problems_for(project, text)
    assert any(p.startswith("data/people/" + expected) for p in found), found


def test_an_article_not_in_the_articles_file_is_refused(project):
    text = RECORD + "case:\n  charges:\n  - {article: cc2014-999, outcome: convicted, source: pace-wd-660}\n"
    found = problems_for(project, text)
    assert any(p.startswith("data/people/test-person.yml:15: case.charges #1.article: 'cc2014-999' is not in data/articles.yml — add")
               for p in found), found


def test_a_ruling_that_frees_dated_after_the_release_is_refused(project):
    text = RECORD.replace("status: {state: imprisoned, as_of: '2019-05-02'", "status: {state: released, as_of: '2020-03'").replace(
        "added:", "  - {date: '2020-03', state: released, text: Freed., source: pace-wd-660}\nadded:") + \
        "case:\n  rulings:\n  - {date: '2020-06-01', kind: parole, outcome: granted, source: pace-wd-660}\n"
    found = problems_for(project, text)
    assert any("case.rulings #1.date: '2020-06-01' is after the release it led to ('2020-03', state released)" in p for p in found), found


def test_a_bad_article_entry_is_refused(project):
    path = project / "data/articles.yml"
    path.write_text(path.read_text(encoding="utf-8") + "cc2014-13:\n  code: 1997\n  number: '13'\n  title: {en: X}\n"
                    "  title_source: nowhere\n", encoding="utf-8")
    with pytest.raises(data.DataError) as caught:
        data.load(project)
    found = [str(p) for p in caught.value.problems]
    assert any("data/articles.yml:" in p and "cc2014-13.code: the id says Code 2014" in p for p in found), found
    assert any("cc2014-13.title_source: no official English text exists" in p for p in found), found


def test_no_source_title_is_a_placeholder_and_every_source_has_a_language(site_data):
    for source_id, source in site_data.sources.items():
        assert "not shown" not in source["title"], source_id
        assert source.get("language"), source_id


def test_the_schema_documents_the_new_fields_and_the_data_readme_has_an_example():
    schema = json.loads((ROOT / "data/schema/person.schema.json").read_text(encoding="utf-8"))
    assert {"until", "term", "term_max"} <= set(schema["$defs"]["update"]["properties"])
    assert "case" in schema["properties"]
    readme = (ROOT / "data/README.md").read_text(encoding="utf-8")
    for words in ("until:", "term:", "term_max:", "case:", "rulings:", "charges:", "data/articles.yml", "how-we-count"):
        assert words in readme, words


ADDED = {
    "test-term-ended": ("restricted-freedom", "  - {date: '2020-03-01', state: restricted-freedom, until: '2021-06', "
                        "text: Released under restrictions., source: pace-wd-660}\n", "2020-03-01"),
    "test-old-news": ("imprisoned", "  - {date: '2021-06', state: imprisoned, text: Reported in prison., source: pace-wd-660}\n",
                      "2021-06"),
    "test-running": ("imprisoned", "  - {date: '2024-02-01', state: imprisoned, until: '2031', "
                     "text: Sentenced to prison., source: pace-wd-660}\n", "2024-02-01"),
}


def test_people_added_by_contributing_steps_are_counted_by_the_rules(tmp_path):
    """Issue #22, done when: a person whose restricted freedom has `until` in the past is shown as
    term-ended; one last reported in prison five years before the data date, with no `until`, as
    last-reported; one with `until` after it, as reported with the expected end shown."""
    project = copy_project(tmp_path / "p")
    today = data.load(project).today
    for slug, (state, update, as_of) in ADDED.items():
        (project / f"data/people/{slug}.yml").write_text(
            RECORD.replace("Test Person", slug.replace("-", " ").title()).replace(
                "status: {state: imprisoned, as_of: '2019-05-02'", f"status: {{state: {state}, as_of: '{as_of}'").replace(
                "updates:\n  - {date: '2019-05-02', state: imprisoned, text: Sentenced., source: pace-wd-660}\n", "updates:\n" + update)
            .replace("last_searched: 2026-11-25", f"last_searched: '{today}'"), encoding="utf-8")
    assert_built(build(project, tmp_path / "site", languages=("en",), pdfs=False))
    people = {p["slug"]: p for p in json.loads((tmp_path / "site/data/people.json").read_text(encoding="utf-8"))["people"]}
    assert people["test-term-ended"]["status"]["basis"] == "term-ended"
    assert people["test-old-news"]["status"]["basis"] == "last-reported"
    assert people["test-running"]["status"]["basis"] == "reported"
    ended = " ".join(soup(tmp_path / "site/people/test-term-ended.html").select_one(".kz-status").get_text(" ").split())
    assert "Term ended" in ended and "The term ended in June 2021." in ended
    old = " ".join(soup(tmp_path / "site/people/test-old-news.html").select_one(".kz-status").get_text(" ").split())
    assert "Last reported long ago" in old and "last reported June 2021" in old
    running = " ".join(soup(tmp_path / "site/people/test-running.html").select_one(".kz-status").get_text(" ").split())
    assert "The term ends in 2031." in running
