"""Three languages: the same pages in English, Russian and Kazakh, each saying what it is."""
import json
import posixpath
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, assert_built, build, copy_project, soup

CODES = ["en", "ru", "kk"]
SHARED = {"data", "pagefind", "assets"}


def pages_of(site: Path, code: str) -> set:
    base = site if code == "en" else site / code
    out = set()
    for path in base.rglob("*.html"):
        rel = path.relative_to(base).as_posix()
        if code == "en" and rel.split("/")[0] in set(CODES) | SHARED:
            continue
        if rel.split("/")[0] in SHARED:
            continue
        out.add(rel)
    return out


def test_every_page_exists_in_every_language(built_site):
    english = pages_of(built_site, "en")
    assert len(english) >= 38
    for code in ("ru", "kk"):
        assert pages_of(built_site, code) == english, code


def test_html_lang_matches_the_folder(built_site):
    for code in CODES:
        for rel in pages_of(built_site, code):
            path = built_site / (rel if code == "en" else f"{code}/{rel}")
            assert soup(path).html["lang"] == code, path


def test_hreflang_is_complete_absolute_and_reciprocal(built_site):
    site_url = "https://example.org/kazakhstan-open-letter/"
    for rel in sorted(pages_of(built_site, "en")):
        if rel == "404.html":
            continue
        expected = {code: site_url + (rel if code == "en" else f"{code}/{rel}") for code in CODES}
        for code in CODES:
            doc = soup(built_site / (rel if code == "en" else f"{code}/{rel}"))
            links = {link["hreflang"]: link["href"] for link in doc.find_all("link", hreflang=True)}
            assert links == {**expected, "x-default": expected["en"]}, f"{code}/{rel}"
            assert all(link.get("rel") == ["alternate"] for link in doc.find_all("link", hreflang=True))


def test_the_switcher_links_each_page_to_itself_in_every_language(built_site):
    for code in CODES:
        for rel in pages_of(built_site, code):
            here = rel if code == "en" else f"{code}/{rel}"
            nav = soup(built_site / here).select_one("nav.kz-langs")
            items = nav.find_all("a")
            assert [a.get_text() for a in items] == ["English", "Русский", "Қазақша"], here
            for a, target in zip(items, CODES, strict=True):
                assert a["lang"] == target and a["hreflang"] == target
                assert not a["href"].startswith(("http", "/")), f"{here}: not a relative link"
                resolved = posixpath.normpath(posixpath.join(posixpath.dirname(here), a["href"]))
                assert resolved == (rel if target == "en" else f"{target}/{rel}"), here
                assert (built_site / resolved).exists()
            assert [a.get("aria-current") for a in items].count("page") == 1


def test_interface_strings_are_complete_in_every_language():
    english = yaml.safe_load((ROOT / "data/strings.yml").read_text(encoding="utf-8"))["en"]

    def keys(node, prefix=""):
        return {k2 for k, v in node.items() for k2 in (keys(v, f"{prefix}{k}.") if isinstance(v, dict) else [prefix + k])}
    for code in ("ru", "kk"):
        translated = yaml.safe_load((ROOT / f"translations/{code}/strings.yml").read_text(encoding="utf-8"))
        assert translated.pop("_reviewed") is False, "no fluent speaker has reviewed these yet"
        assert keys(translated) == keys(english), code


def test_nothing_in_data_is_left_untranslated_or_stale(site_data):
    from sitegen import i18n
    for code, language in site_data.languages.items():
        assert not i18n.missing(language, site_data), code
        assert not i18n.stale(language, site_data), code
        assert len(language.names) == len(site_data.people), f"{code}: a name in Cyrillic for everyone"


ADDRESS = re.compile(r"https?://\S+")


def test_english_on_a_translated_page_is_marked_as_english(built_site):
    """Issue #24, 2 (WCAG 3.1.2): a screen reader reads a passage in the voice of its `lang`. No
    passage of 40 or more Latin letters, mostly Latin (addresses aside), sits in a Russian or
    Kazakh element: source titles and publishers, the licence line, article titles, column
    descriptions and every English fallback carry lang="en". The theme's title bar and menu
    show a page's title as plain text; only they are left out."""
    failures = []
    for code in ("ru", "kk"):
        for page in sorted((built_site / code).rglob("*.html")):
            doc = soup(page)
            for text in doc.find_all(string=True):
                if text.parent.name in ("script", "style", "code", "pre", "title") or text.find_parent(class_="md-ellipsis"):
                    continue
                plain = ADDRESS.sub("", text)
                latin, cyrillic = len(re.findall(r"[A-Za-z]", plain)), len(re.findall(r"[\u0400-\u04ff]", plain))
                if latin < 40 or latin <= cyrillic:
                    continue
                owner = text.find_parent(attrs={"lang": True})
                if owner is None or owner["lang"] == code:
                    failures.append(f"{page.relative_to(built_site)}: {plain.strip()[:80]}")
    assert not failures, f"{len(failures)} unmarked English passages:\n" + "\n".join(failures[:30])


