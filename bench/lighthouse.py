"""Lighthouse (npm lighthouse@12.2.3, mobile preset) on four pages of a fresh build.

Usage: .venv/bin/python bench/lighthouse.py   (or `make lighthouse`)
Prints the four category scores per page and writes bench/results/lighthouse.json.
Needs node/npm (npx fetches lighthouse from the npm registry) and Debian's chromium.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from serve import serve  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
PAGES = {"home": "index.html", "letter": "letter.html", "index": "people/index.html", "profile": "people/maks-bokayev.html"}
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]


def main() -> int:
    chromium = shutil.which("chromium")
    if not chromium:
        print("chromium is not installed (apt-get install chromium)", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)], cwd=ROOT, check=True,
                       capture_output=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
        results = {}
        with serve(site) as origin:
            for name, path in PAGES.items():
                out = Path(tmp) / f"{name}.json"
                subprocess.run(
                    ["npx", "--yes", "lighthouse@12.2.3", origin + path, "--quiet", "--output=json", f"--output-path={out}",
                     "--only-categories=" + ",".join(CATEGORIES),
                     "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking "
                     "--disable-component-update --no-first-run --disable-sync"],
                    check=True, env={**os.environ, "CHROME_PATH": chromium}, capture_output=True)
                report = json.loads(out.read_text())
                results[name] = {
                    "scores": {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES},
                    "failing": sorted({a for c in CATEGORIES for ref in report["categories"][c]["auditRefs"]
                                       if ref["weight"] > 0 and (a := ref["id"])
                                       and (report["audits"][a]["score"] is not None and report["audits"][a]["score"] < 1)}),
                }
    print(f"{'page':<10}" + "".join(f"{c:>16}" for c in CATEGORIES))
    for name, result in results.items():
        print(f"{name:<10}" + "".join(f"{result['scores'][c]:>16}" for c in CATEGORIES))
        if result["failing"]:
            print(f"{'':<10}below 100 on: {', '.join(result['failing'])}")
    (ROOT / "bench" / "results").mkdir(exist_ok=True)
    (ROOT / "bench" / "results" / "lighthouse.json").write_text(json.dumps(results, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
