"""Issue #23, "Cite this page": every profile, the letter and the "Since the letter" page show a
version (the date and short commit of the last change to what they are built from, from git)
and a Cite block with a text citation, BibTeX and CSL-JSON that parse, copyable without JavaScript."""
import json
import re
import subprocess

import pytest

from conftest import ROOT, soup
from sitegen import versions


def last_commit(*paths):
    out = subprocess.run(["git", "-C", str(ROOT), "log", "-1", "--format=%cs %h", "--", *paths],
                         capture_output=True, text=True).stdout.split()
    return tuple(out) if out else None


def bibtex_fields(text: str) -> dict:
    assert re.match(r"^@misc\{[\w-]+,\n", text) and text.rstrip().endswith("}"), text
    return dict(re.findall(r"^\s*(\w+) = \{(.*)\},$", text, re.M))


def check_block(block, version_date, commit, url):
    assert block is not None
    version = block.select_one(".kz-cite__version").get_text()
    assert version_date in version and (commit or "") in version
    for details in block.select("details"):
        assert details.find("pre"), "copyable as text, no script needed"
    text = block.select_one(".kz-cite__text").get_text()
    assert url in text and version_date in text
    fields = bibtex_fields(block.select_one(".kz-cite__bibtex").get_text())
    assert fields["howpublished"] == f"\\url{{{url}}}" and fields["version"] == (commit or version_date)
    csl = json.loads(block.select_one(".kz-cite__csl").get_text())
    assert csl["URL"] == url and csl["type"] == "webpage" and csl["version"] == (commit or version_date)
    assert csl["issued"]["date-parts"][0][:3] == [int(x) for x in version_date.split("-")]


@pytest.mark.parametrize("code", ["", "ru/"])
def test_every_profile_has_its_version_and_a_cite_block_that_parses(built_site, site_data, code):
    for person in site_data.people:
        doc = soup(built_site / f"{code}people/{person['slug']}.html")
        expected = last_commit(*versions.person_files(person["slug"])) or (site_data.today, "")
        url = doc.find("link", rel="canonical")["href"]
        check_block(doc.select_one("section.kz-cite"), expected[0], expected[1], url)
        jsonld = [json.loads(s.string) for s in doc.find_all("script", type="application/ld+json")]
        page = next(d for d in jsonld if d.get("@type") == "ProfilePage")
        assert page["dateModified"] == expected[0] and page["version"] == (expected[1] or expected[0])


def test_the_letter_and_since_pages_have_their_versions(built_site, site_data):
    for name, files in (("letter.html", versions.LETTER_FILES), ("since.html", versions.SINCE_FILES)):
        doc = soup(built_site / name)
        expected = last_commit(*files) or (site_data.today, "")
        check_block(doc.select_one("section.kz-cite"), expected[0], expected[1], doc.find("link", rel="canonical")["href"])


def test_without_git_history_the_version_is_the_data_date_and_says_so(tmp_path):
    version = versions.last_change(str(tmp_path), ("data",), "2026-12-06")
    assert (version.date, version.commit, version.label) == ("2026-12-06", "", "2026-12-06")
    from sitegen.citation import citation
    c = citation(key="k", title="T", site="S", url="https://x/y.html", version=version, kind="Profile", lang="en")
    assert "no git history" in c["text"] and bibtex_fields(c["bibtex"])["version"] == "2026-12-06"


