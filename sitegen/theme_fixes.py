"""Fixes to Material's markup that independent checkers ask for, made on every built page.

Material renders these parts from partials we do not copy (copies would have to follow every
theme release); each fix below is a small, exact rewrite of what the theme writes, and
tests/test_checkers.py and tests/test_browser.py run the checkers that asked for it (the W3C
Nu checker, HTML_CodeSniffer, axe, IBM Equal Access, a keyboard walk). What cannot be fixed this way is listed in the
accessibility statement (docs/accessibility.md).

Every rewrite must find what it rewrites: if a Material upgrade changes its markup, the build
stops with ThemeChanged, naming the fix, instead of silently shipping the unfixed page.
"""
from __future__ import annotations

import re

SKIP_TARGET = "kz-content"


class ThemeChanged(Exception):
    """A fix no longer finds Material's markup: update it in sitegen/theme_fixes.py."""


def _sub(name: str, pattern: str, replacement, html: str, count: int = 0, flags: int = 0) -> str:
    """re.subn that fails loudly when the markup it fixes is not there."""
    out, made = re.subn(pattern, replacement, html, count=count, flags=flags)
    if not made:
        raise ThemeChanged(f"theme fix {name!r} found nothing to fix: Material's markup changed "
                           "(a new mkdocs-material release?) — update sitegen/theme_fixes.py and run the checker tests")
    return out


def skip_link(html: str, label: str) -> str:
    """A "Skip to content" link on every page, first in the tab order. Material writes one only
    on pages with a table of contents (not on profiles or the 404 page), pointing at the first
    heading of that table."""
    link = f'<a href="#{SKIP_TARGET}" class="md-skip">{label}</a>'
    html = _sub("skip link", r'(<div data-md-component="skip">)\s*(?:<a href="[^"]*" class="md-skip">[^<]*</a>)?\s*(</div>)',
                rf"\1{link}\2", html, count=1)
    return _sub("skip target", re.escape('<article class="md-content__inner md-typeset">'),
                f'<article class="md-content__inner md-typeset" id="{SKIP_TARGET}" tabindex="-1">', html, count=1)


def empty_toc(html: str) -> str:
    """No "Table of contents" landmark on pages that have no table of contents."""
    return re.sub(r'<nav class="md-nav md-nav--secondary" aria-label="[^"]*">\s*</nav>', "", html)


def toggles(html: str, names: dict) -> str:
    """Material's hidden checkboxes (the drawer, search, a table of contents) get names, and
    lose `autocomplete`, which HTML allows on text fields only."""
    def named(match):
        tag = match.group(0).replace(' autocomplete="off"', "")
        element_id = re.search(r'id="([^"]+)"', tag)
        name = names.get(element_id.group(1)) if element_id else None
        if name and "aria-label=" not in tag:
            tag = tag.replace("<input ", f'<input aria-label="{name}" tabindex="-1" ', 1)
        return tag
    return _sub("named toggles", r'<input class="(?:md-nav__toggle )?md-toggle"[^>]*>', named, html)


def menu_button(html: str, label: str) -> str:
    """The header's menu icon: a name for assistive technology, its icon hidden, and reachable
    by keyboard (assets/javascripts/actions.js opens the drawer on Enter or Space)."""
    return _sub("menu button", r'<label class="md-header__button md-icon" for="__drawer">\s*(<span class="kz-i )',
                f'<label class="md-header__button md-icon kz-menu" for="__drawer" tabindex="0" title="{label}">'
                rf'<span class="kz-visually-hidden">{label}</span>\1', html, count=1)


