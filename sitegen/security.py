"""Output hardening: a Content-Security-Policy per page, and safe external links.

GitHub Pages cannot send headers, so the policy is a <meta> tag. It allows only the site's
own files: no page carries an inline script (Material's are moved into cached files), and the
build stops if one ever does, rather than widening the policy.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser

PLACEHOLDER = "__CSP__"
EXTERNAL_LINK = re.compile(r"<a [^>]*?href=\"https?://[^\"]*\"[^>]*>")
REL = re.compile(r'rel="([^"]*)"')
DATA_TYPES = ("application/json", "application/ld+json")

POLICY = [
    "default-src 'none'",
    "script-src 'self'{extra}",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "base-uri 'self'",
    "form-action 'self'",
]


class _Scripts(HTMLParser):
    """The script elements of a page, parsed as a browser would (a "<script>" inside an attribute
    value, or in a title, such as a name quoting hostile text, is not one)."""
    # <title> and <textarea> hold text only (RCDATA): what looks like a tag in them is text.
    CDATA_CONTENT_ELEMENTS = ("script", "style", "title", "textarea")

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found, self._open = [], None

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self._open = (dict(attrs), [])

    def handle_data(self, data):
        if self._open is not None:
            self._open[1].append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._open is not None:
            self.found.append((self._open[0], "".join(self._open[1])))
            self._open = None


SCRIPT_TAG = re.compile(r"<script\b[^>]*>?", re.I)


def _executable(attrs: dict) -> bool:
    return "src" not in attrs and (attrs.get("type") or "").strip() not in DATA_TYPES


def _may_hold_inline_script(html: str) -> bool:
    """A quick first look: does any "<script" in the page open, or might it open, a script that
    runs inline? Every real script tag starts with "<script", so a page where each of them is
    plainly a file (src) or data (JSON) has none; only the rest are parsed in full."""
    for match in SCRIPT_TAG.finditer(html):
        tag = _Scripts()
        tag.feed(match.group(0) + "</script>")
        if len(tag.found) != 1 or _executable(tag.found[0][0]):
            return True
    return False


def _executable_inline_scripts(html: str):
    if not _may_hold_inline_script(html):
        return
    parser = _Scripts()
    parser.feed(html)
    for attrs, body in parser.found:
        if _executable(attrs):
            yield body


class InlineScript(Exception):
    """A page carries an inline script, which the policy does not allow."""


def content_security_policy(html: str, dev_server: bool = False) -> str:
    """The policy for one page. Only the search page runs Pagefind, which needs WebAssembly.

    Under `mkdocs serve` (dev_server), MkDocs adds an inline live-reload script after this hook,
    different at every build; there, and only there, inline scripts are allowed. Anywhere else
    an inline script stops the build.
    """
    wasm = ["'wasm-unsafe-eval'"] if "pagefind/pagefind-ui.js" in html else []
    if dev_server:
        return "; ".join(POLICY).format(extra="".join(" " + h for h in wasm + ["'unsafe-inline'"]))
    inline = next(_executable_inline_scripts(html), None)
    if inline is not None:
        raise InlineScript(f"a page carries an inline script ({inline.strip()[:60]!r}…), which script-src 'self' "
                           "blocks: move it into a file under docs/assets/javascripts/ (see sitegen/icons.py, replace_inline)")
    return "; ".join(POLICY).format(extra="".join(" " + h for h in wasm))


def apply_policy(html: str, dev_server: bool = False) -> str:
    """Fill the placeholder that overrides/main.html writes into <head> (quoted, whether or not
    the page was minified: the policy has spaces)."""
    policy = '"' + content_security_policy(html, dev_server) + '"'
    return re.sub(r'"?' + PLACEHOLDER + r'"?', lambda _: policy, html, count=1)


def mark_external_links(html: str) -> str:
    """rel="noopener noreferrer" on every link to another site, added to any rel it already has."""
    def mark(match):
        tag = match.group(0)
        rel = REL.search(tag)
        if rel is None:
            return tag[:-1] + ' rel="noopener noreferrer">'
        tokens = rel.group(1).split()
        tokens += [t for t in ("noopener", "noreferrer") if t not in tokens]
        return tag[: rel.start()] + f'rel="{" ".join(tokens)}"' + tag[rel.end():]

    return EXTERNAL_LINK.sub(mark, html)