def test_dates_after_as_of_take_the_languages_form(built_site):
    """Issue #24, 5: Kazakh puts "as of" dates in the locative («2017 жылғы қазандағы жағдай
    бойынша», never «қазан жағдай бойынша»); Russian says «по состоянию на 6 декабря 2026 года»."""
    kazakh, russian = [], []
    for page in (built_site / "kk").rglob("*.html"):
        text = soup(page).get_text(" ")
        kazakh += [m.group(0) for m in re.finditer(r"(\S+)\s+жағдай бойынша", text)
                   if not re.search(r"(дағы|дегі|тағы|тегі|жылғы)$", m.group(1))]
    for page in (built_site / "ru").rglob("*.html"):
        text = soup(page).get_text(" ")
        russian += [m.group(0) for m in re.finditer(r"по состоянию на (\d+ \w+ \d{4}(?! года)|\w+ \d{4}(?! года)|\d{4}(?! год))", text)]
    assert not kazakh, sorted(set(kazakh))[:10]
    assert not russian, sorted(set(russian))[:10]


def test_translated_pages_say_they_are_unreviewed_and_link_the_english(built_site):
    for code in ("ru", "kk"):
        for rel in ("index.html", "about.html", "people/aron-atabek.html", "letter.html", "since.html"):
            doc = soup(built_site / code / rel)
            note = doc.select_one("aside.kz-translation-note")
            assert note is not None, f"{code}/{rel}"
            link = note.find("a", hreflang="en")
            assert posixpath.normpath(posixpath.join(posixpath.dirname(f"{code}/{rel}"), link["href"])) == rel
        assert soup(built_site / code / "letter.html").select_one(".kz-byline--translation"), "the letter says it is unofficial"
    for rel in ("index.html", "people/aron-atabek.html"):
        assert soup(built_site / rel).select_one("aside.kz-translation-note") is None, "the English needs no note"


def test_every_translated_page_with_an_unreviewed_text_says_so(built_site, site_data):
    """Issue #24, item 3: while a language's interface is not reviewed, every page of it says so,
    the filter pages and the 404 page included; the English pages never do."""
    for code, language in site_data.languages.items():
        pages = sorted((built_site / code).rglob("*.html"))
        assert any("/people/status/" in p.as_posix() for p in pages) and (built_site / code / "404.html") in pages
        for page in pages:
            doc = soup(page)
            if doc.find("meta", attrs={"http-equiv": "refresh"}):
                continue  # a redirect: no content of its own
            note = doc.select_one("aside.kz-translation-note") or doc.select_one(".kz-brief__cite")
            if not language.strings_reviewed:
                assert note is not None and note.get_text(" ").strip(), page.relative_to(built_site)


def test_names_in_both_scripts_and_the_kazakh_interface(built_site, site_data):
    kk = soup(built_site / "kk/people/mukhtar-dzhakishev.html")
    name = site_data.languages["kk"].names["mukhtar-dzhakishev"]["text"]
    assert kk.h1.get_text() == name and re.search("[А-Яа-яӘәҚқҢңӨөҰұҮүІі]", name)
    english = soup(built_site / "people/maks-bokayev.html").select_one(".kz-profile__aliases").get_text()
    assert site_data.languages["ru"].names["maks-bokayev"]["text"] in english, "the Cyrillic name is a search alias in English"
    partial = (ROOT / "overrides/partials/languages/kk.html").read_text(encoding="utf-8")
    header = re.search(r'"header": "([^"]+)"', partial).group(1)
    assert kk.find("nav", class_="md-header__inner")["aria-label"] == header, "the Kazakh partial is used"
    assert soup(built_site / "kk/index.html").select_one(".md-header__topic .md-ellipsis").get_text(strip=True) \
        == yaml.safe_load((ROOT / "translations/kk/strings.yml").read_text(encoding="utf-8"))["site_name"]


def test_pagefind_has_one_index_per_language_with_equal_pages(built_site):
    entry = json.loads((built_site / "pagefind/pagefind-entry.json").read_text(encoding="utf-8"))
    assert set(entry["languages"]) == set(CODES)
    counts = {code: entry["languages"][code]["page_count"] for code in CODES}
    assert len(set(counts.values())) == 1 and counts["en"] >= 37, counts


