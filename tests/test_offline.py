"""Where the site is blocked: the offline copy, any mirror path, and the PDF dossier."""
import posixpath
import re
import subprocess
import urllib.request
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from conftest import ROOT, one_of_each, soup
from sitegen import offline

ZIP = "downloads/kazakhstan-open-letter.zip"


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for key in ("href", "src"):
            if attrs.get(key) and not (tag == "link" and attrs.get("rel") in ("canonical", "alternate")) \
                    and not (tag == "meta"):
                self.links.append(attrs[key])


def internal(link: str) -> bool:
    return not re.match(r"^(https?:|mailto:|data:|#|javascript:)", link) and link != ""


@pytest.fixture(scope="module")
def unpacked(built_site, tmp_path_factory):
    out = tmp_path_factory.mktemp("offline")
    with zipfile.ZipFile(built_site / ZIP) as archive:
        archive.extractall(out)
    return out / "kazakhstan-open-letter"


def test_the_zip_holds_every_page_of_every_language_and_stays_small(built_site, unpacked):
    size = (built_site / ZIP).stat().st_size
    assert size <= 10 * 2**20, f"{size} bytes: the budget is 10 MB"
    pages = {p.relative_to(built_site).as_posix() for p in built_site.rglob("*.html") if p.name != "404.html"}
    copied = {p.relative_to(unpacked).as_posix() for p in unpacked.rglob("*.html")}
    assert copied == pages
    names = zipfile.ZipFile(built_site / ZIP).namelist()
    assert names == sorted(names)
    assert not [n for n in names if "/pagefind/" in n or "/assets/share/" in n or n.endswith(".zip")]
    assert [n for n in names if n.endswith(".pdf")], "the dossiers travel with the copy"


def test_every_internal_link_of_the_copy_reaches_a_file_in_it(unpacked):
    missing = []
    for page in unpacked.rglob("*.html"):
        parser = Links()
        parser.feed(page.read_text(encoding="utf-8"))
        for link in parser.links:
            if not internal(link):
                continue
            target = (page.parent / unquote(urlsplit(link).path)).resolve()
            if urlsplit(link).path and not target.exists():
                missing.append(f"{page.relative_to(unpacked)} -> {link}")
    assert not missing, missing[:20]


def test_the_footer_links_the_copy_online_and_gives_its_size(built_site, unpacked):
    online = soup(built_site / "people/maks-bokayev.html").select_one(".kz-footer")
    link = online.find("a", href=re.compile(r"kazakhstan-open-letter\.zip$"))
    assert link["href"].startswith("https://")
    size = offline.human_size((built_site / ZIP).stat().st_size)
    assert re.search(rf"\(ZIP, \d+ \w+ \d{{4}}, {re.escape(size)}\)", online.get_text()), online.get_text()
    for page in ["people/maks-bokayev.html", "ru/data.html", "kk/index.html"]:  # every slot of every page
        assert size in soup(built_site / page).select_one(".kz-footer").get_text(), page
    offline_footer = soup(unpacked / "people/maks-bokayev.html").select_one(".kz-footer")
    assert size not in offline_footer.get_text(), "inside the copy, the size of the copy is left out"
    assert re.search(r"\(ZIP, \d+ \w+ \d{4}\)\s*$", offline_footer.get_text()), "the copy's footer closes its parenthesis"
    data_page = soup(built_site / "data.html").select(".kz-zip-size")
    assert len(data_page) == 2 and all(size in mark.get_text() for mark in data_page), "both marks of a page are filled"


def test_publishing_writes_each_page_once_with_the_size_and_replaces_the_last_build(tmp_path):
    """The pipeline builds into a folder of its own; publishing moves it into site_dir, each page
    with a size mark written there once, filled; what the last build left goes, dotfiles stay."""
    staged, site_dir = tmp_path / "staged", tmp_path / "site"
    (staged / "people").mkdir(parents=True)
    (staged / "people/a.html").write_text('<p>(ZIP<span class=kz-zip-size></span></p>', encoding="utf-8")
    (staged / "plain.html").write_text("<p>no mark</p>", encoding="utf-8")
    (staged / "data.json").write_text("{}", encoding="utf-8")
    (site_dir / "people").mkdir(parents=True)
    (site_dir / "people/gone.html").write_text("old", encoding="utf-8")
    (site_dir / ".git").write_text("kept", encoding="utf-8")
    assert offline.publish(staged, site_dir, ", 5.3 MB)") == 1
    assert (site_dir / "people/a.html").read_text(encoding="utf-8") == '<p>(ZIP<span class="kz-zip-size">, 5.3 MB)</span></p>'
    assert (site_dir / "plain.html").read_text(encoding="utf-8") == "<p>no mark</p>"
    assert (site_dir / "data.json").exists() and (site_dir / ".git").exists()
    assert not (site_dir / "people/gone.html").exists() and not staged.exists()


