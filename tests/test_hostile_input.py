"""Bad and hostile data (tests/corpus): refused with a clear message, or rendered inert.

Every case in corpus/cases.yml is placed beside the real records. An `error` case must be
refused with `path:line: field: message — fix`; an `ok` case must be accepted and its text
shown exactly as written, escaped, with every other record still on the site.
"""
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from conftest import assert_built, build, copy_project, soup
from sitegen import data

CORPUS = Path(__file__).parent / "corpus"
CASES = yaml.safe_load((CORPUS / "cases.yml").read_text(encoding="utf-8"))
FILE_CASES = {k: v for k, v in CASES.items() if k.endswith(".yml")}
SOURCE_CASES = {k: v for k, v in CASES.items() if "source_url" in v}


def test_every_corpus_file_has_an_expectation():
    files = {p.name for p in CORPUS.glob("*.yml")} - {"cases.yml"}
    assert files == set(FILE_CASES)


@pytest.mark.parametrize("name", sorted(k for k, v in FILE_CASES.items() if "error" in v))
def test_bad_file_is_refused_naming_file_line_and_field(project, name):
    case = FILE_CASES[name]
    (project / "data/people" / name).write_bytes((CORPUS / name).read_bytes())
    with pytest.raises(data.DataError) as caught:
        data.load(project)
    lines = [str(p) for p in caught.value.problems]
    expected_prefix = f"data/people/{name}:{case['line']}: " if "duplicate-slug" not in name else "data/people/"
    assert any(line.startswith(expected_prefix) and case["error"] in line for line in lines), "\n".join(lines)
    assert all(" — " in line for line in lines), "every message says how to fix it"


@pytest.mark.parametrize("name", sorted(SOURCE_CASES))
def test_source_url_that_is_not_the_web_is_refused(project, name):
    sources = project / "data/sources.yml"
    entry = {"hostile": {"title": "T", "publisher": "P", "url": SOURCE_CASES[name]["source_url"]}}
    sources.write_text(sources.read_text(encoding="utf-8") + "\n" + yaml.safe_dump(entry), encoding="utf-8")
    with pytest.raises(data.DataError) as caught:
        data.load(project)
    assert f"hostile.{SOURCE_CASES[name]['error']}" in str(caught.value)


def test_the_build_refuses_all_bad_files_at_once_and_publishes_nothing(project, tmp_path):
    for name, case in FILE_CASES.items():
        if "error" in case:
            (project / "data/people" / name).write_bytes((CORPUS / name).read_bytes())
    result = build(project, tmp_path / "out")
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output
    for name, case in FILE_CASES.items():
        if "error" in case:
            assert f"data/people/{name}:" in output or name.startswith("duplicate-slug"), name
    assert not (tmp_path / "out" / "index.html").exists()


@pytest.fixture(scope="module")
def accepted_site(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("accepted"))
    for name, case in FILE_CASES.items():
        if "ok" in case:
            (project / "data/people" / name).write_bytes((CORPUS / name).read_bytes())
    out = project / "out"
    assert_built(build(project, out, pdfs=False))
    return project, out


@pytest.mark.parametrize("name", sorted(k for k, v in FILE_CASES.items() if "ok" in v))
def test_legitimate_text_is_rendered_exactly_as_written(accepted_site, name):
    project, out = accepted_site
    record = yaml.safe_load((CORPUS / name).read_text(encoding="utf-8-sig"))
    page = out / "people" / name.replace(".yml", ".html")
    doc = soup(page)
    assert doc.find("h1").get_text() == record["name"] == FILE_CASES[name]["ok"]
    facts = " ".join(doc.select_one("ul.kz-facts").get_text().split())
    assert " ".join(record["facts"][0]["text"].split()) in facts
    assert not doc.select("[onerror], [onclick], img[src=x], div[markdown]")
    assert not doc.select('[href^="javascript:"], [href^="data:"], [src^="data:text"]')


def test_every_real_record_is_still_there_beside_the_accepted_cases(accepted_site, site_data):
    _, out = accepted_site
    index = soup(out / "people/index.html")
    linked = {a["href"] for a in index.select(".kz-index__list a")}
    for person in site_data.people:
        assert f"{person['slug']}.html" in linked


# -- property: whatever YAML arrives, the loader accepts it or explains; it never crashes ------

scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=30),
                    st.sampled_from(["2017-10", "2017-02-30", "letter#p8", "imprisoned", "journalist", "pace-wd-660"]))
values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.one_of(st.text(max_size=12), st.sampled_from(
        ["name", "group", "role", "status", "facts", "text", "source", "as_of", "updates", "date", "added", "aliases"])),
        inner, max_size=6)), max_leaves=20)
documents = st.one_of(values.map(lambda v: yaml.safe_dump(v, allow_unicode=True)), st.text(max_size=200))


@pytest.fixture(scope="module")
def scratch(tmp_path_factory):
    return copy_project(tmp_path_factory.mktemp("scratch"))


@pytest.mark.long(20)
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(document=documents)
@example(document="{1: a, b: c}\n")  # keys of two types cannot be sorted: reported, never a traceback
@example(document="former_slugs: 1\n")  # the same for the former addresses
@example(document="updates: 1.0\n")  # a field of the wrong type is reported by the schema, and no other check trips on it
def test_loader_accepts_or_explains_any_yaml_and_never_crashes(scratch, document):
    file = scratch / "data/people/generated.yml"
    file.write_text(document, encoding="utf-8")
    data._cache.clear()
    try:
        data.load(scratch)
    except data.DataError as error:
        for problem in error.problems:
            assert problem.path and problem.line >= 1 and problem.field and problem.message
    finally:
        file.unlink()


def test_cli_never_prints_a_traceback_on_binary_garbage(project):
    (project / "data/people/garbage.yml").write_bytes(b"\x00\xff\xfe\x00garbage\x81")
    result = subprocess.run([sys.executable, "-m", "sitegen", "check"], cwd=project, capture_output=True, text=True)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "data/people/garbage.yml:1: (file): not UTF-8 text" in result.stderr