@pytest.mark.parametrize("code", ["ru", "kk"])
def test_the_email_stays_in_english_and_says_why(built_site, code):
    from urllib.parse import parse_qs, urlsplit
    doc = soup(built_site / f"{code}/people/maks-bokayev.html")
    cta = doc.select_one("section.kz-cta")
    query = parse_qs(urlsplit(cta.select_one("a.md-button--primary")["href"]).query)
    body = query["body"][0]
    assert body.startswith("Dear Member of the Parliamentary Assembly") and "Maks Bokayev" in body
    # the status today is said in English too (Bokayev: a restriction whose term ended, How we count)
    assert "Restricted freedom: the term ended in about 2024" in body, "the status is said in English too"
    assert not re.search("[а-яёәіңғүұқөһ]", body + query["subject"][0], re.I), "no Cyrillic in the email"
    hint = yaml.safe_load((ROOT / f"translations/{code}/strings.yml").read_text(encoding="utf-8"))["email_in_english"]
    assert hint in cta.get_text()
    share = parse_qs(urlsplit(cta.select_one("a.kz-share__telegram")["href"]).query)["text"][0]
    name = {"ru": "Макс Бокаев", "kk": "Макс Боқаев"}[code]
    assert name in share, "the share text is in the page's language, with the name in its script"


def test_share_images_show_the_name_in_the_pages_script(built_site, site_data):
    from PIL import Image
    og = soup(built_site / "kk/people/mukhtar-dzhakishev.html").find("meta", property="og:image")["content"]
    assert og.endswith("/assets/share/kk/mukhtar-dzhakishev.png")
    with Image.open(built_site / "assets/share/kk/mukhtar-dzhakishev.png") as image:
        assert image.size == (1200, 630)
    same = [p for p in site_data.people if site_data.languages["ru"].names[p["slug"]]["text"] == p["name"]]
    for person in same:  # no image is drawn twice for a name spelled alike
        assert not (built_site / f"assets/share/ru/{person['slug']}.png").exists()


def test_a_missing_translation_shows_the_english_marked_with_a_note(tmp_path):
    project = copy_project(tmp_path / "p")
    path = project / "translations/ru/people/aron-atabek.yml"
    record = yaml.safe_load(path.read_text(encoding="utf-8"))
    english = yaml.safe_load((project / "data/people/aron-atabek.yml").read_text(encoding="utf-8"))["updates"][-1]["text"]
    from sitegen import i18n
    record["texts"].pop(i18n.fingerprint(english))
    path.write_text(yaml.safe_dump(record, allow_unicode=True), encoding="utf-8")
    reviewed = project / "translations/ru/docs/about.md"
    reviewed.write_text(reviewed.read_text(encoding="utf-8").replace("reviewed: false", "reviewed: {by: a-reviewer, date: 2026-12-06}", 1),
                        encoding="utf-8")
    (project / "translations/kk/docs/sources.md").unlink()
    out = tmp_path / "site"
    assert_built(build(project, out, pdfs=False))
    doc = soup(out / "ru/people/aron-atabek.html")
    marked = doc.find("span", lang="en", string=" ".join(english.split()))
    assert marked is not None, "the English fallback is marked lang=en"
    note = doc.select_one("aside.kz-translation-note").get_text()
    assert yaml.safe_load((project / "translations/ru/strings.yml").read_text(encoding="utf-8"))["note_fallback_texts"] in note
    about = soup(out / "ru/about.html").select_one("aside.kz-translation-note").get_text()
    strings = yaml.safe_load((project / "translations/ru/strings.yml").read_text(encoding="utf-8"))
    assert strings["note_part_page"] not in about and strings["note_reviewed"] in about, "a reviewed page says it is reviewed"
    assert strings["note_part_interface"] in about, "and that its interface is not, while strings.yml is not reviewed"
    untranslated = soup(out / "kk/sources.html")
    assert untranslated.select_one("div[lang=en]") is not None
    # and the English it came from is now listed as stale when it changes
    data = project / "data/people/aron-atabek.yml"
    data.write_text(data.read_text(encoding="utf-8").replace("admitted to hospital with pneumonia", "taken to hospital with pneumonia"), encoding="utf-8")
    from sitegen import data as data_module
    site = data_module.load(project)
    assert i18n.stale(site.languages["ru"], site), "a translation of changed English is listed as stale"


REVIEWED = "reviewed: {by: test-reviewer, date: 2026-12-06}"


