"""Checkers nobody here wrote: the W3C Nu HTML checker on every built page.

HTML_CodeSniffer and the keyboard walk run in the browser (tests/test_browser.py); the
standard YAML parser and JSON Schema check on the data are in tests/test_data.py.
"""
import shutil
import subprocess

import pytest

from conftest import ROOT, html_pages

VNU = ROOT / "tests/tools/node_modules/vnu-jar/build/dist/vnu.jar"


@pytest.mark.long(19)
def test_the_w3c_checker_finds_no_error_on_any_page(built_site):
    java = shutil.which("java")
    if java is None or not VNU.exists():
        pytest.fail("the W3C checker needs Java and tests/tools: run `make test`, which installs both")
    pages = [str(p) for p in html_pages(built_site)]
    # A short run: the JVM's quick compiler alone (half the CPU of the full one here), with the
    # deeper thread stack the checker's schema then needs, and the simple collector.
    quick = ["-XX:TieredStopAtLevel=1", "-Xss16m", "-XX:+UseSerialGC"]
    result = subprocess.run([java, *quick, "-jar", str(VNU), "--errors-only", "--format", "gnu", *pages],
                            capture_output=True, text=True, timeout=600)
    errors = [line.replace(str(built_site), "") for line in result.stderr.splitlines() + result.stdout.splitlines() if line.strip()]
    assert not errors and result.returncode == 0, "\n".join(errors[:40])
