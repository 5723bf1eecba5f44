"""Every page in a real browser (Debian's Chromium through Playwright), served on 127.0.0.1.

Each test visits every page and collects failures as "page: rule: detail", so one run
shows everything that is wrong.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import html_pages, kind_of, language_of, one_of_each

pytestmark = pytest.mark.browser

WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# The other two engines, npm-locked in tests/tools (installed by `make test`, no download).
HTMLCS = Path(__file__).parent / "tools/node_modules/html_codesniffer/build/HTMLCS.js"
ACE = Path(__file__).parent / "tools/node_modules/accessibility-checker-engine/ace.js"


@pytest.fixture(scope="module")
def server(built_site):
    """The built site on 127.0.0.1 under its site_url path, compressed, as GitHub Pages serves it."""
    from serve import serve  # bench/serve.py (bench/ is on the path: conftest.py)
    with serve(built_site) as origin:
        yield origin


@pytest.fixture(scope="module")
def pages(built_site):
    return [p.relative_to(built_site).as_posix() for p in html_pages(built_site)]


class Visit:
    """A tab that records, page load by page load, console errors, CSP violations and requests to
    other hosts. One tab visits many pages (a new tab per page costs more than the page)."""

    def __init__(self, context, origin):
        self.page = context.new_page()
        self.origin = origin
        self.errors, self.foreign = [], []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", self._request)
        self.page.add_init_script(
            "window.__csp=[];document.addEventListener('securitypolicyviolation',"
            "e=>window.__csp.push(e.violatedDirective+' '+e.blockedURI))")

    def _request(self, request):
        url = request.url
        if not (url.startswith(self.origin) or url.startswith("data:") or url.startswith("blob:")):
            self.foreign.append(url)

    def open(self, path):
        self.errors.clear()
        self.foreign.clear()
        response = self.page.goto(self.origin + path, wait_until="load")
        self.page.wait_for_timeout(50)
        return response


@pytest.fixture(scope="module")
def one_of_each_kind(pages):
    """A page of each kind in each language (the checks that repeat the same template's markup)."""
    return one_of_each(pages)


def axe_failures(axe, page, path, scheme):
    results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG}, "resultTypes": ["violations"]})
    out = []
    for violation in results.response["violations"]:
        targets = [" ".join(n["target"]) if isinstance(n["target"], list) else str(n["target"]) for n in violation["nodes"][:3]]
        out.append(f"{path} ({scheme}): {violation['id']}: {violation['help']} at {targets}")
    return out


@pytest.mark.long(18)
@pytest.mark.parametrize("language", ["en", "ru", "kk"])  # a test per language: the workers share them out
def test_every_page_of_every_language_loads_cleanly_and_reflows_at_320px(browser, server, pages, language):
    """One visit per page, on a 320 px phone: no console error, no CSP violation, no request to
    another host, a policy and a referrer policy; no sideways scrolling (WCAG 1.4.10)."""
    failures = []
    context = browser.new_context(viewport={"width": 320, "height": 740}, is_mobile=True, has_touch=True,
                          color_scheme="light")
    visit = Visit(context, server)
    in_language = [p for p in pages if language_of(p) == language]
    assert in_language, f"no page in {language}: nothing would be checked"
    for path in in_language:
        response = visit.open(path)
        if path != "404.html" and response.status != 200:
            failures.append(f"{path}: HTTP {response.status}")
        for error in visit.errors:
            failures.append(f"{path}: console error: {error}")
        # What the page says of itself, in one call (a call per question costs more than the page).
        csp, referrers, violations, scroll, width = visit.page.evaluate("""() => [
            document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content'),
            document.querySelectorAll('meta[name="referrer"]').length, window.__csp,
            document.documentElement.scrollWidth, window.innerWidth]""")
        for violation in violations:
            failures.append(f"{path}: CSP violation: {violation}")
        for url in visit.foreign:
            failures.append(f"{path}: third-party request: {url}")
        if not csp or "default-src 'none'" not in csp:
            failures.append(f"{path}: no Content-Security-Policy")
        if referrers != 1:
            failures.append(f"{path}: no referrer policy")
        if scroll > width:
            wide = visit.page.evaluate("""() => [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
                .slice(0, 3).map(e => e.tagName + '.' + e.className)""")
            failures.append(f"{path}: scrolls sideways at 320px ({scroll}px wide): {wide}")
    context.close()
    assert not failures, "\n".join(failures)


