"""Screenshots for reviewers: `make screenshots` writes PNGs of the home page, the letter, the
people index and a profile, at 360, 768 and 1280 pixels wide, in light and dark mode, into
screenshots/ (ignored by git). The pull-request check uploads them, so a reviewer sees a
change without building it. Uses the built site in site/ (run `make build` first; the make
target does) and Debian's Chromium.
"""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from serve import serve  # noqa: E402

PAGES = {"home": "index.html", "letter": "letter.html", "people": "people/index.html", "profile": "people/maks-bokayev.html"}
WIDTHS = (360, 768, 1280)
SCHEMES = ("light", "dark")


def main(site: Path = ROOT / "site", out: Path = ROOT / "screenshots") -> int:
    from playwright.sync_api import sync_playwright
    if not (site / "index.html").exists():
        print("screenshots: no built site in site/ — run `make build` first", file=sys.stderr)
        return 1
    out.mkdir(exist_ok=True)
    written = 0
    with serve(site) as origin, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium"), args=["--no-sandbox", "--disable-gpu"])
        for scheme in SCHEMES:
            for width in WIDTHS:
                context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
                # nothing leaves this machine
                context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(origin) else route.abort())
                page = context.new_page()
                for name, path in PAGES.items():
                    page.goto(origin + path, wait_until="load")
                    page.wait_for_timeout(100)
                    page.screenshot(path=str(out / f"{name}-{width}-{scheme}.png"), full_page=True)
                    written += 1
                context.close()
        browser.close()
    print(f"screenshots: {written} PNG files in {out.relative_to(ROOT)}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
