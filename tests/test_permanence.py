"""Published addresses never stop answering: a rename redirects, a removal is a withdrawal."""
import json
import subprocess
import sys

import pytest

from conftest import ROOT, assert_built, build, copy_project, soup

WITHDRAWN = "olesya-khalabuzar"  # a person no other record names


def git(project, *args):
    subprocess.run(["git", "-C", str(project), *args], check=True, capture_output=True, text=True)


@pytest.fixture
def repo(tmp_path):
    """A copy of the project with a history: every current record published."""
    project = copy_project(tmp_path / "p")
    git(project, "init", "-q", "-b", "main")
    git(project, "-c", "user.email=t@example.org", "-c", "user.name=t", "add", "-A")
    git(project, "-c", "user.email=t@example.org", "-c", "user.name=t", "commit", "-q", "-m", "published")
    return project


def test_deleting_a_published_record_stops_the_build_naming_it(repo, tmp_path):
    (repo / f"data/people/{WITHDRAWN}.yml").unlink()
    for code in ("ru", "kk"):
        (repo / f"translations/{code}/people/{WITHDRAWN}.yml").unlink()
    result = build(repo, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output
    assert f"data/people/{WITHDRAWN}.yml:1: (file): people/{WITHDRAWN}.html was published" in output
    assert "former_slugs" in output and "withdrawn: YYYY-MM-DD" in output


def test_a_shallow_clone_is_refused_rather_than_trusted(repo, tmp_path):
    clone = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repo}", str(clone)], check=True)
    from sitegen import data
    with pytest.raises(data.DataError) as caught:
        data.load(clone)
    assert any("shallow" in str(p) for p in caught.value.problems)


def test_a_withdrawn_profile_keeps_its_address_and_leaves_everything_else(repo, tmp_path, built_site):
    name, cyrillic = "Olesya Khalabuzar", "Халабузар"
    (repo / f"data/people/{WITHDRAWN}.yml").write_text("withdrawn: 2026-11-20\n", encoding="utf-8")
    for code in ("ru", "kk"):
        (repo / f"translations/{code}/people/{WITHDRAWN}.yml").unlink()
    out = tmp_path / "site"
    assert_built(build(repo, out, pdfs=False))
    for prefix in ("", "ru/", "kk/"):
        page = soup(out / f"{prefix}people/{WITHDRAWN}.html")
        assert page.find("meta", attrs={"name": "robots", "content": "noindex"}), prefix
        assert "20" in page.select_one("article").get_text() and page.h1 is not None
        assert not page.select("[data-pagefind-body]"), "not in the search index"
    letter_text = {"letter.html", "ru/letter.html", "kk/letter.html"}
    leaks = []
    for path in out.rglob("*"):
        if not path.is_file() or path.suffix not in (".html", ".xml", ".json", ".csv", ".txt", ".js"):
            continue
        rel = path.relative_to(out).as_posix()
        text = path.read_text(encoding="utf-8", errors="ignore")
        if not any(spelling.casefold() in text.casefold() for spelling in ("Khalabuzar", cyrillic)):
            continue  # no spelling of the name, not even in a link: nothing to parse here
        if path.suffix == ".html":
            doc = soup(path)
            for quoted in doc.select(".kz-letter, blockquote.kz-quote"):  # the letter's own text, verbatim
                quoted.decompose()
            text = str(doc)
        if rel in letter_text:
            assert not [a for a in soup(path).find_all("a", href=True) if "khalabuzar" in a["href"]], "the name links nowhere"
        for spelling in (name, "Khalabuzar", cyrillic):
            if spelling in text:
                leaks.append(f"{rel}: {spelling}")
    assert not leaks, leaks
    # the detector above does find the name where it was before the withdrawal
    assert name in str(soup(built_site / "people/index.html")) and cyrillic in str(soup(built_site / "ru/people/index.html"))
    # sources cited by no one but the withdrawn profile are no longer listed
    assert soup(built_site / "sources.html").find(id="source-timesca-2017-khalabuzar-sentenced")
    assert not soup(out / "sources.html").find(id="source-timesca-2017-khalabuzar-sentenced")
    entry = json.loads((out / "pagefind/pagefind-entry.json").read_text(encoding="utf-8"))
    before = json.loads((built_site / "pagefind/pagefind-entry.json").read_text(encoding="utf-8"))
    assert {c: v["page_count"] for c, v in entry["languages"].items()} == \
        {c: v["page_count"] - 1 for c, v in before["languages"].items()}, "one profile fewer in every language's index"
    people = json.loads((out / "data/people.json").read_text(encoding="utf-8"))["people"]
    assert WITHDRAWN not in {p["slug"] for p in people} and len(people) == 28
    assert f"people/{WITHDRAWN}.html" not in (out / "sitemap.xml").read_text(encoding="utf-8")
    assert "17 political prisoners" in " ".join(soup(out / "index.html").get_text().split()), "the letter's counts hold"


