"""Each validation rule, shown failing on a small bad file placed beside the real data."""
import subprocess
import sys

import pytest

from conftest import ROOT, build, problems_for
from sitegen import data

GOOD = """# yaml-language-server: $schema=../schema/person.schema.json
name: Test Person
group: imprisoned
role: journalist
status: {state: imprisoned, as_of: 2019-05, source: pace-wd-660}
facts:
  - {text: A sourced sentence., source: pace-wd-660}
added: 2026-11-25
last_verified: 2026-11-25
last_searched: 2026-11-25
"""


def test_a_good_extra_record_is_accepted(project):
    (project / "data/people/test-person.yml").write_text(GOOD, encoding="utf-8")
    assert "test-person" in data.load(project).by_slug


CASES = [
    # (description, filename, text, expected "path:line: field: message" fragments)
    ("unknown field", "t.yml", GOOD + "nickname: x\n", ["t.yml:11: nickname: unknown field"]),
    ("a position that changes the situation", "t.yml",
     GOOD.replace("added: 2026-11-25", "updates:\n  - {date: '2019', stated_by: the court, state: released, text: Said so., source: pace-wd-660}\nadded: 2026-11-25"),
     ["t.yml:9: updates #1.stated_by: a position of the authorities does not change the person's situation"]),
    ("site day not a day", "t.yml", GOOD.replace("last_searched: 2026-11-25", "last_searched: 2026-11"),
     ["t.yml:10: last_searched: '2026-11' is not a day — this is the day of the site's own work: write it as YYYY-MM-DD"]),
    ("missing field", "t.yml", GOOD.replace("role: journalist\n", ""), ["t.yml:2: role: missing"]),
    ("unknown group", "t.yml", GOOD.replace("group: imprisoned", "group: jailed"), ["t.yml:3: group: 'jailed' is not allowed — use one of"]),
    ("unknown source", "t.yml", GOOD.replace("source: pace-wd-660}\nadded", "source: blog}\nadded"), ["t.yml:7: facts #1.source: unknown source 'blog'"]),
    ("letter paragraph out of range", "t.yml", GOOD.replace("source: pace-wd-660}\nadded", "source: letter#p40}\nadded"), ["facts #1.source: the letter has paragraphs 1 to 21"]),
    ("paragraph cited for another source", "t.yml", GOOD.replace("source: pace-wd-660}\nadded", "source: hrw-2016-11-29#p2}\nadded"), ["only the letter is cited by paragraph"]),
    ("impossible date", "t.yml", GOOD.replace("2019-05", "2019-02-30"), ["t.yml:5: status.as_of: '2019-02-30' does not exist"]),
    ("malformed date", "t.yml", GOOD.replace("2019-05", "May 2019"), ["status.as_of: 'May 2019' is not a date — write YYYY"]),
    ("wrong type", "t.yml", GOOD.replace("facts:\n  - {text: A sourced sentence., source: pace-wd-660}", "facts: one fact"), ["t.yml:6: facts: should be a list"]),
    ("empty text", "t.yml", GOOD.replace("A sourced sentence.", "''"), ["facts #1.text: is empty"]),
    ("filename is not a slug", "Test_Person.yml", GOOD, ["Test_Person.yml:1: (file): file name 'Test_Person.yml' is not a valid slug"]),
    ("unexpected file", "notes.txt", "hello", ["notes.txt:1: (file): unexpected file in data/people"]),
    ("duplicate key", "t.yml", GOOD + "name: Other\n", ["t.yml:11: name: written twice (also on line 2)"]),
    ("YAML syntax error", "t.yml", GOOD.replace("group: imprisoned", "group: [imprisoned"), ["t.yml:", "YAML syntax"]),
    ("tab", "t.yml", GOOD.replace("  - {text", "\t- {text"), ["t.yml:7: (file): a tab character — indent with spaces"]),
    ("same name twice (a duplicate slug under another file name)", "maks-bokayev-2.yml",
     GOOD.replace("Test Person", "Maks Bokayev"), ["maks-bokayev-2.yml:2: name: same name as data/people/maks-bokayev.yml", "maks-bokayev.yml:2: name: same name as data/people/maks-bokayev-2.yml"]),
    ("name not in the paragraph", "t.yml", GOOD + "letter_paragraphs: [3]\n", ["letter_paragraphs #1: paragraph 3 of the letter does not contain 'Test Person'"]),
    ("not a mapping", "t.yml", "- just\n- a list\n", ["t.yml:1: (file): should hold a person's fields"]),
]


@pytest.mark.parametrize("what, filename, text, expected", CASES, ids=[c[0] for c in CASES])
def test_each_rule_reports_file_line_field_and_fix(project, what, filename, text, expected):
    problems = problems_for(project, text, filename)
    joined = "\n".join(problems)
    for fragment in expected:
        assert fragment in joined, joined
    for line in problems:
        assert line.startswith("data/people/"), line
        assert " — " in line, f"no advice on how to fix: {line}"


def test_all_problems_are_reported_in_one_run(project):
    (project / "data/people/a.yml").write_text(GOOD.replace("group: imprisoned", "group: x"), encoding="utf-8")
    (project / "data/people/b.yml").write_text(GOOD.replace("Test Person", "Other").replace("2019-05", "2019-13"), encoding="utf-8")
    with pytest.raises(data.DataError) as caught:
        data.load(project)
    paths = {p.path for p in caught.value.problems}
    assert paths == {"data/people/a.yml", "data/people/b.yml"}


