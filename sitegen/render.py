"""Helpers that templates use to turn data into text: one set per language, given to every
Jinja env of that language's build. What they know is split by subject: words.py (texts and
dates), links.py (addresses), status_view.py (status rules in words), sharing.py (calls to
action and previews); Helpers puts them together and installs them into a Jinja env.

Templates render; these functions only look things up and format them. The one exception is
the `tr` filter, which returns a data text escaped and, where the reader's language has no
translation yet, marked lang="en" (sitegen/i18n.py).
"""
from __future__ import annotations

import functools
import hashlib
import posixpath
from pathlib import Path

import jinja2
from markupsafe import Markup
from mkdocs.utils import get_relative_url

from .links import Links
from .multilingual import LANG, tr  # noqa: F401 (imported from here by other modules)
from .sharing import Sharing, query_value  # noqa: F401
from .status_view import StatusView
from .words import Words, english_runs_marked, letter_plain  # noqa: F401


class Helpers(Words, Links, StatusView, Sharing):
    """Bound to a function that returns the current SiteData and to the MkDocs config."""

    def __init__(self, get_site, config, lang: str | None = None):
        self.get_site = get_site
        self.config = config
        self.lang = lang or (config["theme"]["language"] if config and "theme" in config else LANG)
        self._strings = {}   # key -> string, for the data of one load
        self._status = {}    # slug -> status(), for the data of one load
        self._loaded = None

    @functools.cached_property
    def english(self) -> Helpers:
        """The same helpers in English, for what stays in English on every page (the email)."""
        return self if self.lang == LANG else Helpers(self.get_site, self.config, LANG)

    def _fresh(self):
        """Forget what was looked up when the data was loaded again (live reload)."""
        site = self.get_site()
        if site is not self._loaded:
            self._loaded, self._strings, self._status = site, {}, {}
        return site

    def install(self, env: jinja2.Environment) -> None:
        @jinja2.pass_context
        def href(context, target: str) -> str:
            """Relative address of `target` (a site path) from the page being rendered."""
            page = context.get("page")
            base = page.url if page is not None else ""
            return get_relative_url(target, base) if target else "."

        @jinja2.pass_context
        def shared(context, target: str) -> str:
            """Relative address of a file every language shares (at the site's root), from this page."""
            page = context.get("page")
            depth = (page.url.count("/") if page is not None else 0) + self.shared_depth()
            return "../" * depth + target if target else ("../" * depth or "./")

        cards = {}  # (slug, folder, aliases) -> HTML: a card is the same wherever its folder is the same

        @jinja2.pass_context
        def card(context, person, aliases: bool = False) -> Markup:
            """One person's card (components/card.html), rendered once per folder it appears in:
            the same card shows on the home page, the index and three filter pages."""
            page = context.get("page")
            folder = posixpath.dirname(page.url) if page is not None else ""
            site = self._fresh()
            if cards.get("_site") is not site:
                cards.clear()
                cards["_site"] = site
            key = (person["slug"], folder, aliases)
            if key not in cards:
                cards[key] = Markup(context.environment.get_template("components/card.html").render(
                    page=page, person=person, with_aliases=aliases))
            return cards[key]

        env.filters.update(article_name=self.article_name_marked, article_name_plain=self.article_name, term_words=self.term_words, decision_name=self.decision_name, tr=self.marked, plain=self.plain, person_name=self.name,
                           shared=shared, fmt_date=self.fmt_date, fmt_date_as_of=self.fmt_date_as_of, href=href, initials=self.initials, letter_plain=letter_plain)
        env.globals.update(share_meta=self.share_meta, ui=self.ui, cite=self.cite, person_url=self.person_url, edit_url=self.edit_url,
                           report_url=self.report_url, cta=self.actions,
                           status=self.status, timeline=self.timeline, ask=self.ask, today_counts=self.today_counts,
                           language_links=self.language_links, page_lang=self.lang, names_everywhere=self.names_everywhere,
                           card=card, facet_label=self.facet_label, letter_paragraph=self.letter_paragraph, cite_page=self.cite_page, dossiers=self.dossiers, brief=self.brief, brief_urls=self.brief_urls, interface_unreviewed=self.interface_unreviewed, article_url=self.article_url, coming_dates=self.coming_dates, offline_copy=self.offline_copy,
                           data_date=self.data_date, site=self.get_site, site_url=self.site_url,
                           letter_title=self.letter_title, name_reviewed=self.name_reviewed,
                           name_spelling=self.name_spelling)


def escaped_template(name) -> bool:
    """Our own templates render data, so they escape everything; Material's do not."""
    return bool(name) and (name.startswith("components/") or name in PAGE_TEMPLATES)


PAGE_TEMPLATES = ("generated.html", "withdrawn.html")  # overrides/: pages made from data


def environment(config, helpers: Helpers) -> jinja2.Environment:
    """The one Jinja environment of a build in one language: the theme's, as MkDocs makes it
    (Material's templates and overrides/), with our templates escaping everything, the helpers
    installed and compiled templates kept. MkDocs renders every page with it (on_env), and the
    hook, the macros, the feed, the dossier and the briefs render their components with it."""
    env = config.theme.get_env()
    env.autoescape = escaped_template
    keep_compiled_templates(env, "site")
    helpers.install(env)
    return env


COMPILED = Path(__file__).resolve().parent.parent / ".cache/jinja"


def keep_compiled_templates(env: jinja2.Environment, kind: str) -> None:
    """Keep what Jinja compiles in .cache/jinja, so that a warm build (and every live reload)
    compiles no template again: about 2 s of each language's build. Jinja keys each entry by the
    template's file and checks its source and Jinja's and Python's versions; the options that
    change the compiled code (escaping, whitespace, syntax, extensions) name the file, so that
    environments set up differently never share one."""
    options = (kind, getattr(env.autoescape, "__qualname__", env.autoescape), env.trim_blocks, env.lstrip_blocks,
               env.keep_trailing_newline, env.newline_sequence, env.block_start_string, env.variable_start_string,
               env.comment_start_string, env.line_statement_prefix, env.line_comment_prefix, sorted(env.extensions))
    digest = hashlib.sha256(repr(options).encode()).hexdigest()[:16]
    try:
        COMPILED.mkdir(parents=True, exist_ok=True)
    except OSError:
        return  # an unwritable cache only costs time
    env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(COMPILED), f"{kind}-{digest}-%s.cache")


def render_component_text(out: str) -> str:
    """Rendered HTML as a single raw block: no blank or indented lines for Markdown."""
    return "\n".join(line.strip() for line in out.splitlines() if line.strip())


def render_component(env: jinja2.Environment, template: str, page, **values) -> str:
    """One component as a single raw HTML block: no blank or indented lines for Markdown."""
    out = env.get_template(template).render(page=page, **values)
    return "\n".join(line.strip() for line in out.splitlines() if line.strip())
