"""The repository's own configuration, checked offline: workflows, dependabot, issue forms."""
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT

GITHUB = ROOT / ".github"
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.yml"))
FORMS = sorted(p for p in (GITHUB / "ISSUE_TEMPLATE").glob("*.yml") if p.name != "config.yml")


def tool(name):
    return shutil.which(name) or str(Path(sys.executable).parent / name)


def run(*args):
    return subprocess.run(args, capture_output=True, text=True, timeout=300)


def test_ruff_finds_nothing_in_the_python():
    result = run(tool("ruff"), "check", "--no-cache", str(ROOT))
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_data_layer_does_not_import_the_rendering_layer():
    """Issue #25, 3: loading and checking the data needs no template, theme or page code."""
    code = ("import sys; import sitegen.data, sitegen.checks, sitegen.i18n; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('jinja2', 'markupsafe', 'mkdocs', 'material') "
            "or m in ('sitegen.render', 'sitegen.words', 'sitegen.links', 'sitegen.mkdocs_hook')))")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]", result.stdout


def test_no_class_under_sitegen_has_more_than_20_methods():
    """Issue #25: the helpers are split into small modules named for what they know."""
    import ast
    big = []
    for path in sorted((ROOT / "sitegen").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                methods = [n for n in node.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]
                if len(methods) > 20:
                    big.append(f"{path.name}: {node.name} has {len(methods)} methods")
    assert not big, big


def test_zizmor_reports_no_findings_offline():
    result = run(tool("zizmor"), "--offline", *map(str, WORKFLOWS))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings to report" in result.stdout + result.stderr


@pytest.mark.parametrize("schema, files", [
    ("vendor.github-workflows", WORKFLOWS),
    ("vendor.dependabot", [GITHUB / "dependabot.yml"]),
    ("vendor.github-issue-forms", FORMS),
    ("vendor.github-issue-config", [GITHUB / "ISSUE_TEMPLATE/config.yml"]),
])
def test_files_validate_against_their_published_schemas(schema, files):
    result = run(tool("check-jsonschema"), "--builtin-schema", schema, *map(str, files))
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_action_is_pinned_by_full_sha_with_a_version_comment():
    for workflow in WORKFLOWS:
        for line in workflow.read_text(encoding="utf-8").splitlines():
            if "uses:" in line:
                assert re.search(r"uses: [\w./-]+@[0-9a-f]{40} # v\d+(\.\d+)*$", line), f"{workflow.name}: {line.strip()}"


def test_least_privilege_and_no_risky_triggers():
    for workflow in WORKFLOWS:
        text = workflow.read_text(encoding="utf-8")
        spec = yaml.safe_load(text)
        assert spec["permissions"] == {}, workflow.name
        assert "pull_request_target" not in text and "secrets." not in text, workflow.name
        for job in spec["jobs"].values():
            assert "permissions" in job, workflow.name
            for step in job.get("steps", []):
                if str(step.get("uses", "")).startswith("actions/checkout@"):
                    assert step["with"]["persist-credentials"] is False


def test_deploy_uses_the_pages_artifact_flow():
    deploy = yaml.safe_load((GITHUB / "workflows/deploy.yml").read_text(encoding="utf-8"))
    uses = [s.get("uses", "") for job in deploy["jobs"].values() for s in job["steps"]]
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    assert any(u.startswith("actions/deploy-pages@") for u in uses)
    assert deploy["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}


def test_check_workflow_runs_the_data_check_and_the_full_suite():
    text = (GITHUB / "workflows/check.yml").read_text(encoding="utf-8")
    assert "make check-data" in text and "make test" in text and "actions/upload-artifact@" in text


def test_blank_issues_are_off_and_corrections_require_a_source():
    assert yaml.safe_load((GITHUB / "ISSUE_TEMPLATE/config.yml").read_text())["blank_issues_enabled"] is False
    form = yaml.safe_load((GITHUB / "ISSUE_TEMPLATE/correct-profile.yml").read_text(encoding="utf-8"))
    fields = {item.get("id"): item for item in form["body"]}
    assert fields["source"]["validations"]["required"] is True
    assert fields["slug"]["validations"]["required"] is True


def test_report_link_prefills_the_correction_form(built_site, site_data):
    from conftest import soup
    for person in site_data.people:
        link = soup(built_site / "people" / f"{person['slug']}.html").find("a", string="Report an inaccuracy")
        assert link["href"].endswith(f"/issues/new?template=correct-profile.yml&slug={person['slug']}")


def test_codeowners_cover_code_templates_and_workflows():
    owners = (GITHUB / "CODEOWNERS").read_text(encoding="utf-8")
    for path in ("/macros.py", "/sitegen/", "/overrides/", "/.github/"):
        assert re.search(rf"^{re.escape(path)}\s+@", owners, re.M), path


def test_new_person_skeleton_fits_the_schema_and_is_refused_until_filled(tmp_path):
    import jsonschema

    from conftest import copy_project
    from sitegen import checks, data, yaml_source
    from sitegen.scaffold import slugify, write_skeleton
    assert slugify("Мұхтар Жәкішев") == "mukhtar-zhakishev"
    assert slugify("Gyuzal Baydalinova") == "gyuzal-baydalinova"
    assert slugify("Әлия Қасымқызы-Ұлы") == "aliya-kasymkyzy-uly"
    project = copy_project(tmp_path / "p")
    path = write_skeleton(project, "Мұхтар Жәкішев")
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schema/person.schema.json\n")
    record, _ = yaml_source.load(text)
    jsonschema.validate(record, checks.load_schema(ROOT))
    with pytest.raises(data.DataError) as caught:
        data.load(project)
    assert all("placeholder" in p.message for p in caught.value.problems)
    assert len(caught.value.problems) == 5  # status.as_of, status.source, the fact's text and source, last_searched


def test_pull_request_template_asks_for_sources_and_the_data_check():
    template = (GITHUB / "pull_request_template.md").read_text(encoding="utf-8")
    assert "source" in template and "make check-data" in template


def test_each_xdist_worker_starts_on_its_share_of_the_long_tests():
    """`make test`'s order (conftest.long_tests_first): every test once; each worker's first run
    of tests (as worksteal hands them out) begins with long ones, whose seconds are shared out
    within the longest of them; the other tests keep their order."""
    from conftest import long_tests_first
    items = [f"t{i}" for i in range(40)]
    seconds = {"t3": 80, "t10": 60, "t11": 35, "t12": 35, "t20": 20, "t30": 18, "t31": 18}
    order = long_tests_first(items, seconds, 4)
    assert sorted(order) == sorted(items)
    runs, left, start = [], len(order), 0
    for worker in range(4):
        size = left // (4 - worker)
        runs.append(order[start:start + size])
        start, left = start + size, left - size
    loads = []
    for run in runs:
        long = [t for t in run if t in seconds]
        assert run[:len(long)] == long, "the long tests come first in each run"
        loads.append(sum(seconds[t] for t in long))
    assert sum(loads) == sum(seconds.values()) and max(loads) - min(loads) <= max(seconds.values())
    assert [t for t in order if t not in seconds] == [t for t in items if t not in seconds]
    assert order.index("t3") == 0, "the longest starts first"
