"""Calls to action: on every page that carries the ask, with correctly encoded links."""
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from conftest import soup

SHARE_HOSTS = {"x": "x.com", "facebook": "www.facebook.com", "telegram": "t.me", "whatsapp": "wa.me",
               "vk": "vk.com", "linkedin": "www.linkedin.com"}


def cta_pages(site_data):
    pages = {"index.html": None, "letter.html": None, "people/index.html": None}
    pages.update({f"people/{p['slug']}.html": p for p in site_data.people})
    return pages


def test_every_profile_the_letter_and_home_carry_the_call_to_action(built_site, site_data):
    for page, person in cta_pages(site_data).items():
        cta = soup(built_site / page).select_one("section.kz-cta#kz-act")
        assert cta is not None, f"{page}: no call to action"
        heading = cta.find("h2").get_text()
        if person and person["status"]["state"] in ("released", "acquitted", "died"):
            assert heading == "Act now", f"{page}: the action is for those still held, not for {person['name']}"
        elif person:
            assert heading == f"Act for {person['name']}", page


def test_mailto_prefills_subject_and_body_citing_person_letter_and_report(built_site, site_data):
    for page, person in cta_pages(site_data).items():
        cta = soup(built_site / page).select_one("section.kz-cta")
        mailto = cta.find("a", string="Write to decision-makers")["href"]
        parts = urlsplit(mailto)
        assert parts.scheme == "mailto"
        assert parts.path == "", "no recipient is verified, so none may be filled in"
        query = parse_qs(parts.query, strict_parsing=True)
        subject, body = query["subject"][0], query["body"][0]
        assert "Doc. 14436" in body and "Open Dialog Foundation" in body
        assert "letter.html" in body
        if person:
            assert person["name"] in subject and person["name"] in body
            assert f"people/{person['slug']}.html" in body
        # whom to write to is said on the page, since the address is not filled in
        assert "delegation to the Parliamentary Assembly" in cta.get_text()


def test_share_links_are_plain_urls_with_the_right_decoded_text(built_site, site_data):
    person = site_data.by_slug["natalia-ulasik"]
    cta = soup(built_site / "people/natalia-ulasik.html").select_one("section.kz-cta")
    links = {a["class"][0].split("__")[1]: a["href"] for a in cta.select(".kz-share a[class^=kz-share__]")}
    assert set(links) == set(SHARE_HOSTS) | {"email"}
    page_url = cta.select_one("a.kz-copy")["href"]
    assert page_url.endswith("/people/natalia-ulasik.html") and page_url.startswith("http")
    for key, host in SHARE_HOSTS.items():
        parts = urlsplit(links[key])
        assert parts.scheme == "https" and parts.netloc == host, links[key]
        values = " ".join(v for vs in parse_qs(parts.query).values() for v in vs)
        assert page_url in values, f"{key} does not carry the page address"
        if key in ("x", "telegram", "whatsapp", "vk"):
            assert person["name"] in values
    email = urlsplit(links["email"])
    assert email.scheme == "mailto" and person["name"] in unquote(email.query)


def test_share_widgets_are_links_not_scripts(built_site):
    doc = soup(built_site / "people/maks-bokayev.html")
    for script in doc.find_all("script", src=True):
        assert not script["src"].startswith("http"), script["src"]
    assert not doc.find("iframe")


def test_copy_link_works_as_a_plain_link(built_site):
    doc = soup(built_site / "letter.html")
    copy = doc.select_one("a.kz-copy")
    assert copy["href"] == doc.find("link", rel="canonical")["href"]


@pytest.mark.parametrize("phrase", ["17 political prisoners", "1 activist held in a psychiatric hospital",
                                    "8 people with suspended sentences", "release political prisoners"])
def test_home_page_states_counts_and_the_ask(built_site, phrase):
    hero = soup(built_site / "index.html").select_one(".kz-hero")
    assert phrase in " ".join(hero.get_text().split())


def test_home_page_links_the_letter_the_index_and_the_action(built_site):
    hero = soup(built_site / "index.html").select_one(".kz-hero")
    hrefs = [a["href"] for a in hero.find_all("a")]
    assert hrefs == ["#kz-act", "letter.html", "people/index.html"]