def test_search_index_is_not_loaded_until_someone_searches(browser, server):
    context = browser.new_context()
    visit = Visit(context, server)
    requested = []
    visit.page.on("request", lambda r: requested.append(r.url))
    visit.open("people/maks-bokayev.html")
    assert not [u for u in requested if "pagefind" in u or "search_index" in u], requested
    context.close()


# In English, every engine at every width and scheme; in Russian and Kazakh, whose pages are the
# same markup with other words, every engine once, at phone width (what differs there is text:
# names of buttons and links, lang attributes, and the engines see those at any width).
ENGINE_RUNS = [("en", "light", 360, ("axe", "ibm")), ("en", "dark", 360, ("axe",)),
               ("en", "light", 1280, ("axe", "ibm", "htmlcs")),
               ("ru", "light", 360, ("axe", "ibm", "htmlcs")), ("kk", "light", 360, ("axe", "ibm", "htmlcs"))]


@pytest.mark.long(35)
@pytest.mark.parametrize("language, scheme, width, engines", ENGINE_RUNS)  # a test each: the workers share them out
def test_no_accessibility_engine_finds_a_violation_on_a_page_of_each_kind_in_each_language(
        browser, server, one_of_each_kind, language, scheme, width, engines):
    """Three engines on a page made from each template in each language (every profile, filter
    and article page is the same markup with other data: the checks of every page above, and the
    W3C checker on every page, cover what changes with the data), each page loaded once for all
    the engines of a width and scheme:
    - axe, WCAG 2.2 AA, at phone and desktop width, light and dark;
    - IBM Equal Access (accessibility-checker-engine, policy IBM_Accessibility) at phone and
      desktop width (issue #24, 9: it flagged Material's drawer, skip link, banner and
      colour-scheme markup on every page);
    - HTML_CodeSniffer, WCAG2AA errors.
    Widths and schemes change layout and colours, not words: they are checked in English; the
    other languages are checked by every engine at phone width (ENGINE_RUNS).
    The engines are evaluated through the browser's debugging protocol, as axe-playwright does,
    so the page keeps its Content-Security-Policy: they see what a reader's browser shows."""
    from axe_playwright_python.sync_playwright import Axe
    axe, failures = Axe(), []
    scripts = {"ibm": ACE.read_text(encoding="utf-8"), "htmlcs": HTMLCS.read_text(encoding="utf-8")}
    context = browser.new_context(color_scheme=scheme, viewport={"width": width, "height": 900})
    visit = Visit(context, server)
    where = f"{scheme}, {width}px"
    for path in [p for p in one_of_each_kind if language_of(p) == language]:
        visit.open(path)
        if "axe" in engines:
            failures += axe_failures(axe, visit.page, path, where)
        if "htmlcs" in engines:
            visit.page.evaluate(scripts["htmlcs"])
            errors = visit.page.evaluate("""() => new Promise(done => HTMLCS.process('WCAG2AA', document, () =>
                done(HTMLCS.getMessages().filter(m => m.type === HTMLCS.ERROR)
                     .map(m => m.code + ': ' + (m.element.outerHTML || '').slice(0, 120)))))""")
            failures += [f"{path} ({where}): HTML_CodeSniffer: {e}" for e in errors]
        if "ibm" in engines:
            visit.page.evaluate(scripts["ibm"])
            found = visit.page.evaluate("""async () => {
                const report = await new ace.Checker().check(document, ["IBM_Accessibility"]);
                return report.results.filter(r => r.value[0] === "VIOLATION" && r.value[1] === "FAIL")
                    .map(r => r.ruleId + ": " + r.message + " at " + (r.snippet || r.path.dom).slice(0, 120)); }""")
            failures += [f"{path} ({where}): IBM Equal Access: {f}" for f in found]
    context.close()
    assert not failures, "\n".join(failures[:60])


