"""Link previews: page-specific Open Graph, Twitter cards, share images, JSON-LD, sitemap."""
import hashlib
from urllib.parse import urlsplit
from xml.etree import ElementTree

import extruct
import pytest
from PIL import Image

from conftest import soup

OG_REQUIRED = ["og:title", "og:description", "og:url", "og:type", "og:site_name", "og:locale",
               "og:image", "og:image:width", "og:image:height", "og:image:alt"]
# X reads title, description and image from og:* when its own are absent (developer.x.com/cards/markup):
# they are not repeated on every page of every language.
TWITTER_REQUIRED = ["twitter:card", "twitter:image:alt"]


def metadata(built_site, page):
    html = (built_site / page).read_text(encoding="utf-8")
    found = extruct.extract(html, syntaxes=["opengraph", "json-ld"], uniform=False)
    og = dict(found["opengraph"][0]["properties"]) if found["opengraph"] else {}
    twitter = {m["name"]: m["content"] for m in soup(built_site / page).find_all("meta", attrs={"name": True})
               if m["name"].startswith("twitter:")}
    return og, twitter, found["json-ld"]


def local_file(built_site, site_url, url):
    """The file in the built site that an absolute site URL points to."""
    base = urlsplit(site_url).path
    return built_site / urlsplit(url).path[len(base):]


@pytest.fixture(scope="module")
def site_url():
    # the default of mkdocs.yml: the tests build without SITE_URL
    return "https://example.org/kazakhstan-open-letter/"


def test_every_profile_has_full_open_graph_and_twitter_pointing_at_its_image(built_site, site_data, site_url):
    for person in site_data.people:
        page = f"people/{person['slug']}.html"
        og, twitter, _ = metadata(built_site, page)
        for key in OG_REQUIRED:
            assert og.get(key), f"{page}: missing {key}"
        for key in TWITTER_REQUIRED:
            assert twitter.get(key), f"{page}: missing {key}"
        assert og["og:title"] == person["name"]
        assert og["og:type"] == "profile"
        assert og["og:url"] == site_url + page
        assert og["og:image"] == f"{site_url}assets/share/{person['slug']}.png"
        assert set(twitter) == set(TWITTER_REQUIRED), f"{page}: {sorted(twitter)}"
        assert person["name"] in og["og:description"] and "October 2017" in og["og:description"]
        assert twitter["twitter:card"] == "summary_large_image"
        assert (og["og:image:width"], og["og:image:height"]) == ("1200", "630")


def test_titles_and_descriptions_are_specific_to_each_page(built_site):
    pages = [p for p in built_site.rglob("*.html") if p.name != "404.html"]
    titles, descriptions = {}, {}
    for page in pages:
        doc = soup(page)
        titles.setdefault(doc.title.get_text(), []).append(page.name)
        descriptions.setdefault(doc.find("meta", attrs={"name": "description"})["content"], []).append(page.name)
    assert all(len(v) == 1 for v in titles.values()), [v for v in titles.values() if len(v) > 1]
    assert all(len(v) == 1 for v in descriptions.values()), [v for v in descriptions.values() if len(v) > 1]


def test_every_referenced_image_exists_is_1200_by_630_and_differs_per_page(built_site, site_url):
    hashes = {}
    for page in built_site.rglob("*.html"):
        if page.name == "404.html":
            continue
        og, _, _ = metadata(built_site, page.relative_to(built_site))
        image = local_file(built_site, site_url, og["og:image"])
        assert image.exists(), f"{page.name}: {og['og:image']} does not exist"
        with Image.open(image) as img:
            assert img.size == (1200, 630) and img.format == "PNG"
        hashes.setdefault(hashlib.sha256(image.read_bytes()).hexdigest(), set()).add(image.name)
    per_person = [names for names in hashes.values() if any(n not in ("home.png",) for n in names)]
    assert all(len(names) == 1 for names in per_person), "two pages share one image"


def test_letter_and_home_have_their_own_images(built_site):
    og_letter, _, _ = metadata(built_site, "letter.html")
    og_home, _, _ = metadata(built_site, "index.html")
    assert og_letter["og:image"].endswith("/assets/share/letter.png") and og_letter["og:type"] == "article"
    assert og_home["og:image"].endswith("/assets/share/home.png") and og_home["og:type"] == "website"


def test_json_ld_describes_the_letter_as_an_article(built_site):
    _, _, jsonld = metadata(built_site, "letter.html")
    article = [d for d in jsonld if d.get("@type") == "Article"]
    assert len(article) == 1
    assert article[0]["author"] == {"@type": "Organization", "name": "Open Dialog Foundation"}
    assert article[0]["datePublished"] == "2017-10"