@pytest.mark.browser
def test_a_page_of_each_kind_of_the_copy_works_from_disk(browser, unpacked):
    """Opened from file://: styles load, scripts run, nothing logs an error, the switcher works.
    A page of each kind in each language (a page made from the same template loads the same
    files from the same depth, and every page's links are checked above: each one reaches a
    file of the copy). One tab visits them all."""
    failures, errors = [], []
    context = browser.new_context()
    page = context.new_page()
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    every_page = sorted(p.relative_to(unpacked).as_posix() for p in unpacked.rglob("*.html"))
    for rel in one_of_each(every_page):
        page_file = unpacked / rel
        errors.clear()
        page.goto(page_file.as_uri(), wait_until="load")
        if page.evaluate("getComputedStyle(document.body).fontFamily") in ("", "serif", "Times New Roman"):
            failures.append(f"{rel}: no styles")
        failures += [f"{rel}: {e}" for e in errors]
    page = context.new_page()
    page.goto((unpacked / "people/aron-atabek.html").as_uri())
    page.locator('nav.kz-langs a[hreflang="ru"]').click()
    page.wait_for_load_state("load")
    assert page.url.endswith("/ru/people/aron-atabek.html")
    page.goto((unpacked / "kk/search.html").as_uri())
    page.wait_for_timeout(200)
    assert page.locator(".kz-search__nojs a").get_attribute("href") == "people/index.html", \
        "the search page points to the index offline"
    context.close()
    assert not failures, failures[:20]


@pytest.mark.parametrize("prefix", ["/", "/mirrors/kz/2026/"])
def test_any_mirror_path_works_with_no_broken_link(built_site, prefix):
    import sys
    sys.path.insert(0, str(ROOT / "bench"))
    from serve import serve
    broken = []
    with serve(built_site, base=prefix) as origin:
        seen, queue = set(), [origin + "index.html", origin + "ru/index.html", origin + "kk/index.html"]
        while queue:
            url = queue.pop()
            if url in seen:
                continue
            seen.add(url)
            try:
                with urllib.request.urlopen(url, timeout=10) as response:
                    body = response.read()
                    kind = response.headers.get("Content-Type", "")
            except OSError as error:
                broken.append(f"{url}: {error}")
                continue
            if "html" not in kind:
                continue
            parser = Links()
            parser.feed(body.decode("utf-8"))
            for link in parser.links:
                if internal(link):
                    target = urljoin(url, link).split("#")[0]
                    if target.startswith(origin) and target not in seen:
                        queue.append(target)
        assert len([u for u in seen if u.endswith(".html")]) > 100
    assert not broken, broken[:20]


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True).stdout


def words(text: str) -> str:
    """The words of a text, as a PDF reader extracts them: running page numbers ("3 / 50") and
    hyphens (which a line break may swallow) left out."""
    text = re.sub(r"\b\d+ / \d+\b", " ", text).replace("-", "")
    return " ".join(re.findall(r"\w+", text))


def test_the_dossier_holds_everyone_and_the_english_letter_word_for_word(built_site, site_data):
    raw = pdf_text(built_site / "downloads/dossier-en.pdf")
    text = " ".join(raw.split())
    for person in site_data.people:
        assert person["name"] in text, person["name"]
    extracted = words(raw)
    for paragraph in site_data.letter.paragraphs:
        expected = words(re.sub(r"\[([^\]]+)\]\(#\)", r"\1", paragraph).replace("**", ""))
        assert expected in extracted, expected[:80]
    ru = pdf_text(built_site / "downloads/dossier-ru.pdf")
    assert site_data.languages["ru"].names["aron-atabek"]["text"] in " ".join(ru.split())
    for paragraph in site_data.letter.paragraphs:  # the English original follows the translation
        assert words(re.sub(r"\[([^\]]+)\]\(#\)", r"\1", paragraph).replace("**", "")) in words(ru)


@pytest.mark.parametrize("code", ["en", "ru", "kk"])
def test_the_dossier_is_tagged_titled_outlined_and_embeds_its_fonts(built_site, site_data, code):
    pdf = built_site / f"downloads/dossier-{code}.pdf"
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Tagged:\s+yes$", info, re.M) and re.search(r"^Title:\s+\S", info, re.M)
    assert int(re.search(r"^Pages:\s+(\d+)$", info, re.M).group(1)) > len(site_data.people)
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    assert fonts and all(line.split()[-5] == "yes" for line in fonts), fonts
    xml = subprocess.run(["pdftohtml", "-xml", "-i", "-stdout", "-f", "1", "-l", "1", str(pdf)],
                         capture_output=True, text=True, check=True).stdout
    outline = re.findall(r'<item page="\d+">([^<]*)</item>', xml)
    for person in site_data.people:
        name = person["name"] if code == "en" else site_data.languages[code].names[person["slug"]]["text"]
        assert outline.count(name.replace("&", "&amp;")) == 1, f"{code}: {name} in the outline"
    assert f"/Lang ({code})".encode() in pdf_objects(pdf), f"{code}: the document's language"


def pdf_objects(pdf: Path) -> bytes:
    """Every object of a PDF, its compressed object streams unpacked (to find the catalog's /Lang)."""
    import zlib
    raw = pdf.read_bytes()
    out = [raw]
    for match in re.finditer(rb"stream\r?\n", raw):
        end = raw.find(b"endstream", match.end())
        try:
            out.append(zlib.decompress(raw[match.end():end]))
        except zlib.error:
            continue
    return b"".join(out)


def test_pages_link_the_dossier_with_its_pages_and_size(built_site):
    """The count a page gives is the PDF's own (read back with poppler's pdfinfo), known before
    the page was written."""
    for page in ("letter.html", "data.html", "people/maks-bokayev.html", "ru/people/maks-bokayev.html"):
        code = "ru" if page.startswith("ru/") else "en"
        link = soup(built_site / page).select_one(".kz-dossier a")
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page), link["href"]))
        assert target == f"downloads/dossier-{code}.pdf" and (built_site / target).exists()
        info = subprocess.run(["pdfinfo", str(built_site / target)], capture_output=True, text=True, check=True).stdout
        pages = re.search(r"^Pages:\s+(\d+)", info, re.M).group(1)
        assert re.search(rf"\b{pages}\b", link.parent.get_text(" ")), (page, pages)
