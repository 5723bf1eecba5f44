"""Macros for the Markdown pages that ask for them (`render_macros: true` in front matter).

Each macro renders one template from overrides/components with autoescaping on, so text
from data/ reaches the page as escaped values and never runs as Jinja or HTML.
"""
from __future__ import annotations

import re
from pathlib import Path

from sitegen import data, i18n, mkdocs_hook, people_lists, render
from sitegen.render import tr

ROOT = Path(__file__).resolve().parent


ROOT_KEY = str(ROOT)


def current() -> data.SiteData:
    """The data the build loaded at its start (sitegen/mkdocs_hook.py: on_config)."""
    return data.load(ROOT_KEY, refresh=False)


def define_env(env):
    # The build's helpers and its one Jinja environment, made by the hook's on_config (which
    # MkDocs runs after this plugin's): looked up when a macro runs, not made a second time.
    helpers = mkdocs_hook.helpers

    def html(template: str, **values) -> str:
        """A component, rendered with the build's one Jinja environment."""
        return render.render_component(mkdocs_hook.environment(), template, env.page, **values)

    @env.macro
    def call_to_action(slug: str = "") -> str:
        person = current().by_slug[slug] if slug else None
        return html("components/cta.html", person=person)

    @env.macro
    def people_index() -> str:
        site = current()
        pages = {g: people_lists.pages_of(site.in_group(g), g) for g in data.GROUPS}
        return html("components/people-index.html", site=site, groups=data.GROUPS, list_pages=pages,
                    facets=people_lists.facet_counts(site), filterable=not any(pages.values()))

    @env.macro
    def people_cards() -> str:
        site = current()
        return html("components/people-cards.html", site=site, groups=data.GROUPS,
                    cards=people_lists.home_cards(site), total=len(site.people))

    @env.macro
    def counts() -> dict:
        """The letter's own counts, per group."""
        return current().letter_counts()

    @env.macro
    def since_letter() -> str:
        """The "Since the letter" page: chart, table, who is still held, year by year, decisions."""
        site = current()
        return html("components/since.html", site=site, chart=helpers().chart(), years=helpers().since_events(),
                    held=[p for p in site.people if helpers().status(p)["held"]],
                    not_current=[p for p in site.people if not helpers().status(p)["current"]],
                    coming=helpers().coming_dates(),
                    decisions=sorted((dict(d, id=i) for i, d in site.decisions.items()), key=lambda d: d["date"]))

    @env.macro
    def corrections_list() -> str:
        """The corrections page: every correction of every record, newest first."""
        return html("components/corrections.html", site=current())

    @env.macro
    def data_date_words() -> str:
        return helpers().fmt_date(current().today)

    @env.macro
    def how_we_count_example() -> str:
        """The worked example: a real person whose term ended, and today's counts by basis."""
        site = current()
        example = next((p for p in site.people if helpers().status(p)["basis"] == "term-ended"), None)
        return html("components/how-we-count.html", site=site, example=example, today=helpers().today_counts())

    @env.macro
    def status_today() -> str:
        """The home page's summary: the letter's counts beside what the sources show today."""
        site = current()
        return html("components/status-today.html", site=site, groups=data.GROUPS, letter_counts=site.letter_counts())

    @env.macro
    def search_box() -> str:
        return html("components/search-box.html", pagefind_translations=helpers().ui("pagefind") if helpers().lang != "en" else {})

    @env.macro
    def shared_url(path: str) -> str:
        """The relative address of a file every language shares (data/, feed.xml) from this page."""
        depth = env.page.url.count("/") + helpers().shared_depth()
        return "../" * depth + path

    @env.macro
    def report_problem_url() -> str:
        """The "Report a problem" form of this repository (configuration, as for edit links)."""
        return helpers().repository_url("issues/new?template=report-problem.yml")

    def translated_letter():
        return current().languages[helpers().lang].letter if helpers().lang != "en" else {}

    @env.macro
    def letter_title() -> str:
        return helpers().letter_title()

    @env.macro
    def letter_byline() -> str:
        site = current()
        return html("components/letter-byline.html", source=site.sources[site.letter_meta["source"]],
                    published=site.letter_meta["published"], translated=helpers().lang != "en")

    @env.macro
    def cite_source(ref: str) -> str:
        """A source cited by a prose page (pace.md), as profiles cite theirs: "(Source: …)". The
        data check reads these calls in docs/*.md: an unknown id stops the build there, and the
        sources page lists every source a page cites."""
        return html("components/source-ref.html", src=helpers().cite(ref), bare=False)

    @env.macro
    def versions_list() -> str:
        """The Versions page: every released version (data/versions.yml), newest first."""
        return html("components/versions.html", versions=current().versions,
                    release_url=lambda tag: helpers().repository_url(f"releases/tag/{tag}"))

    @env.macro
    def sources_list() -> str:
        return html("components/sources-list.html", sources=current().cited_sources())

    @env.macro
    def data_downloads() -> str:
        from sitegen.csv_fields import CSV_FIELDS
        return html("components/data-downloads.html", fields=CSV_FIELDS)

    @env.macro
    def letter_text() -> str:
        """The letter as Markdown: verbatim paragraphs with #pN anchors, names linked. In another
        language, the translation made here where there is one (the English stays the only
        authoritative text), else the English paragraph, marked lang="en"."""
        site = current()
        links = site.letter_meta.get("links") or {}
        translation = translated_letter()
        out = []
        for number, paragraph in enumerate(site.letter.paragraphs, start=1):
            urls = []
            for link_text in re.findall(r"\[([^\]]+)\]\(#\)", paragraph):
                source_id = links.get(link_text)
                urls.append(site.sources[source_id].get("url") if source_id else None)
            found = translation.get(i18n.fingerprint(paragraph))
            text = found.text if found else paragraph
            order = iter(urls)

            def source_link(match, order=order):
                url = next(order, None)  # the n-th link of a translation is the n-th of the English
                return f"[{match.group(1)}]({url})" if url else match.group(1)

            text = re.sub(r"\[([^\]]+)\]\(#\)", source_link, text)
            for person in site.people:
                if number in (person.get("letter_paragraphs") or []):
                    target = f"people/{person['slug']}.md"
                    pattern = re.escape(tr(person["name"])) if not found else name_pattern(helpers().name(person))
                    text = re.sub(rf"(?<![\w\[]){pattern}(?!\w)", lambda m, target=target: f"[{m.group(0)}]({target})", text)
            marks = f"#p{number}" + (" lang=en" if translation is not None and helpers().lang != "en" and not found else "") \
                + (" .kz-draft-letter" if found and not found.reviewed else "")
            out.append(f"{text}\n{{: {marks} }}")
        return "\n\n".join(out)


def name_pattern(name: str) -> str:
    """A name in Russian or Kazakh as it may be declined in a sentence: each word's stem, any
    ending, any case of its first letter («Семья Храпуновых» in «семьи Храпуновых»)."""
    words = [re.escape(w[:-2] if len(w) > 4 else w) + r"\w*" for w in name.split()]
    return "(?i:" + r"\s+".join(words) + ")"