def test_the_notice_names_what_is_unreviewed_and_goes_when_nothing_is(tmp_path):
    """Issue #24, 3: a reviewer marks a text reviewed with who and when (never shown); a page's
    notice names what on it is still unreviewed, and a page with nothing unreviewed has none."""
    project = copy_project(tmp_path / "p")
    ru = project / "translations/ru"
    for path in [p for p in ru.rglob("*") if p.suffix in (".yml", ".md")]:
        if path.name != "aron-atabek.yml":  # everything reviewed, but for one person's texts
            path.write_text(path.read_text(encoding="utf-8").replace("reviewed: false", REVIEWED), encoding="utf-8")
    atabek = ru / "people/aron-atabek.yml"
    atabek.write_text(re.sub(r"^(name: \{.*?)reviewed: false", rf"\1{REVIEWED}", atabek.read_text(encoding="utf-8"), flags=re.M),
                      encoding="utf-8")
    strings = ru / "strings.yml"
    strings.write_text(strings.read_text(encoding="utf-8").replace("_reviewed: false", f"_{REVIEWED}"), encoding="utf-8")
    out = tmp_path / "site"
    assert_built(build(project, out, languages=("ru",), pdfs=False))
    text = yaml.safe_load(strings.read_text(encoding="utf-8"))
    for page in ("people/maks-bokayev.html", "about.html", "letter.html", "people/status/released.html", "404.html"):
        note = soup(out / "ru" / page).select_one("aside.kz-translation-note")
        assert note is None or text["note_unreviewed"].split(":")[0] not in note.get_text(), f"{page}: nothing is unreviewed"
    note = soup(out / "ru/people/aron-atabek.html").select_one("aside.kz-translation-note").get_text(" ")
    assert text["note_part_texts"] in note
    assert not any(text[part] in note for part in ("note_part_name", "note_part_interface", "note_part_letter", "note_part_page"))
    assert "test-reviewer" not in (out / "ru/people/aron-atabek.html").read_text(encoding="utf-8"), "who reviewed is never shown"


def test_reviewed_true_alone_is_refused_with_where_and_how_to_say_who_and_when(tmp_path):
    from sitegen import data as data_module
    project = copy_project(tmp_path / "p")
    path = project / "translations/ru/people/maks-bokayev.yml"
    lines = path.read_text(encoding="utf-8").splitlines()
    number = next(i for i, line in enumerate(lines, start=1) if line.startswith("  ") and "reviewed: false" in line)
    key = lines[number - 1].split(":")[0].strip()
    lines[number - 1] = lines[number - 1].replace("reviewed: false", "reviewed: true")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(data_module.DataError) as caught:
        data_module.load(project)
    problems = [str(p) for p in caught.value.problems]
    assert any(p.startswith(f"translations/ru/people/maks-bokayev.yml:{number}: {key}.reviewed: ") and "by:" in p and "date:" in p
               for p in problems), problems


def test_changed_english_strings_and_names_are_listed_as_stale_until_recorded(tmp_path):
    """Issue #24, 3: stale detection for interface strings and names too, not only data texts.
    An interface string whose English changed since its translation was made, and a name spelled
    from an English name that has changed, are listed by `make translations`; --record clears the strings."""
    from sitegen import data as data_module
    from sitegen import i18n
    project = copy_project(tmp_path / "p")
    strings = project / "data/strings.yml"
    strings.write_text(strings.read_text(encoding="utf-8").replace("skip_link: Skip to content", "skip_link: Skip to the content"),
                       encoding="utf-8")
    name = project / "translations/kk/people/maks-bokayev.yml"
    name.write_text(name.read_text(encoding="utf-8").replace('english: "Maks Bokayev"', 'english: "Max Bokayev"'), encoding="utf-8")
    site = data_module.load(project)
    assert i18n.stale_strings(site.languages["ru"], site) == ["skip_link"]
    assert i18n.stale_names(site.languages["kk"], site) == ["maks-bokayev"] and not i18n.stale_names(site.languages["ru"], site)
    listed = subprocess.run([sys.executable, "-m", "sitegen", "translations", "ru"], cwd=project, capture_output=True, text=True).stdout
    assert "\nskip_link: Skip to the content\n" in listed
    about = project / "docs/about.md"
    about.write_text(about.read_text(encoding="utf-8") + "\nOne more sentence.\n", encoding="utf-8")
    assert i18n.stale_pages(site.languages["ru"], project) == ["translations/ru/docs/about.md"]
    subprocess.run([sys.executable, "-m", "sitegen", "translations", "ru", "--record"], cwd=project, capture_output=True, check=True)
    site = data_module.load(project)
    assert i18n.stale_strings(site.languages["ru"], site) == []