def test_the_kinds_cover_every_template(one_of_each_kind, pages):
    kinds = {kind_of(p) for p in pages}
    assert {"people/*", "people/status/*", "people/article/*", "articles/*", "briefs/*", "index.html", "how-we-count.html",
            "pace.html"} <= kinds
    assert len(one_of_each_kind) == len({(language_of(p), kind_of(p)) for p in pages})


def test_without_javascript_content_links_and_calls_to_action_are_there(browser, server, one_of_each_kind, site_data):
    failures = []
    context = browser.new_context(java_script_enabled=False)
    visit = Visit(context, server)
    for path in one_of_each_kind:
        visit.open(path)
        page = visit.page
        if not page.locator("h1").first.is_visible():
            failures.append(f"{path}: no visible heading without JavaScript")
        wants_cta = path in ("index.html", "letter.html", "people/index.html") or (path.startswith("people/") and path != "people/index.html")
        if wants_cta:
            cta = page.locator("#kz-act")
            if not cta.is_visible():
                failures.append(f"{path}: call to action not visible without JavaScript")
            elif not cta.locator('a[href^="mailto:"]').first.is_visible() or cta.locator(".kz-share a").count() < 8:
                failures.append(f"{path}: call-to-action links missing without JavaScript")
    page = context.new_page()
    page.goto(server + "people/index.html")
    links = page.locator(".kz-index__list a")
    if links.count() != len(site_data.people):
        failures.append(f"people/index.html: {links.count()} profile links without JavaScript, expected {len(site_data.people)}")
    context.close()
    assert not failures, "\n".join(failures)


EVERY_ACTION = {"Write to decision-makers", "X", "Facebook", "Telegram", "WhatsApp", "VK", "LinkedIn", "Email", "Copy link",
                "Print or save as PDF"}


def test_calls_to_action_reachable_by_keyboard_with_visible_focus(browser, server, site_data):
    failures = []
    context = browser.new_context()
    for path in ["index.html", "letter.html", "people/index.html"] + [f"people/{p['slug']}.html" for p in site_data.people[:3]]:
        page = context.new_page()
        page.goto(server + path)
        reached = set()
        for _ in range(400):
            page.keyboard.press("Tab")
            info = page.evaluate("""() => { const e = document.activeElement;
                if (!e || !e.closest('#kz-act')) return null;
                const s = getComputedStyle(e);
                return {href: e.getAttribute('href') || '', text: e.textContent.trim(), outline: s.outlineStyle,
                        width: parseFloat(s.outlineWidth), shadow: s.boxShadow}; }""")
            if info:
                reached.add(info["text"])
                if (info["outline"] == "none" or info["width"] == 0) and info["shadow"] == "none":
                    failures.append(f"{path}: no visible focus on {info['href'][:40]}")
                    break
            if EVERY_ACTION <= reached:
                break
        if not EVERY_ACTION <= reached:
            failures.append(f"{path}: calls to action not reachable by Tab: {sorted(EVERY_ACTION - reached)}")
        page.close()
    context.close()
    assert not failures, "\n".join(failures)


def test_copy_link_button_copies_the_page_url(browser, server):
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.rstrip("/"))
    page = context.new_page()
    page.goto(server + "people/maks-bokayev.html")
    copy = page.locator("a.kz-copy")
    expected = page.locator('link[rel="canonical"]').get_attribute("href")
    assert copy.get_attribute("href") == expected
    copy.click()
    assert page.evaluate("navigator.clipboard.readText()") == expected
    assert page.url == server + "people/maks-bokayev.html", "with JavaScript the link copies instead of navigating"
    context.close()