def test_home_cards_show_every_person_with_initials_and_no_photo(built_site, site_data):
    doc = soup(built_site / "index.html")
    cards = doc.select("li.kz-card")
    assert [c.a["href"] for c in cards] == [f"people/{p['slug']}.html" for p in site_data.people]
    assert not doc.select("li.kz-card img")
    first = cards[0]
    assert first.select_one(".kz-avatar").get_text() == "MB"
    # the badge gives the status today (Bokayev: released in 2021 under restrictions whose three years
    # have ended, How we count), not the letter's, and never the ended restriction as current
    assert site_data.people[0]["slug"] == "maks-bokayev" and site_data.people[0]["status"]["state"] == "restricted-freedom"
    assert site_data.standing(site_data.people[0]).basis == "term-ended"
    assert "Civil society activist" in first.get_text() and "Term ended" in first.get_text()
    assert "Restricted freedom" not in first.get_text()
    assert "In prison" not in first.get_text()


def test_print_stylesheet_hides_navigation_and_shows_link_addresses():
    from conftest import ROOT
    css = (ROOT / "docs/assets/stylesheets/site.css").read_text(encoding="utf-8")
    media = css[css.index("@media print"):]
    assert "size: A4" in media and ".md-header" in media and ".kz-cta" in media
    assert 'content: " <" attr(href) ">"' in media


def test_the_ask_is_in_front_of_the_reader_on_the_letter_and_every_profile(built_site, site_data):
    free = ("released", "acquitted", "died")
    pages = {"letter.html": "Act now"}
    pages.update({f"people/{p['slug']}.html": "Act now" if p["status"]["state"] in free else f"Act for {p['name']}"
                  for p in site_data.people})
    for page, label in pages.items():
        doc = soup(built_site / page)
        ask = doc.select_one(".kz-ask")
        assert ask is not None, page
        act = ask.select_one("a.kz-ask__act")
        assert act["href"] == "#kz-act" and act.get_text() == label
        order = doc.find_all(True)
        first_content = doc.select_one("#kz-timeline, .kz-letter")
        assert order.index(ask) < order.index(first_content), f"{page}: the ask comes after the content"


def test_every_email_reads_as_sensible_sentences(built_site, site_data):
    """The old home page wrote "The letter names the political prisoners named in the letter"."""
    import re
    for page, person in cta_pages(site_data).items():
        cta = soup(built_site / page).select_one("section.kz-cta")
        query = parse_qs(urlsplit(cta.find("a", string="Write to decision-makers")["href"]).query)
        subject, body = query["subject"][0], query["body"][0]
        for text in (subject, body):
            assert "{" not in text and "}" not in text, f"{page}: an unfilled placeholder"
            for sentence in re.split(r"(?<=[.!?])\s+|\n+", text):
                words = sentence.lower().split()
                grams = [" ".join(words[i:i + 5]) for i in range(len(words) - 4)]
                assert len(grams) == len(set(grams)), f"{page}: a sentence repeats itself: {sentence!r}"
        if person:
            assert f"The letter names {person['name']}; the latest the sources show:" in body
        else:
            assert "It names 17 political prisoners" in body and "names the political prisoners named" not in body


@pytest.mark.parametrize("text", ["Maks Bokayev: 5 years & a fine = 100% (Doc. 14436) #free +1",
                                  "Бокаев Макс: «открытое письмо» — Қазақстан", "https://example.org/a b/?x=1&y=2#z",
                                  "line one\nline two\ttab \"quoted\" <tag> {x} | back\\slash ^ `tick`"])
def test_a_query_value_decodes_to_the_same_text_and_keeps_letters_readable(text):
    """Share and email links encode only what a query needs (& = # + % space…); Cyrillic stays as
    letters, which browsers encode on use. What a share service or mail program decodes is the text."""
    from sitegen.render import query_value
    value = query_value(text)
    assert parse_qs(f"t={value}&u=1", strict_parsing=True) == {"t": [text], "u": ["1"]}
    assert not set(value) & set(" &=#+\"<>{}|\\^`\n\t")
    assert all(ch in value for ch in text if ord(ch) > 127)