def test_json_ld_describes_each_profile_as_a_profile_page_about_a_person(built_site, site_data):
    for person in site_data.people:
        _, _, jsonld = metadata(built_site, f"people/{person['slug']}.html")
        assert [d["@type"] for d in jsonld] == ["ProfilePage"]
        entity = jsonld[0]["mainEntity"]
        assert entity["@type"] == "Person" and entity["name"] == person["name"]
        assert entity.get("alternateName", []) == person.get("aliases", [])


def test_sitemaps_list_every_page_of_every_language(built_site, site_url):
    listed = set()
    for prefix in ("", "ru/", "kk/"):
        tree = ElementTree.parse(built_site / prefix / "sitemap.xml")
        listed |= {loc.text for loc in tree.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")}
    pages = {site_url + p.relative_to(built_site).as_posix() for p in built_site.rglob("*.html")
             if p.name != "404.html"}
    assert listed == pages


def test_robots_txt_points_to_every_sitemap(built_site, site_url):
    robots = (built_site / "robots.txt").read_text(encoding="utf-8")
    for prefix in ("", "ru/", "kk/"):
        assert f"Sitemap: {site_url}{prefix}sitemap.xml" in robots


def test_404_offers_search_and_the_index(built_site):
    doc = soup(built_site / "404.html")
    hrefs = [a["href"] for a in doc.select("article a")]
    assert "/kazakhstan-open-letter/search.html" in hrefs
    assert "/kazakhstan-open-letter/people/index.html" in hrefs


def test_share_images_are_cached_and_only_changed_ones_are_redrawn(tmp_path):
    from sitegen.share_images import ShareImage, write_all
    images = [ShareImage("a", "Айгүл Қасымова", "Political prisoner", "Site"), ShareImage("b", "B", "s", "Site")]
    cache = tmp_path / "cache"
    assert write_all(images, tmp_path / "out", cache) == 2
    assert write_all(images, tmp_path / "out", cache) == 0
    images[1] = ShareImage("b", "B changed", "s", "Site")
    assert write_all(images, tmp_path / "out", cache) == 1


def test_share_image_fonts_cover_cyrillic_and_kazakh_letters():
    from PIL import ImageFont

    from sitegen.share_images import FONTS
    letters = "ӘәҒғҚқҢңӨөҰұҮүҺһІіЖжЩщЁё"
    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"):
        font = ImageFont.truetype(str(FONTS / name), 40)
        missing = font.getmask("\uffff").getbbox()  # the .notdef box drawn for a missing glyph
        for ch in letters:
            assert font.getmask(ch).getbbox() != missing, f"{name} lacks {ch}"


def test_home_share_image_says_the_home_heading_without_markup():
    from conftest import ROOT
    from sitegen import mkdocs_hook
    heading = mkdocs_hook.home_heading({"docs_dir": str(ROOT / "docs"), "site_name": "x"})
    assert heading == "Don't turn a blind eye to Kazakhstan's political prisoners"


def test_no_preview_is_titled_by_a_generic_nav_label(built_site):
    """The most-shared page is not titled "Home"; pages titled only by their nav label say whose site it is."""
    home, _, _ = metadata(built_site, "index.html")
    assert home["og:title"] == "Don't turn a blind eye to Kazakhstan's political prisoners"
    for page in ["about.html", "search.html", "data.html", "sources.html", "accessibility.html", "since.html", "letter.html"]:
        og, _, _ = metadata(built_site, page)
        nav = soup(built_site / "index.html").find("a", href=page).get_text(strip=True)
        assert og["og:title"] != nav or len(nav.split()) > 3, f"{page}: og:title is only its nav label {nav!r}"


@pytest.mark.parametrize("lang, locale", [("", "en_GB"), ("ru/", "ru_RU"), ("kk/", "kk_KZ")])
def test_the_preview_locale_is_the_page_language(built_site, lang, locale):
    for page in ["index.html", "letter.html", "people/maks-bokayev.html"]:
        og, _, _ = metadata(built_site, lang + page)
        assert og["og:locale"] == locale, f"{lang}{page}"


def test_the_404_page_sends_no_empty_preview_address(built_site):
    doc = soup(built_site / "404.html")
    for meta in doc.find_all("meta", property=True):
        assert meta.get("content", "").strip(), f"404.html: empty {meta['property']}"


@pytest.mark.parametrize("code", ["ru", "kk"])
def test_the_translated_letter_is_an_article_in_its_language_with_its_title_as_alt(built_site, code):
    """Issue #24: the ru/kk letter pages had lost og:type article, their Article JSON-LD, and
    their image's alt text was the site's name."""
    og, _, jsonld = metadata(built_site, f"{code}/letter.html")
    assert og["og:type"] == "article"
    article = [d for d in jsonld if d.get("@type") == "Article"]
    assert len(article) == 1 and article[0]["inLanguage"] == code
    assert article[0]["translationOfWork"]["inLanguage"] == "en"
    assert og["og:image:alt"] == article[0]["headline"] != "Kazakhstan's political prisoners, 2017"