def test_print_button_appears_with_javascript_and_prints(browser, server):
    context = browser.new_context()
    page = context.new_page()
    page.add_init_script("window.print = () => { window.__printed = true; }")
    page.goto(server + "letter.html")
    button = page.locator("button.kz-print")
    button.click()
    assert page.evaluate("window.__printed === true")
    context.close()
    without = browser.new_context(java_script_enabled=False)
    page = without.new_page()
    page.goto(server + "letter.html")
    assert not page.locator("button.kz-print").is_visible()
    assert page.locator(".kz-cta__print").is_visible()
    without.close()


def test_print_layout_hides_navigation_and_actions(browser, server):
    context = browser.new_context()
    page = context.new_page()
    page.goto(server + "people/maks-bokayev.html")
    page.emulate_media(media="print")
    assert not page.locator(".md-header").is_visible()
    assert not page.locator("#kz-act").is_visible()
    assert page.locator("h1").is_visible()
    after = page.evaluate("""getComputedStyle(document.querySelector('.kz-facts a[href^="http"]'), '::after').content""")
    assert after.startswith('" <https://'), after
    pdf = page.pdf(format="A4")
    assert pdf[:4] == b"%PDF"
    context.close()


def test_opening_a_profile_does_not_download_anything_that_grows_with_the_data(browser, server):
    context = browser.new_context()
    visit = Visit(context, server)
    requested = []
    visit.page.on("requestfinished", lambda r: requested.append(r.url[len(server):]))
    visit.open("people/maks-bokayev.html")
    visit.page.wait_for_load_state("networkidle")
    grows = [u for u in requested if u.startswith(("sitemap", "search", "pagefind", "feed", "data/"))]
    assert not grows, grows
    context.close()


PAGE_TYPES = ["index.html", "letter.html", "since.html", "people/index.html", "people/maks-bokayev.html",
              "people/aron-atabek.html", "search.html", "data.html", "404.html"]


VISIBLE = """el => { const r = el.getBoundingClientRect(), s = getComputedStyle(el);
  const hidden = el.closest('[aria-hidden="true"], [hidden], [inert]');
  return r.width > 0 && r.height > 0 && r.right > 0 && r.left < innerWidth && r.bottom > -2000 &&
         s.visibility !== 'hidden' && s.display !== 'none' && !hidden; }"""


@pytest.mark.parametrize("path", PAGE_TYPES)
def test_keyboard_walk_at_phone_width(browser, server, path):
    """At 360 px: the first Tab stop is a working skip link, and no Tab stop is invisible."""
    context = browser.new_context(viewport={"width": 360, "height": 740})
    visit = Visit(context, server)
    visit.open(path)
    page = visit.page
    page.keyboard.press("Tab")
    first = page.evaluate_handle("document.activeElement")
    assert first.evaluate("el => el.matches('a.md-skip')"), f"{path}: the first Tab stop is not the skip link"
    assert first.evaluate(VISIBLE) or first.evaluate("el => getComputedStyle(el).opacity") != "0"
    page.keyboard.press("Enter")
    page.wait_for_timeout(100)
    assert page.evaluate("document.activeElement.id") == "kz-content", f"{path}: the skip link does not move focus"
    invisible = []
    for stop in range(25):
        page.keyboard.press("Tab")
        element = page.evaluate_handle("document.activeElement")
        if element.evaluate("el => el === document.body"):
            break
        if not element.evaluate(VISIBLE):
            invisible.append(f"Tab stop {stop + 2}: {element.evaluate('el => el.outerHTML.slice(0, 100)')}")
    context.close()
    assert not invisible, f"{path}: focus on invisible elements:\n" + "\n".join(invisible)