def test_every_name_spelling_names_its_source_or_says_it_is_a_transliteration(built_site, site_data, tmp_path):
    """Issue #24, 5: a Cyrillic spelling of a name comes from a source that prints it, or the
    profile says it is a transliteration made here; a name that says neither stops the build."""
    for code, language in site_data.languages.items():
        for person in site_data.people:
            name = language.names[person["slug"]]
            line = soup(built_site / code / "people" / f"{person['slug']}.html").select_one(".kz-profile__spelling")
            assert line is not None, (code, person["slug"])
            if name.get("source"):
                assert site_data.sources[name["source"]]["title"] in line.get_text(), (code, person["slug"])
            else:
                assert name.get("transliterated") and line.find("a") is None, (code, person["slug"])
    from sitegen import data as data_module
    project = copy_project(tmp_path / "p")
    path = project / "translations/kk/people/amin-eleusinov.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("transliterated: true, ", "", 1), encoding="utf-8")
    with pytest.raises(data_module.DataError) as caught:
        data_module.load(project)
    assert any(str(p).startswith("translations/kk/people/amin-eleusinov.yml:5: name: say where this spelling comes from")
               for p in caught.value.problems), [str(p) for p in caught.value.problems]


@pytest.mark.parametrize("code", ["ru", "kk"])
def test_cyrillic_headings_get_readable_anchors(built_site, code):
    doc = soup(built_site / code / "about.html")
    ids = [h["id"] for h in doc.select("article h2[id]")]
    assert ids and all(not re.fullmatch(r"_\d*", i) for i in ids), ids
    assert any(re.search("[а-яәқңөұүі]", i) for i in ids), ids


@pytest.mark.parametrize("code", ["ru", "kk"])
def test_every_profile_shows_the_texts_written_for_that_person(built_site, site_data, code):
    """Issue #24: a translation keyed only by the English text's fingerprint was shared by everyone
    with that English (Blyalov «Названа», women «Включён»). Each text comes from its person's file."""
    from sitegen import i18n
    language = site_data.languages[code]
    shared_english = 0
    for person in site_data.people:
        doc = soup(built_site / f"{code}/people/{person['slug']}.html")
        facts = doc.select("ul.kz-facts > li")
        updates = {li["id"]: li for li in doc.select("ol.kz-timeline > li[id^=update-]")}
        for index, fact in enumerate(person["facts"]):
            own = language.text(fact["text"], person["slug"])
            if own is not None:
                assert " ".join(own.text.split()) in " ".join(facts[index].get_text().split()), (person["slug"], index)
        for index, update in enumerate(person.get("updates") or []):
            own = language.text(update["text"], person["slug"])
            if own is not None:
                assert " ".join(own.text.split()) in " ".join(updates[f"update-{index + 1}"].get_text().split()), (person["slug"], index)
        others = [p for p in site_data.people if p is not person]
        for fact in person["facts"]:
            key = i18n.fingerprint(fact["text"])
            shared_english += sum(1 for p in others if key in language.people.get(p["slug"], {}))
    assert shared_english  # the same English sentence is on several profiles (the letter's groups)


def test_the_same_english_is_translated_per_person_with_its_gender(site_data):
    ru = site_data.languages["ru"]
    english = next(f["text"] for f in site_data.by_slug["larisa-kharkova"]["facts"] if f["source"] == "odf-list-2017")
    woman = ru.text(english, "larisa-kharkova").text
    man = ru.text(english, "bolatbek-blyalov").text
    assert woman.startswith("Включена") and man.startswith("Включён"), (woman, man)


@pytest.mark.parametrize("code", ["ru", "kk"])
def test_the_letter_on_a_translated_profile_is_in_its_language_with_the_english_a_click_away(built_site, site_data, code):
    """Issue #24: ru/kk profiles quoted the letter in English although every paragraph is translated."""
    for person in site_data.people:
        quotes = soup(built_site / f"{code}/people/{person['slug']}.html").select("blockquote.kz-quote")
        assert len(quotes) == len(person["letter_paragraphs"]), person["slug"]
        for quote in quotes:
            shown = quote.find("p")
            assert shown.get("lang") != "en" and not re.search(r"[A-Za-z]{12,}", shown.get_text()), person["slug"]
            original = quote.select_one("details.kz-quote__original p[lang=en]")
            assert original is not None and re.search(r"[A-Za-z]{12,}", original.get_text()), person["slug"]