def test_letter_counts_are_checked_against_the_records(project):
    (project / "data/people/ermek-taychibekov.yml").unlink()
    with pytest.raises(data.DataError) as caught:
        data.load(project)
    assert "stated_counts.imprisoned: the letter says 17 (paragraph 8) but data/people has 16" in str(caught.value)


def test_unknown_source_in_sources_file_is_reported(project):
    sources = project / "data/sources.yml"
    sources.write_text(sources.read_text(encoding="utf-8") + "\nbad-url:\n  title: X\n  publisher: Y\n  url: javascript:alert(1)\n", encoding="utf-8")
    with pytest.raises(data.DataError) as caught:
        data.load(project)
    assert "data/sources.yml:" in str(caught.value) and "bad-url.url: not a web address" in str(caught.value)


def test_check_data_command_exits_non_zero_with_annotations_and_no_traceback(project):
    (project / "data/people/t.yml").write_text(GOOD.replace("group: imprisoned", "group: x"), encoding="utf-8")
    import shutil
    shutil.copytree(ROOT / "sitegen", project / "sitegen", dirs_exist_ok=True)
    result = subprocess.run([sys.executable, "-m", "sitegen", "check", "--github"], cwd=project,
                            capture_output=True, text=True)
    assert result.returncode == 1
    assert "::error file=data/people/t.yml,line=3,title=Data check::group: 'x' is not allowed" in result.stdout
    assert "data/people/t.yml:3: group:" in result.stderr
    assert "Traceback" not in result.stdout + result.stderr


def test_check_data_command_passes_on_the_real_data():
    result = subprocess.run([sys.executable, "-m", "sitegen", "check"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "29 people" in result.stdout


def test_a_bad_record_stops_the_build_with_a_message_not_a_traceback(project, tmp_path):
    (project / "data/people/t.yml").write_text(GOOD.replace("2019-05", "2019-02-30"), encoding="utf-8")
    result = build(project, tmp_path / "out")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "data/people/t.yml:5: status.as_of: '2019-02-30' does not exist in the calendar" in output
    assert "Traceback" not in output
    assert not (tmp_path / "out" / "people" / "t.html").exists()


def test_text_fields_may_carry_other_languages_and_english_is_shown(project, tmp_path):
    from conftest import assert_built, soup
    localized = GOOD.replace("name: Test Person", "name: {en: Test Person, ru: Тестовый Человек, kk: Тест Адам}").replace(
        "text: A sourced sentence.", "text: {en: A sourced sentence., ru: Предложение с источником.}")
    (project / "data/people/test-person.yml").write_text(localized, encoding="utf-8")
    assert data.load(project).by_slug["test-person"]["name"]["kk"] == "Тест Адам"
    out = tmp_path / "out"
    assert_built(build(project, out, pdfs=False))
    doc = soup(out / "people/test-person.html")
    assert doc.find("h1").get_text() == "Test Person"
    assert "A sourced sentence." in doc.select_one("ul.kz-facts").get_text()


def test_a_language_that_is_not_planned_is_refused(project):
    problems = problems_for(project, GOOD.replace("text: A sourced sentence.", "text: {en: A sentence., de: Ein Satz.}"), "t.yml")
    assert any("facts #1.text" in p for p in problems), problems


def test_a_broken_translation_file_is_a_problem_with_its_line_not_a_traceback(project):
    """Rule 3: a translation file (a person's, or a page's front matter) that YAML cannot read
    stops the build with file:line and what to fix, like any other data file."""
    (project / "translations/kk/people/maks-bokayev.yml").write_text("name: [unclosed\n", encoding="utf-8")
    page = project / "translations/ru/docs/about.md"
    page.write_text(page.read_text(encoding="utf-8").replace("translation: {", "translation: {{", 1), encoding="utf-8")
    with pytest.raises(data.DataError) as caught:
        data.load(project)
    found = [str(p) for p in caught.value.problems]
    assert any(p.startswith("translations/kk/people/maks-bokayev.yml:") and "YAML syntax" in p for p in found), found
    assert any(p.startswith("translations/ru/docs/about.md:") and "front matter: YAML syntax" in p for p in found), found


def test_a_prose_page_citing_an_unknown_source_names_the_page_and_line(project):
    page = project / "docs/pace.md"
    lines = page.read_text(encoding="utf-8").splitlines()
    number = next(i for i, line in enumerate(lines, start=1) if "cite_source(" in line)
    lines[number - 1] = lines[number - 1].replace("cite_source(\"", "cite_source(\"no-such-", 1)
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(data.DataError) as caught:
        data.load(project)
    assert [str(p) for p in caught.value.problems][0].startswith(f"docs/pace.md:{number}: cite_source: unknown source 'no-such-")


def test_a_file_read_again_gives_its_reader_a_copy_and_the_same_problem(project):
    """Files already read are not parsed again (a live reload reparses only what changed); each
    load still gets values of its own to change, and a bad file is reported every time."""
    from sitegen import data, yaml_source
    first = data.load(project)
    first.people[0]["name"] = "changed by a caller"
    data._cache.clear()
    assert data.load(project).people[0]["name"] != "changed by a caller"
    for _ in range(2):
        with pytest.raises(yaml_source.YamlProblem) as caught:
            yaml_source.load("name: A\nname: B\n")
        assert caught.value.line == 2 and "written twice" in caught.value.message