def test_the_drawer_opens_from_the_keyboard_takes_focus_and_closes_on_escape(browser, server):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    visit = Visit(context, server)
    visit.open("people/maks-bokayev.html")
    page = visit.page
    drawer_links = page.locator(".md-sidebar--primary a")
    assert drawer_links.count() > 3
    assert page.evaluate("() => [...document.querySelectorAll('.md-sidebar--primary a')]"
                         ".every(a => getComputedStyle(a).visibility === 'hidden')"), "a closed drawer is still in the tab order"
    menu = page.locator("button.kz-menu")  # a <label> without a script; a button with one (issue #24, 9)
    assert menu.get_attribute("aria-expanded") == "false"
    menu.focus()
    page.keyboard.press("Enter")
    page.wait_for_timeout(400)
    assert page.evaluate("document.activeElement.closest('.md-sidebar--primary') !== null"), "focus did not move into the drawer"
    assert menu.get_attribute("aria-expanded") == "true"
    page.keyboard.press("Escape")
    page.wait_for_timeout(400)
    assert page.evaluate("document.activeElement.matches('button.kz-menu')"), "Escape did not return focus to the menu"
    assert not page.evaluate("document.getElementById('__drawer').checked")
    page.keyboard.press(" ")
    page.wait_for_timeout(400)
    assert page.evaluate("document.getElementById('__drawer').checked"), "Space does not open the drawer"
    page.mouse.click(350, 400)  # the overlay beside the drawer (a <div> now: no empty label)
    page.wait_for_timeout(400)
    assert not page.evaluate("document.getElementById('__drawer').checked"), "a click beside the drawer does not close it"
    assert page.evaluate("document.querySelectorAll('label[for=\"__drawer\"]').length") == 0
    context.close()


def test_the_colour_scheme_is_one_toggle_button_that_space_and_enter_switch(browser, server):
    """Issue #24, 9: a button named "Dark mode", pressed or not, instead of two radios of no size
    each named for the other scheme; Space and Enter switch it, and the choice is kept."""
    context = browser.new_context()
    visit = Visit(context, server)
    visit.open("people/maks-bokayev.html")
    page = visit.page
    scheme = page.locator("button.kz-scheme")
    assert scheme.is_visible() and scheme.get_attribute("aria-pressed") == "false"
    assert scheme.evaluate("el => el.textContent.trim()") == "Dark mode"
    assert page.evaluate("[...document.querySelectorAll('input.md-option')].every(i => i.offsetParent === null)"), \
        "Material's radios are still reachable"
    scheme.focus()
    page.keyboard.press(" ")
    page.wait_for_timeout(300)
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
    assert scheme.get_attribute("aria-pressed") == "true"
    visit.open("letter.html")
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate", "the choice is not kept"
    assert page.locator("button.kz-scheme").get_attribute("aria-pressed") == "true"
    page.locator("button.kz-scheme").focus()
    page.keyboard.press("Enter")
    page.wait_for_timeout(300)
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "default"
    context.close()


def test_one_article_per_page_and_no_empty_landmark(browser, server):
    context = browser.new_context()
    visit = Visit(context, server)
    for path in PAGE_TYPES:
        visit.open(path)
        assert visit.page.locator("article").count() == 1, f"{path}: nested articles"
        empty = visit.page.evaluate("() => [...document.querySelectorAll('nav')].filter(n => !n.querySelector('a, label')).length")
        assert empty == 0, f"{path}: an empty navigation landmark"
    context.close()


def test_copy_link_announces_through_a_status_region_that_exists_before(browser, server):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    visit = Visit(context, server)
    visit.open("people/talgat-ayan.html")
    status = visit.page.locator("section.kz-cta [role=status]")
    assert status.count() == 1 and status.inner_text() == ""
    visit.page.locator("a.kz-copy").click()
    visit.page.wait_for_timeout(200)
    assert status.inner_text() == "Link copied"
    context.close()


def test_the_search_box_has_a_visible_label(browser, server):
    context = browser.new_context()
    visit = Visit(context, server)
    visit.open("search.html")
    box = visit.page.get_by_label("Search names, other spellings and the text of every page")
    assert box.count() == 1 and box.evaluate("el => el.matches('input')")
    assert visit.page.locator("label.kz-search__label").is_visible()
    context.close()


