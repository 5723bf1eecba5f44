"""The built site: one profile per record, the index, the nav, and data that stays data."""
import json
import re

import pytest

from conftest import assert_built, build, copy_project, soup

GROUPS = ["imprisoned", "psychiatric-detention", "suspended-sentence", "persecuted-abroad"]


def test_every_record_has_a_profile_showing_its_name(built_site, site_data):
    for person in site_data.people:
        page = built_site / "people" / f"{person['slug']}.html"
        assert page.exists(), f"no page for {person['slug']}"
        doc = soup(page)
        assert doc.find("h1").get_text(strip=True) == person["name"]
        assert doc.title.get_text().startswith(person["name"] + " - ")


def test_no_profile_exists_without_a_record(built_site, site_data):
    pages = {p.stem for p in (built_site / "people").glob("*.html")} - {"index"}
    assert pages == set(site_data.by_slug)


def test_profile_shows_group_role_status_date_and_sourced_facts(built_site, site_data):
    person = site_data.by_slug["talgat-ayan"]
    doc = soup(built_site / "people/talgat-ayan.html")
    text = doc.get_text(" ", strip=True)
    assert "Letter group (October 2017): Political prisoner" in text
    assert "Described as: Civil society activist" in text
    # status now: the latest update with a state (July 2019), not the letter's "In prison"; reported
    # more than three years before the data date with no known end, it is "last reported" (How we count)
    status = " ".join(doc.select_one(".kz-status").get_text(" ").split())
    assert status.startswith("Status now Last reported long ago Restricted freedom, last reported July 2019."), status
    assert "The latest report (July 2019): Restricted freedom. He was released early" in status
    assert "Radio Azattyq" in status and "Tell us" in status
    facts = doc.select("ul.kz-facts > li")
    assert len(facts) == len(person["facts"])
    for item in facts:
        assert item.select_one(".kz-source"), "a fact without its source"
    hrw = doc.find("a", href="https://www.hrw.org/news/2016/11/29/kazakhstan-2-activists-sentenced-5-years")
    assert hrw is not None
    timeline = doc.select("ol.kz-timeline > li")
    assert len(timeline) == len(person["updates"]) + 1 + len(site_data.decisions_about(person))  # + the letter
    assert any("25 April 2018" in item.get_text() and "29 members of PACE" in item.get_text() for item in timeline)


def test_profile_links_each_letter_paragraph_that_names_the_person(built_site, site_data):
    for person in site_data.people:
        doc = soup(built_site / "people" / f"{person['slug']}.html")
        hrefs = {a["href"] for a in doc.select("blockquote.kz-quote a")}
        assert hrefs == {f"../letter.html#p{n}" for n in person["letter_paragraphs"]}


def test_profile_edit_link_opens_the_yaml_file(built_site, site_data):
    for person in site_data.people:
        doc = soup(built_site / "people" / f"{person['slug']}.html")
        edit = doc.find("a", string="Edit this record on GitHub")
        assert edit["href"].endswith(f"/edit/main/data/people/{person['slug']}.yml")


def test_repository_and_site_address_are_configuration(tmp_path):
    out = tmp_path / "site"
    assert_built(build(copy_project(tmp_path / "p"), out, pdfs=False,
                       env={"GITHUB_REPOSITORY": "a-fork/its-repo", "SITE_URL": "https://fork.example.net/x/"}))
    doc = soup(out / "people/maks-bokayev.html")
    assert doc.find("a", string="Edit this record on GitHub")["href"] == \
        "https://github.com/a-fork/its-repo/edit/main/data/people/maks-bokayev.yml"
    assert doc.find("link", rel="canonical")["href"] == "https://fork.example.net/x/people/maks-bokayev.html"


def test_profiles_stay_out_of_the_navigation(built_site):
    doc = soup(built_site / "index.html")
    nav = doc.select_one("nav.md-nav--primary")
    assert nav is not None
    assert not [a for a in nav.find_all("a", href=True) if "people/" in a["href"] and "index" not in a["href"]]


def test_index_links_every_profile_once_and_counts_match(built_site, site_data):
    doc = soup(built_site / "people/index.html")
    for group in GROUPS:
        section = doc.find("h2", id=group).find_parent("section")
        links = [a["href"] for a in section.select("ul.kz-index__list a")]
        expected = [f"{p['slug']}.html" for p in site_data.in_group(group)]
        assert links == expected
        assert int(section.select_one(".kz-count")["data-count"]) == len(expected)
    counts = {g: int(doc.find("h2", id=g).select_one(".kz-count")["data-count"]) for g in GROUPS}
    assert counts == {"imprisoned": 17, "psychiatric-detention": 1, "suspended-sentence": 8, "persecuted-abroad": 3}


def test_index_is_plain_html_without_javascript(built_site):
    doc = soup(built_site / "people/index.html")
    index = doc.select_one("div.kz-index")
    assert index.find("script") is None
    assert len(index.find_all("a", href=True)) >= 29


