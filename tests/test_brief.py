"""Issue #23: a brief per person and language, as a web page and a PDF, that stands on its own."""
from __future__ import annotations

import posixpath
import re
import subprocess

import pytest
from test_offline import pdf_objects, pdf_text

from conftest import ROOT, soup

LANGS = ("en", "ru", "kk")


def prefix(code: str) -> str:
    return "" if code == "en" else f"{code}/"


def pdfinfo(path) -> str:
    return subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout


@pytest.mark.parametrize("code", LANGS)
def test_every_profile_links_its_brief_as_a_pdf_and_a_page_that_exist(built_site, site_data, code):
    for person in site_data.people:
        page = f"{prefix(code)}people/{person['slug']}.html"
        links = soup(built_site / page).select(".kz-brief-link a")
        targets = [posixpath.normpath(posixpath.join(posixpath.dirname(page), a["href"])) for a in links]
        assert targets == [f"briefs/{person['slug']}-{code}.pdf", f"{prefix(code)}briefs/{person['slug']}.html"], (page, targets)
        assert all((built_site / t).exists() for t in targets), targets
        pages = re.search(r"^Pages:\s+(\d+)", pdfinfo(built_site / targets[0]), re.M).group(1)
        assert re.search(rf"\b{pages}\b", links[0].parent.get_text(" ")), "the link gives the PDF's own page count"


@pytest.mark.parametrize("code", LANGS)
def test_each_brief_pdf_is_tagged_titled_in_its_language_with_fonts_embedded_on_at_most_two_pages(built_site, site_data, code):
    for person in site_data.people:
        pdf = built_site / f"briefs/{person['slug']}-{code}.pdf"
        info = pdfinfo(pdf)
        name = person["name"] if code == "en" else site_data.languages[code].names[person["slug"]]["text"]
        assert re.search(r"^Tagged:\s+yes$", info, re.M), pdf.name
        assert re.search(rf"^Title:\s+.*{re.escape(name)}", info, re.M), (pdf.name, name)
        assert 1 <= int(re.search(r"^Pages:\s+(\d+)$", info, re.M).group(1)) <= 2, pdf.name
        fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
        assert fonts and all(line.split()[-5] == "yes" for line in fonts), (pdf.name, fonts)
        assert f"/Lang ({code})".encode() in pdf_objects(pdf), pdf.name


def test_a_brief_stands_on_its_own(built_site, site_data):
    """Name, the letter's sentence with its paragraph, status today with its basis and source, the
    case (charges with their articles' titles), decisions and PACE documents, every source with
    its address, the data date, the version and a cite line."""
    person = site_data.by_slug["maks-bokayev"]
    text = " ".join(pdf_text(built_site / "briefs/maks-bokayev-en.pdf").split())
    assert text.startswith("Kazakhstan's political prisoners, 2017 · One-page brief Maks Bokayev")
    assert "Paragraph 8 of the letter" in text and "Paragraph 15 of the letter" in text
    assert "Maks Bokayev and Talgat Ayan received prison term" in text, "the letter's sentence about him"
    assert "Term ended" in text and "Situation on 6 December 2026" in text
    assert "Article 174, part 2, of the Criminal Code (2014)" in text
    assert "UN Working Group on Arbitrary Detention, Opinion No. 16/2017" in text
    assert "Written declaration No. 652" in text and "commits only the members who signed it" in text
    for source_id in ("un-wgad-16-2017", "pace-wd-652"):
        url = site_data.sources[source_id].get("url")
        assert not url or url.replace("-", "")[:40] in text.replace("-", "").replace(" ", ""), source_id
    version = re.search(r"Version (\S+)", text).group(1)
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", version)
    assert re.search(r"Cite as: Kazakhstan's political prisoners, 2017\. “Brief: Maks Bokayev”\. One-page brief, Version", text)
    assert "briefs/maks-bokayev.html" in text
    assert "Data as of 6 December 2026" in text
    assert person["last_searched"] == "2026-12-06"


@pytest.mark.parametrize("code", LANGS)
def test_the_brief_page_is_a_safe_printable_page_that_says_its_language(built_site, site_data, code):
    page = built_site / f"{prefix(code)}briefs/zhanbolat-mamay.html"
    html = page.read_text(encoding="utf-8")
    tree = soup(page)
    assert tree.html["lang"] == code
    assert "default-src 'none'" in tree.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
    assert not re.search(r"https?://(?!example\.org)[^\"' ]+\.(js|css)", html), "nothing from another site"
    css = posixpath.normpath(posixpath.join(f"{prefix(code)}briefs", tree.find("link", rel="stylesheet")["href"]))
    assert (built_site / css).exists() and "@media print" in (built_site / css).read_text(encoding="utf-8")
    back = tree.select_one(".kz-brief__nav a")
    assert posixpath.normpath(posixpath.join(f"{prefix(code)}briefs", back["href"])) == f"{prefix(code)}people/zhanbolat-mamay.html"
    profile = soup(built_site / f"{prefix(code)}people/zhanbolat-mamay.html")
    badge = profile.select_one(".kz-status__now .kz-badge").get_text(" ", strip=True)
    assert badge in tree.get_text(" "), "the brief and the profile give the same status"
    if code != "en":
        assert tree.select_one(".kz-brief__cite").get_text(" ").strip(), "a translated brief says it is a translation"


def test_an_unchanged_person_costs_nothing_and_a_change_remakes_only_that_brief(tmp_path, site_data):
    """The PDFs are cached by content: a second run makes none; a change to one person makes one
    (on four people of the real data: what holds for four holds for everyone)."""
    import dataclasses

    from mkdocs.config import load_config

    from sitegen import brief
    config = load_config(str(ROOT / "mkdocs.yml"))
    cache = tmp_path / "cache"
    person = site_data.by_slug["alima-abdirova"]
    few = dataclasses.replace(site_data, people=[person] + [p for p in site_data.people if p is not person][:3])
    brief.make_all(few, config, cache, ["en"])
    first = {p.name for p in cache.glob("*.pdf")}
    assert len(first) == len(few.people) == 4
    brief.make_all(few, config, cache, ["en"])
    assert {p.name for p in cache.glob("*.pdf")} == first
    saved = person["last_searched"]
    try:
        person["last_searched"] = "2026-12-01"
        made = brief.make_all(few, config, cache, ["en"])
    finally:
        person["last_searched"] = saved
    new = {p.name for p in cache.glob("*.pdf")} - first
    assert len(new) == 1 and made["en"]["alima-abdirova"]["pdf"]["cached"].name in new


def test_what_the_authorities_said_is_attributed_on_the_profile_and_in_the_brief(built_site, site_data):
    """Issue #23, item 7: a position of the authorities, a court or a prosecutor is an update with
    `stated_by`, shown under its own heading on the profile and in the brief, with its source."""
    person = site_data.by_slug["mukhtar-dzhakishev"]
    said = [u for u in person["updates"] if u.get("stated_by")]
    assert said and not any(u.get("state") for u in said)
    section = soup(built_site / "people/mukhtar-dzhakishev.html").find(id="kz-authorities").find_next("ul")
    items = section.find_all("li")
    assert len(items) == len(said)
    for item, update in zip(items, said, strict=True):
        assert update["stated_by"] in item.get_text(" ") and item.select_one(".kz-source a")["href"] == \
            site_data.sources[update["source"]]["url"]
    text = " ".join(pdf_text(built_site / "briefs/mukhtar-dzhakishev-en.pdf").split())
    assert "What the authorities said" in text and "Judge Ermek Shymyrov, court in Semey" in text
    assert f"The newest two of {len(said)}; all of them are on the profile." in text