@pytest.mark.parametrize("page, query, target", [
    ("search.html", "Ulasik", "people/natalia-ulasik.html"),         # a name
    ("search.html", "Sychev", "people/igor-sichev.html"),            # an alias
    ("search.html", "Бокаев", "people/maks-bokayev.html"),            # Cyrillic on the English site
    ("kk/search.html", "Bokayev", "kk/people/maks-bokayev.html"),    # Latin on the Kazakh site
    ("ru/search.html", "Атабек", "ru/people/aron-atabek.html"),      # each language searches its own index
])
def test_search_finds_names_aliases_and_either_script_in_every_language(browser, server, page, query, target):
    """Without a third-party request, a console error or a CSP violation."""
    context = browser.new_context()
    visit = Visit(context, server)
    visit.open(page)
    box = visit.page.locator(".pagefind-ui__search-input")
    box.press_sequentially(query, delay=20)
    link = visit.page.locator(f'a.pagefind-ui__result-link[href$="/{target}"]').first
    link.wait_for(timeout=10000)
    assert not visit.foreign and not visit.errors and not visit.page.evaluate("window.__csp")
    context.close()


def test_no_language_switch_fetches_anything_but_the_page(browser, server):
    """Material fetches sitemap.xml beside every link[rel=alternate]; hreflang links must not make it."""
    context = browser.new_context()
    visit = Visit(context, server)
    requested = []
    visit.page.on("request", lambda r: requested.append(r.url))
    visit.open("people/maks-bokayev.html")
    visit.page.locator('nav.kz-langs a[hreflang="kk"]').click()
    visit.page.wait_for_load_state("load")
    visit.page.wait_for_timeout(300)
    assert visit.page.url.endswith("/kk/people/maks-bokayev.html")
    assert not [u for u in requested if "sitemap" in u], requested
    assert visit.page.locator('link[rel="alternate"][hreflang]').count() == 4, "hreflang links are back after load"
    context.close()


def test_filters_narrow_the_index_in_place_and_keep_the_address(browser, server, site_data):
    context = browser.new_context()
    visit = Visit(context, server)
    visit.open("people/index.html")
    page = visit.page
    released = sorted(p["slug"] for p in site_data.people if p["status"]["state"] == "acquitted")
    page.locator('a[data-filter="status:acquitted"]').click()
    page.wait_for_timeout(100)
    shown = sorted(h.split("/")[-1][:-5] for h in page.eval_on_selector_all(
        "li.kz-card:not([hidden]) a", "links => links.map(a => a.getAttribute('href'))"))
    assert shown == released and page.url.endswith("people/index.html?status=acquitted")
    assert str(len(released)) in page.locator(".kz-filters__state").inner_text()
    page.reload()
    page.wait_for_timeout(100)
    assert page.locator("li.kz-card:not([hidden])").count() == len(released), "a shared address opens filtered"
    page.locator('a[data-filter=""]').click()
    assert page.locator("li.kz-card:not([hidden])").count() == len(site_data.people)
    context.close()


@pytest.mark.parametrize("width", [320, 360, 1280])
def test_the_charts_labels_are_at_least_12px_or_left_to_the_table(browser, server, width):
    """Issue #24: at 360 px the chart's labels were about 7 px tall."""
    context = browser.new_context(viewport={"width": width, "height": 800})
    visit = Visit(context, server)
    visit.open("since.html")
    sizes = visit.page.evaluate("""() => [...document.querySelectorAll('.kz-chart svg text')]
        .filter(t => getComputedStyle(t).display !== 'none')
        .map(t => parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a)  // its size on the screen""")
    assert sizes and min(sizes) >= 12, (width, min(sizes or [0]))
    assert visit.page.locator("table.kz-chart-table").is_visible()
    context.close()
