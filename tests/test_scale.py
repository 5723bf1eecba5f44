"""A site of 300 synthetic people: everything present, counts right, the index split into pages.

Timing lives in bench/run.py; this checks correctness at a size where the index paginates (in
English, without PDFs: the other languages' pages come from the same code, and bench/run.py
builds all three at 1,000 and 10,000 people).
"""
from collections import Counter

import pytest

from conftest import assert_built, build, soup
from synthetic import make_project  # noqa: E402  (bench/ is on the path: conftest.py)

N = 300
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def big_site(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("scale") / "p", N)
    out = project / "out"
    assert_built(build(project, out, languages=("en",), pdfs=False))
    return project, out


def test_every_synthetic_person_has_a_page(big_site):
    project, out = big_site
    slugs = {p.stem for p in (project / "data/people").glob("*.yml")}
    assert len(slugs) == N
    assert {p.stem for p in (out / "people").glob("*.html")} - {"index"} == slugs


def test_index_counts_match_and_every_profile_is_reachable_from_it(big_site):
    project, out = big_site
    import yaml
    groups = Counter(yaml.safe_load(p.read_text(encoding="utf-8"))["group"] for p in (project / "data/people").glob("*.yml"))
    index = soup(out / "people/index.html")
    reachable = set()
    assert max(groups.values()) > 200, "the test must exercise a paginated group"
    for group, count in groups.items():
        heading = index.find("h2", id=group)
        assert int(heading.select_one(".kz-count")["data-count"]) == count
        section = heading.find_parent("section")
        pages = [a["href"] for a in section.select(".kz-index__pages a")]
        if count > 200:
            assert len(pages) == (count + 199) // 200, group
            for href in pages:
                listing = soup(out / "people" / href)
                reachable |= {a["href"].split("/")[-1] for a in listing.select(".kz-index__list a")}
        else:
            reachable |= {a["href"] for a in section.select(".kz-index__list a")}
    assert reachable == {f"{p.stem}.html" for p in (project / "data/people").glob("*.yml")}


def test_home_page_shows_at_most_100_cards_and_links_to_everyone(big_site):
    _, out = big_site
    home = soup(out / "index.html")
    assert len(home.select("li.kz-card")) == 100
    assert home.select_one(".kz-cards__more a")["href"] == "people/index.html"


def test_exports_and_sitemap_hold_every_synthetic_person(big_site):
    import json
    _, out = big_site
    assert len(json.loads((out / "data/people.json").read_text(encoding="utf-8"))["people"]) == N
    assert (out / "sitemap.xml").read_text(encoding="utf-8").count("/people/fake-testperson-") == N
