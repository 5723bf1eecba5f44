"""The letter page: the seed word for word, stable anchors, every name linked, honest links."""
import re

import pytest

from conftest import ROOT, soup

SEED = ROOT / "data/letter/open-letter-2017.txt"
MENDED = ["for a year already, which is an example of 'punitive psychiatry'.",
          "were not prompted by the policy of corrupt authorities"]


def seed_blocks():
    text = SEED.read_text(encoding="utf-8")
    return [b.strip() for b in re.split(r"\n\s*\n", text) if b.strip()]


def words(text):
    plain = re.sub(r"\[([^\]]+)\]\(#\)", r"\1", text).replace("**", "")
    return plain.split()


def test_seed_in_the_repository_is_the_shared_seed():
    shared = ROOT.parent / "shared/seed/open-letter-2017.txt"
    if shared.exists():
        assert shared.read_bytes() == SEED.read_bytes()


def test_letter_text_equals_the_seed_word_for_word(built_site):
    doc = soup(built_site / "letter.html")
    page_text = [doc.find("h1").get_text()] + [p.get_text() for p in doc.select(".kz-letter > p")]
    assert words(" ".join(page_text)) == [w for b in seed_blocks() for w in words(b)]


def test_only_the_two_page_breaks_are_mended(built_site):
    doc = soup(built_site / "letter.html")
    paragraphs = [" ".join(p.get_text().split()) for p in doc.select(".kz-letter > p")]
    assert len(paragraphs) == len(seed_blocks()) - 1 - 2  # minus the title, minus two joins
    for sentence in MENDED:
        assert sum(sentence in p for p in paragraphs) == 1, sentence


def test_paragraphs_have_stable_numbered_anchors(built_site):
    doc = soup(built_site / "letter.html")
    ids = [p.get("id") for p in doc.select(".kz-letter > p")]
    assert ids == [f"p{n}" for n in range(1, len(ids) + 1)]
    assert "17 political prisoners are being held" in doc.find(id="p8").get_text()
    assert "8 people have received suspended sentences" in doc.find(id="p9").get_text()


def test_emphasis_is_kept(built_site):
    doc = soup(built_site / "letter.html")
    strong = [s.get_text() for s in doc.select(".kz-letter strong")]
    assert "17 political prisoners are being held in Kazakhstani prisons" in strong
    assert len(strong) == SEED.read_text(encoding="utf-8").count("**") // 2


def test_every_person_is_linked_from_the_letter_in_their_paragraphs(built_site, site_data):
    doc = soup(built_site / "letter.html")
    for person in site_data.people:
        for number in person["letter_paragraphs"]:
            links = doc.find(id=f"p{number}").find_all("a", href=f"people/{person['slug']}.html")
            assert links, f"{person['name']} is not linked in paragraph {number}"
            assert all(a.get_text() == person["name"] for a in links)


@pytest.mark.parametrize("code", ["ru", "kk"])
def test_every_person_is_linked_from_the_translated_letter_whatever_the_case_ending(built_site, site_data, code):
    """Issue #24, 5: a name is linked however the sentence declines it, capital or not
    («семьи Храпуновых» for «Семья Храпуновых»)."""
    doc = soup(built_site / code / "letter.html")
    missing = [f"{person['slug']} in paragraph {number}" for person in site_data.people for number in person["letter_paragraphs"]
               if not doc.find(id=f"p{number}").find_all("a", href=f"people/{person['slug']}.html")]
    assert not missing, missing


def test_stripped_links_point_to_the_listed_sources_or_stay_plain(built_site, site_data):
    doc = soup(built_site / "letter.html")
    letter = doc.select_one(".kz-letter")

    def href_of(text):
        return [a["href"] for a in letter.find_all("a") if a.get_text() == text]

    assert href_of("adopted") == ["https://pace.coe.int/en/files/24238/html"]
    assert href_of("The relations of the Council of Europe with Kazakhstan") == ["https://pace.coe.int/en/files/24238/html"]
    assert href_of("investigations") == [site_data.sources["odf-list-2017"]["url"]]
    assert href_of("Almazbek Atambayev") == [site_data.sources["kazinform-2017-10-08"]["url"]]
    external = {a["href"] for a in letter.find_all("a") if a["href"].startswith("http")}
    assert external <= {s.get("url") for s in site_data.sources.values()}


def test_author_date_and_original_are_shown(built_site, site_data):
    byline = soup(built_site / "letter.html").select_one(".kz-byline")
    assert "Open Dialog Foundation" in byline.get_text() and "October 2017" in byline.get_text()
    assert byline.find("a")["href"] == site_data.sources["letter"]["url"]


def test_no_link_anywhere_points_to_hash(built_site):
    for page in built_site.rglob("*.html"):
        doc = soup(page)
        bad = [a for a in doc.find_all("a", href=True) if a["href"].strip() in ("#", "")]
        assert not bad, f"{page.relative_to(built_site)}: {bad[:3]}"