def test_a_withdrawal_keeps_nothing_else_in_the_file(repo):
    (repo / f"data/people/{WITHDRAWN}.yml").write_text("withdrawn: 2026-11-20\nname: Olesya Khalabuzar\n", encoding="utf-8")
    from sitegen import data
    with pytest.raises(data.DataError) as caught:
        data.load(repo)
    assert any(str(p).startswith(f"data/people/{WITHDRAWN}.yml:2: name: a withdrawn profile keeps only") for p in caught.value.problems)


def test_a_rename_redirects_the_old_address_in_every_language(repo, tmp_path):
    old, new = "igor-sichev", "igor-sychev"
    record = (repo / f"data/people/{old}.yml").read_text(encoding="utf-8")
    (repo / f"data/people/{old}.yml").unlink()
    (repo / f"data/people/{new}.yml").write_text(record + f"former_slugs: [{old}]\n", encoding="utf-8")
    for code in ("ru", "kk"):
        (repo / f"translations/{code}/people/{old}.yml").rename(repo / f"translations/{code}/people/{new}.yml")
    out = tmp_path / "site"
    assert_built(build(repo, out, pdfs=False))
    for prefix in ("", "ru/", "kk/"):
        page = soup(out / f"{prefix}people/{old}.html")
        refresh = page.find("meta", attrs={"http-equiv": "refresh"})
        assert refresh and refresh["content"].endswith(f"url={new}.html"), prefix
        assert (out / f"{prefix}people/{new}.html").exists()


def test_the_source_check_reports_dead_addresses_with_the_records_citing_them():
    sys.path.insert(0, str(ROOT / "scripts"))
    import check_sources

    from sitegen import data
    site = data.load(ROOT)
    url = site.sources["hrw-2016-11-29"]["url"]
    lychee = {"error_map": {"urls.txt": [{"url": url, "status": {"text": "Rejected status code: 404 Not Found", "code": 404}}]},
              "timeout_map": {}, "redirect_map": {}}
    found = check_sources.problems(lychee)
    assert found == [(url, "Rejected status code: 404 Not Found")]
    text = check_sources.report(site, found, 150, archive=lambda u: "https://web.archive.org/web/2020/" + u)
    row = [line for line in text.splitlines() if line.startswith(f"| {url} ")][0]
    assert "`hrw-2016-11-29`" in row and "data/people/maks-bokayev.yml" in row and "data/people/talgat-ayan.yml" in row
    assert "https://web.archive.org/web/2020/" in row
    assert check_sources.report(site, [], 150).startswith("The weekly check of the 150 addresses") and "found 0 that fail" \
        in check_sources.report(site, [], 150)


def test_the_published_schema_accepts_a_withdrawn_file_and_nothing_more():
    import jsonschema
    schema = json.loads((ROOT / "data/schema/person.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate({"withdrawn": "2026-11-20"}, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"withdrawn": "2026-11-20", "name": "Somebody"}, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"name": "Somebody"}, schema)  # a record still needs every required field