HOSTILE = """# yaml-language-server: $schema=../schema/person.schema.json
name: "<script>alert('name')</script> {{ 7*7 }} &lt;/title&gt;"
aliases: ["{% raw %}x{% endraw %}", "<img src=x onerror=alert(1)>"]
group: imprisoned
role: journalist
status: {state: imprisoned, as_of: 2019-05, source: pace-wd-660, note: "[click](javascript:alert(1))"}
facts:
  - {text: "javascript:alert(1) <b onmouseover=alert(2)>bold</b> {# c #} ${7*7}", source: pace-wd-660}
added: 2026-11-25
last_verified: 2026-11-25
last_searched: 2026-11-25
"""


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("hostile"))
    (project / "data/people/hostile-test.yml").write_text(HOSTILE, encoding="utf-8")
    out = project / "out"
    assert_built(build(project, out, pdfs=False))
    return out


@pytest.mark.parametrize("page", ["people/hostile-test.html", "people/index.html", "index.html"])
def test_text_from_yaml_comes_out_as_inert_text(hostile_site, page):
    doc = soup(hostile_site / page)
    assert not doc.select("[onerror], [onmouseover], img[src=x], b")
    assert not doc.select('[href^="javascript:"]')
    scripts = doc.find_all("script")
    assert not [s for s in scripts if s.get("type") != "application/ld+json" and "alert(" in (s.string or "")]
    for block in [s for s in scripts if s.get("type") == "application/ld+json"]:
        assert "<" not in block.string, "JSON-LD must not contain a raw '<'"
        json.loads(block.string)
    text = doc.get_text(" ")
    assert "<script>alert('name')</script> {{ 7*7 }}" in text, "the name should read exactly as written"
    assert "49" not in re.findall(r"\d+", doc.find("h1").get_text()) if doc.find("h1") else True


def test_hostile_name_is_escaped_in_title_and_meta(hostile_site):
    html = (hostile_site / "people/hostile-test.html").read_text(encoding="utf-8")
    doc = soup(hostile_site / "people/hostile-test.html")
    assert html.count("</title>") == 1 and html.count("<title>") == 1, "the name cannot close the title"
    assert doc.title.get_text().startswith("<script>alert('name')</script> {{ 7*7 }} &lt;/title&gt; - ")
    assert "{{ 7*7 }}" in doc.find("meta", attrs={"name": "description"})["content"]
    facts = doc.select_one("ul.kz-facts").get_text(" ")
    assert "javascript:alert(1) <b onmouseover=alert(2)>bold</b> {# c #} ${7*7}" in facts
    assert "[click](javascript:alert(1))" in doc.select_one(".kz-status").get_text()



def test_accessibility_statement_links_the_report_form(built_site):
    doc = soup(built_site / "accessibility.html")
    link = doc.find("a", string="Report a problem")
    assert link["href"] == "https://github.com/example/kazakhstan-open-letter/issues/new?template=report-problem.yml"


def test_filter_pages_list_exactly_the_people_they_name(built_site, site_data):
    """Without JavaScript, each filter is a static page of the people it selects, with the count."""
    from sitegen import people_lists
    counts = people_lists.facet_counts(site_data)
    assert {f for f in counts} == {"group", "status", "role", "article"}
    index = soup(built_site / "people/index.html")
    for facet, values in counts.items():
        for value, count in values:
            expected = sorted(p["slug"] for p in site_data.people if value in people_lists.facet_values(site_data, p, facet))
            page = soup(built_site / f"people/{facet}/{value}.html")
            listed = sorted(a["href"].split("/")[-1][:-5] for a in page.select("li.kz-card a"))
            assert listed == expected and len(expected) == count, f"{facet}/{value}"
            link = index.find("a", attrs={"data-filter": f"{facet}:{value}"})
            assert link["href"] == f"{facet}/{value}.html" and f"({count})" in link.get_text()


def test_icons_come_from_one_stylesheet_and_every_one_used_is_drawn(built_site):
    """Icons are CSS masks from assets/stylesheets/icons.css, not SVG repeated in every page; an
    icon class with no rule would show nothing, so every class used must have one."""
    import re
    css = (built_site / "assets/stylesheets/icons.css").read_text(encoding="utf-8")
    defined = set(re.findall(r"\.(kz-i--[\w-]+)(?=[,{][^}]*--kz-i:url\('data:image/svg\+xml)", css))
    used = set()
    for page in [*built_site.glob("*.html"), *built_site.glob("people/*.html"), *built_site.glob("ru/people/*.html")]:
        doc = soup(page)
        for svg in doc.find_all("svg"):  # charts and bars are drawn from data (rectangles); icons are paths
            assert svg.find_parent("figure") or not svg.find("path"), f"{page.name}: an inline SVG icon (icons come from icons.css)"
        for icon in doc.select(".kz-i"):
            assert icon.get("aria-hidden") == "true" and not icon.get_text(), f"{page.name}: {icon}"
            used |= {c for c in icon["class"] if c.startswith("kz-i--")}
    assert used and used <= defined, sorted(used - defined)
    assert {"kz-i--material-menu", "kz-i--material-scale-balance"} <= used
    from sitegen.icons import STATE_ICONS
    for state in STATE_ICONS:  # a badge draws its state's icon before its word
        assert re.search(rf"\.kz-badge--{state}::before[,{{]", css), state