def icon_links(html: str) -> str:
    """Icon-only links and labels (edit this page, colour scheme) say in words what they do,
    and their icons are hidden from assistive technology."""
    def labelled(match):
        tag, icon = match.group(1), match.group(2)
        title = re.search(r'\stitle="([^"]+)"', tag)
        if title and tag.startswith("<label"):  # a label names its control by its text, never aria-label
            tag += f'<span class="kz-visually-hidden">{title.group(1)}</span>'
        elif title and "aria-label=" not in tag:
            tag = tag[:-1] + f' aria-label="{title.group(1)}">'
        return tag + icon
    return _sub("icon links", r'(<(?:a|label)\s[^>]*class="[^"]*\bmd-icon\b[^"]*"[^>]*>)(\s*<span class="kz-i )', labelled, html)


def palette(html: str, label: str) -> str:
    """The colour scheme: one toggle button, "Dark mode", pressed or not (Space and Enter work,
    its name never contradicts what it shows). Material's radios stay, hidden from everyone, and
    do the switching when the button clicks one (assets/javascripts/actions.js); they were a tab
    stop of no size, each named for the other scheme. The button shows only where a script can
    press it; the <form> without a submit button becomes a <div> (Material's script finds it by
    data-md-component)."""
    def button(match):
        icons = "".join(re.findall(r'<span class="kz-i [^"]*" aria-hidden="true"></span>', match.group(1)))
        if icons.count("<span") != 2:
            raise ThemeChanged("theme fix 'palette button' expects two scheme icons: update sitegen/theme_fixes.py")
        return (f'<div class="md-header__option kz-palette" data-md-component="palette" hidden>{match.group(1)}</div>'
                f'<button type="button" class="md-header__button md-icon kz-scheme" aria-pressed="false" hidden>'
                f'<span class="kz-visually-hidden">{label}</span>{icons}</button>')
    return _sub("palette button", r'<form class="md-header__option" data-md-component="palette">(.*?)</form>',
                button, html, count=1, flags=re.S)


def drawer(html: str) -> str:
    """The navigation drawer's hidden checkbox keeps one label, the menu icon, which opens it
    without a script; with one, actions.js makes that label a real button (aria-expanded). The
    overlay (an empty label) and the drawer's title (a second label) close it by a click that
    actions.js handles."""
    html = _sub("drawer overlay", re.escape('<label class="md-overlay" for="__drawer"></label>'),
                '<div class="md-overlay" data-kz-drawer-close></div>', html, count=1)
    if "md-nav--primary" in html:  # not on a page without the navigation (hide: navigation)
        html = _sub("drawer title", r'<label class="md-nav__title" for="__drawer">(.*?)</label>',
                    r'<div class="md-nav__title kz-drawer-title" data-kz-drawer-close>\1</div>', html, count=1, flags=re.S)
    if 'class="md-nav md-nav--secondary"' in html:  # a table of contents: its titles were labels of its hidden toggle too
        html = _sub("table of contents title", r'<label class="md-nav__title" for="__toc">(.*?)</label>',
                    r'<div class="md-nav__title kz-toc-title" data-kz-toc-close>\1</div>', html, flags=re.S)
    return html


def landmarks(html: str, skip: str, banner: str) -> str:
    """Nothing outside a landmark: the skip link in a navigation landmark of its own, and the
    announcement bar (the ask and the language switcher) a named complementary landmark."""
    html = _sub("skip landmark", re.escape('<div data-md-component="skip">'),
                f'<div data-md-component="skip" role="navigation" aria-label="{skip}">', html, count=1)
    return _sub("banner name", re.escape('<aside class="md-banner">'), f'<aside class="md-banner" aria-label="{banner}">',
                html, count=1)


def apply(html: str, ui) -> str:
    """Every fix, in order. `ui(key)` gives the interface text (data/strings.yml)."""
    html = skip_link(html, ui("skip_link"))
    html = empty_toc(html)
    html = toggles(html, {"__drawer": ui("navigation"), "__search": ui("search_toggle"), "__toc": ui("table_of_contents")})
    html = menu_button(html, ui("navigation"))
    html = icon_links(html)
    html = drawer(html)
    html = landmarks(html, ui("skip_link"), ui("banner_label"))
    return palette(html, ui("dark_mode"))