def test_versions_follow_new_commits_and_renames(tmp_path):
    """The history is read once per HEAD: a commit (or a rename) made since is seen at the next ask."""
    def git(*args):
        subprocess.run(["git", "-C", str(tmp_path), "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
                       check=True, capture_output=True)
    git("init", "-q")
    (tmp_path / "data").mkdir()
    (tmp_path / "data/a.yml").write_text("a: 1\n")
    (tmp_path / "other.txt").write_text("x\n")
    git("add", "-A"), git("commit", "-qm", "one")
    first = versions.last_change(str(tmp_path), ("data/a.yml",), "2026-12-06")
    (tmp_path / "other.txt").write_text("y\n")
    git("commit", "-qam", "two: another file")
    assert versions.last_change(str(tmp_path), ("data/a.yml",), "2026-12-06") == first
    git("mv", "data/a.yml", "data/b.yml"), git("commit", "-qm", "three: a rename")
    for paths in (("data/a.yml",), ("data/b.yml",), ("data",)):
        assert versions.last_change(str(tmp_path), paths, "2026-12-06").commit == last_commit_in(tmp_path, *paths)
    assert versions.last_change(str(tmp_path), ("data/c.yml",), "2026-12-06").commit == ""


def last_commit_in(root, *paths):
    return subprocess.run(["git", "-C", str(root), "log", "-1", "--format=%h", "--", *paths],
                          capture_output=True, text=True).stdout.strip()


def test_corrections_are_shown_on_the_profile_the_corrections_page_and_in_the_feed(built_site, site_data):
    """Issue #23: a correction is data on the record, shown on the profile under "Corrections",
    on corrections.html (every one, newest first) and in the feed as its own kind of entry."""
    import feedparser
    corrected = [p for p in site_data.people if p.get("corrections")]
    assert corrected  # the "Today, honestly" changes to published statements are recorded
    listed = soup(built_site / "corrections.html").select("ol.kz-corrections > li")
    assert len(listed) == sum(len(p["corrections"]) for p in corrected)
    feed = feedparser.parse((built_site / "feed.xml").read_text(encoding="utf-8"))
    titles = {e.title for e in feed.entries}
    for person in corrected:
        doc = soup(built_site / f"people/{person['slug']}.html")
        items = doc.select("ol.kz-corrections > li")
        assert len(items) == len(person["corrections"]), person["slug"]
        for index, (item, correction) in enumerate(zip(items, person["corrections"], strict=True), start=1):
            text = " ".join(item.get_text(" ").split())
            assert item["id"] == f"correction-{index}"
            assert " ".join(correction["was"].split()) in text and " ".join(correction["now"].split()) in text
            assert item.select_one(".kz-source"), "every correction carries its source"
        assert f"Correction: {person['name']}" in titles
    for code in ("ru", "kk"):
        assert (built_site / f"{code}/corrections.html").exists()


def test_changing_a_published_state_or_date_needs_a_correction(tmp_path):
    """Issue #23: changing a published state or date without a correction fails `make check-data`,
    naming the file and the field and how to add the entry; a date made more precise does not."""
    from conftest import copy_project
    from sitegen import data
    project = copy_project(tmp_path / "p")

    def git(*args):
        subprocess.run(["git", "-C", str(project), *args], check=True, capture_output=True,
                       env={"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
                            "GIT_COMMITTER_EMAIL": "t@example.org", "GIT_COMMITTER_DATE": "2026-12-01T00:00:00Z",
                            "GIT_AUTHOR_DATE": "2026-12-01T00:00:00Z", "PATH": "/usr/bin:/bin"})
    git("init", "-q")
    git("add", "-A")
    git("commit", "-qm", "published")
    path = project / "data/people/zhanbolat-mamay.yml"
    published = path.read_text(encoding="utf-8")
    # the 2023 verdict's state, changed in place: refused, with the file, the field and the fix
    path.write_text(published.replace("  state: suspended-sentence\n  text: Bostandyk", "  state: imprisoned\n  text: Bostandyk")
                    .replace("state: suspended-sentence\n  as_of: '2023-04-10'", "state: imprisoned\n  as_of: '2023-04-10'"), encoding="utf-8")
    with pytest.raises(data.DataError) as caught:
        data.load(project)
    found = [str(p) for p in caught.value.problems]
    assert any(p.startswith("data/people/zhanbolat-mamay.yml:") and "state changed from suspended-sentence to imprisoned" in p
               and "add a `corrections` entry" in p for p in found), found
    # with a correction dated after the publication, accepted
    path.write_text(path.read_text(encoding="utf-8").replace("\nadded:", "\ncorrections:\n- {date: '2026-12-02', field: status, "
                    "was: x, now: y, why: z, source: kibhr-2023-mamai-convicted}\nadded:"), encoding="utf-8")
    assert data.load(project)
    # a date made more precise is not a change; a removed update is
    path.write_text(published.replace("date: 2022-06\n", "date: '2022-06-15'\n"), encoding="utf-8")
    assert data.load(project)
    path.write_text(published.replace("\n- date: '2023'\n", "\n- date: '2024'\n"), encoding="utf-8")
    with pytest.raises(data.DataError) as caught:
        data.load(project)
    assert any("date changed from 2023 to 2024" in str(p) for p in caught.value.problems)
    # a new update dated only to a month must say the day it was recorded (the feed's stamp)
    new_update = "- date: '2026-11'\n  text: A new event.\n  source: kibhr-2023-mamai-convicted\ncase:"
    path.write_text(published.replace("\ncase:", "\n" + new_update, 1), encoding="utf-8")
    with pytest.raises(data.DataError) as caught:
        data.load(project)
    assert any("recorded: this update is new and dated only '2026-11'" in str(p) and "add `recorded: 'YYYY-MM-DD'`" in str(p)
               for p in caught.value.problems), caught.value.problems
    path.write_text(published.replace("\ncase:", "\n" + new_update.replace("\n  text: A new", "\n  recorded: '2026-12-03'\n  text: A new"), 1),
                    encoding="utf-8")
    assert data.load(project)


def test_versions_are_listed_from_the_committed_file_and_released_with_checksums(built_site, site_data, tmp_path):
    """Issue #23, item 3: versions.html lists data/versions.yml in each language; the release's
    files are the offline copy, the dossiers, the briefs, the open data and their SHA-256 sums; a
    tag the file does not list is refused."""
    import hashlib

    from sitegen import release
    tags = [v["tag"] for v in site_data.versions]
    assert tags and tags == sorted(tags, reverse=True)
    for code in ("", "ru/", "kk/"):
        page = soup(built_site / f"{code}versions.html")
        assert [li["id"] for li in page.select(".kz-versions > li")] == tags
        link = page.select_one(".kz-versions a")["href"]
        assert link.endswith(f"/releases/tag/{tags[0]}")
        if code:
            assert page.select_one(".kz-versions p[lang=en]"), "the English-only notes are marked"
    assert soup(built_site / "people/maks-bokayev.html").select_one(".kz-cite__versions a")["href"] == "../versions.html"
    names = release.release_files(built_site, tmp_path / "r", tags[0], site_data.versions, "Site")
    assert f"briefs-{tags[0]}.zip" in names and "dossier-en.pdf" in names and f"open-data-{tags[0]}.zip" in names
    for line in (tmp_path / "r/SHA256SUMS").read_text(encoding="utf-8").splitlines():
        digest, name = line.split("  ")
        assert hashlib.sha256((tmp_path / "r" / name).read_bytes()).hexdigest() == digest
    with pytest.raises(ValueError, match="not in data/versions.yml"):
        release.release_files(built_site, tmp_path / "x", "data-2099-01-01", site_data.versions, "Site")


def test_a_bad_versions_file_names_the_line_and_the_fix():
    from sitegen import checks, yaml_source
    versions, lines = yaml_source.load("- tag: data-2026-12-01\n  changes: First.\n- tag: data-2026-12-05\n  changes: Second.\n"
                                       "- tag: v2\n  changes: x\n")
    found = [str(p) for p in checks.check_versions(versions, lines)]
    assert found == ["data/versions.yml:3: #2.tag: 'data-2026-12-05' comes after 'data-2026-12-01' — list versions newest first, one per day",
                     "data/versions.yml:5: #3.tag: 'v2' is not a version tag — write data-YYYY-MM-DD, the day of the release"], found
