"""The built site as a whole: no broken internal link, and the same input builds the same bytes."""
import filecmp
import os
import re
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT, assert_built, copy_project, keep_made_pdfs, soup

BASE = "kazakhstan-open-letter"  # the path of the default site_url: 404.html links from the site root


def lychee(site, tmp_path):
    """Run lychee offline over every page, with the site placed at its site_url path."""
    root = tmp_path / "root"
    root.mkdir()
    (root / BASE).symlink_to(site, target_is_directory=True)
    binary = shutil.which("lychee") or str(ROOT / ".venv/bin/lychee")
    return subprocess.run([binary, "--offline", "--include-fragments", "--no-progress", "--root-dir", str(root),
                           f"{BASE}/**/*.html"], cwd=root, capture_output=True, text=True, timeout=300)


def test_no_broken_internal_link_or_anchor(built_site, tmp_path):
    result = lychee(built_site, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 Errors" in result.stdout + result.stderr


def test_the_link_checker_catches_a_broken_anchor(built_site, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    about = site / "about.html"
    text = about.read_text(encoding="utf-8")
    broken = re.sub(r'href="?letter\.html"?(?=[ >])', 'href="letter.html#p99"', text, count=1)
    assert broken != text
    about.write_text(broken, encoding="utf-8")
    result = lychee(site, tmp_path)
    assert result.returncode != 0 and "about.html" in result.stdout + result.stderr


# Pagefind writes its filter indexes, and so the files that name them, in no fixed order
# (Pagefind/pagefind#638: fragments are stable since 1.3, "filter/metadata indexes" are not).
# Everything else must be byte-identical; the search still returns the same results.
UNSTABLE = re.compile(r"^pagefind/(filter/|pagefind\.[a-z]+_[0-9a-f]+\.pf_meta$|pagefind-entry\.json$)")


@pytest.mark.long(80)
def test_two_clean_builds_in_two_folders_days_apart_are_byte_identical(built_site, tmp_path):
    """The same commit builds the same bytes (README): the real site (built in the checkout) and a
    build in another folder, with empty caches, three days later by the clock (libfaketime), bar
    Pagefind's named exception."""
    second = copy_project(tmp_path / "somewhere-else")
    history = ROOT / ".git"  # the same commit, so the same versions (a worktree's .git is a file)
    shutil.copytree(history, second / ".git") if history.is_dir() else shutil.copy2(history, second / ".git")
    shutil.copy2(ROOT / ".gitignore", second / ".gitignore")  # what the build may keep (.cache/) is ignored
    faketime = shutil.which("faketime")
    assert faketime, "faketime is not installed: run `make test`, which installs Debian's faketime package"
    # The environment of the first build (`make test` exports the commit's SOURCE_DATE_EPOCH), but no
    # cache: the share images and PDFs are all made again here.
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SHARE_IMAGE_CACHE": str(tmp_path / "cache-b")}
    later = subprocess.run([faketime, "-f", "+3d", sys.executable, "-m", "sitegen", "build", "-d", str(tmp_path / "b")],
                           cwd=second, env=environment, capture_output=True, text=True, timeout=900)
    assert_built(later)
    # Nothing is written outside the output and cache folders, and nothing is left inside them.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b", "cache-b", "somewhere-else"]
    assert not [p.name for p in (tmp_path / "b").iterdir() if p.name.startswith(".")], "a build folder was left"
    status = subprocess.run(["git", "status", "--porcelain", "--untracked-files=all"], cwd=second,
                            capture_output=True, text=True, check=True).stdout
    assert not [line for line in status.splitlines() if line.startswith("??")], status
    differences = []

    def compare(cmp, where=""):
        differences.extend(os.path.join(where, f) for f in cmp.diff_files + cmp.left_only + cmp.right_only)
        for name, sub in cmp.subdirs.items():
            compare(sub, os.path.join(where, name))

    compare(filecmp.dircmp(built_site, tmp_path / "b"))
    # dircmp compares shallowly; confirm byte for byte
    for path in built_site.rglob("*"):
        other = tmp_path / "b" / path.relative_to(built_site)
        if path.is_file() and other.is_file() and path.read_bytes() != other.read_bytes():
            differences.append(str(path.relative_to(built_site)))
    differences = [d for d in differences if not UNSTABLE.match(d)]
    assert not differences, sorted(set(differences))
    fragments = sorted(p.name for p in (built_site / "pagefind/fragment").iterdir())
    assert fragments == sorted(p.name for p in (tmp_path / "b/pagefind/fragment").iterdir()), "Pagefind's fragments are stable"


@pytest.mark.long(16)
def test_plain_mkdocs_build_gives_a_site_whose_every_link_works(tmp_path, built_site):
    """MkDocs as its users expect: `mkdocs build --strict` alone (English), and a language alone
    (SITE_LANG=ru), each a site with no broken internal link and a switcher to what exists.
    (After the real build, whose PDFs it reuses.)"""
    project = keep_made_pdfs(copy_project(tmp_path / "p"))
    for code in ("en", "ru"):
        out = tmp_path / f"plain-{code}"
        environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_LANG": code}
        result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)], cwd=project,
                                env=environment, capture_output=True, text=True, timeout=900)
        assert_built(result)
        (tmp_path / f"lychee-{code}").mkdir()
        checked = lychee(out, tmp_path / f"lychee-{code}")
        assert checked.returncode == 0, checked.stdout + checked.stderr
        switcher = soup(out / "letter.html").select(".kz-langs a, .kz-langs [aria-current]")
        assert all(a.get("hreflang", code) == code for a in switcher), code
        assert (out / "data/people.json").exists() and (out / "downloads" / f"dossier-{code}.pdf").exists()
        footer = soup(out / "letter.html").select_one(".kz-zip-size")
        assert footer.get_text() == ")", "a page MkDocs writes is final: no size to fill in later, the parenthesis closed"


def test_every_external_link_has_noopener_noreferrer(built_site):
    from conftest import soup
    missing = []
    for page in built_site.rglob("*.html"):
        for a in soup(page).find_all("a", href=True):
            if a["href"].startswith(("http://", "https://")):
                rel = set(a.get("rel") or [])
                if not {"noopener", "noreferrer"} <= rel:
                    missing.append(f"{page.relative_to(built_site)}: {a['href'][:60]}")
    assert not missing, missing[:10]


def test_built_pages_never_allow_inline_scripts_by_default(built_site):
    for page in built_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "'unsafe-inline'" not in html and "__CSP__" not in html, page.name


def test_only_the_dev_server_allows_its_live_reload_script_and_a_built_page_never_carries_one():
    from sitegen import security
    html = "<html><head><script>livereload(1, 2)</script></head></html>"
    assert "'unsafe-inline'" in security.content_security_policy(html, dev_server=True)
    with pytest.raises(security.InlineScript, match="move it into a file"):
        security.content_security_policy(html)
    data_only = '<script type="application/ld+json">{"@type": "WebSite"}</script><script src="a.js"></script>'
    assert "sha256" not in security.content_security_policy(data_only)
    # hostile text quoted in a title or an attribute is text, not a script
    quoted = '<title><script>alert(1)</script> Name</title><meta content="<script>alert(1)</script>" name=description>'
    assert "unsafe-inline" not in security.content_security_policy(quoted)
    # the quick first look never lets a real inline script by: odd spellings still stop the build
    for hidden in ('<SCRIPT>alert(1)</SCRIPT>', '<script data-x="a>b">alert(1)</script>',
                   '<script type="module">go()</script>', '<script data-note="src=x">alert(1)</script>',
                   '<script src="a.js"></script><script\ntype="text/javascript">alert(1)</script>'):
        with pytest.raises(security.InlineScript):
            security.content_security_policy(hidden)


def test_a_theme_fix_that_stops_matching_stops_the_build():
    from sitegen import theme_fixes
    with pytest.raises(theme_fixes.ThemeChanged, match="menu button"):
        theme_fixes.menu_button("<header>a new theme's markup</header>", "Navigation")


def test_no_template_source_is_published(built_site):
    assert not (built_site / "components").exists()
    assert not list(built_site.rglob("*.j2")) and not (built_site / "generated.html").exists()


def test_every_page_runs_only_the_sites_own_script_files(built_site):
    """No inline script runs on any page (Material's own inline ones are files here), so each
    page's policy allows scripts from the site's files only; the search page adds WebAssembly."""
    for page in built_site.rglob("*.html"):
        meta = soup(page).find("meta", attrs={"http-equiv": "Content-Security-Policy"})
        if meta is None:
            continue
        scripts = next(d.strip() for d in meta["content"].split(";") if d.strip().startswith("script-src"))
        allowed = {"script-src 'self'", "script-src 'self' 'wasm-unsafe-eval'"}
        assert scripts in allowed, f"{page.relative_to(built_site)}: {scripts}"


def test_compiled_templates_are_kept_apart_by_the_options_that_change_them(tmp_path, monkeypatch):
    """.cache/jinja keeps what Jinja compiles (a warm build compiles no template); an environment
    that escapes and one that does not never load each other's compiled code."""
    import jinja2

    from sitegen import render
    monkeypatch.setattr(render, "COMPILED", tmp_path)
    templates = {"t.html": "{{ x }}"}

    def env(escape):
        environment = jinja2.Environment(loader=jinja2.DictLoader(templates), autoescape=escape)
        render.keep_compiled_templates(environment, "test")
        return environment
    assert env(True).get_template("t.html").render(x="<b>") == "&lt;b&gt;"
    assert env(False).get_template("t.html").render(x="<b>") == "<b>"
    assert len(list(tmp_path.glob("test-*.cache"))) == 2
    again = env(True)
    again.compile = None  # a warm load compiles nothing: it reads the cache
    assert again.get_template("t.html").render(x="<b>") == "&lt;b&gt;"


def test_one_jinja_environment_renders_pages_components_and_pdfs():
    """Pages, components, macros, the feed, the dossier and the briefs render with one kind of
    environment, made in one place (render.environment: the theme's, ours escaping); no module
    makes another, and profiles are rendered by a template, not pasted into page content."""
    import ast
    made = []
    for module in [*sorted((ROOT / "sitegen").glob("*.py")), ROOT / "macros.py"]:
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                    and node.func.attr in ("Environment", "get_env", "component_env"):
                made.append((module.name, node.func.attr))
    assert made == [("render.py", "get_env")], made
    generated = (ROOT / "overrides/generated.html").read_text(encoding="utf-8")
    assert '{% include "components/person.html" %}' in generated
