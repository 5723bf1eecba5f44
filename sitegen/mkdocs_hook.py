"""MkDocs hook: the glue between data/ and the site (mkdocs.yml registers it through sitegen/hooks.py).

One build makes one language (theme.language, from SITE_LANG): English at the root, the others
under <code>/. `python -m sitegen build` (make build) runs every language in one process, so the
data is checked once, and then makes what all languages share once (search index, share images,
open data, feed); a plain `mkdocs build` or `mkdocs serve` makes one language and those too.

- on_config: load and check the data once per build; a bad record stops the build here.
- on_files: one generated page per person (and list pages for large groups), out of the nav.
- on_page_context: what a page made from data shows (a person, a list...); its template
  (overrides/generated.html) renders it from overrides/components.
- on_page_content: in another language, the note saying what each page is.
- on_post_page / on_post_template: safe external links and the Content-Security-Policy.
- on_post_build: redirects, search index, share images, open data, feed, robots.txt.
"""
from __future__ import annotations

import json
import logging
import os
import posixpath
import re
import subprocess
import sys
import time
from pathlib import Path

from markupsafe import Markup
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, InclusionLevel

ROOT = Path(__file__).resolve().parent.parent
log = logging.getLogger("mkdocs.hooks.sitegen")
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from sitegen import (  # noqa: E402
    brief,
    data,
    dossier,
    exports,
    feed,
    i18n,
    icons,
    offline,
    people_lists,
    render,
    run,
    security,
    share_images,
    theme_fixes,
)
from sitegen.render import tr  # noqa: E402

ROOT_KEY = str(ROOT)
CACHE = ROOT / ".cache"  # what the build may keep between runs (share images, dossiers), by content


def site() -> data.SiteData:
    """The data as loaded at the start of this build."""
    return data.load(ROOT_KEY, refresh=False)


_build: dict = {}  # what this build's pages share: helpers and the one Jinja environment


def on_startup(command, dirty):
    _build["dev_server"] = command == "serve"


def on_config(config):
    try:
        loaded = data.load(ROOT)  # looks at the files once per build
    except data.DataError as error:
        raise PluginError(error.report()) from None
    lang = config["theme"]["language"]
    if lang not in loaded.language_codes():
        raise PluginError(f"SITE_LANG={lang!r} is not one of the site's languages ({', '.join(loaded.language_codes())}) "
                          "— see data/publication.yml")
    if config["use_directory_urls"]:
        raise PluginError("mkdocs.yml: use_directory_urls must stay false — pages end in .html so that "
                          "offline copies work, and people/<slug>.html is each profile's permanent address")
    config["extra"]["root_url"] = config["site_url"]
    if lang != render.LANG and run.CURRENT.pipeline:  # in the whole site, another language lives in <code>/
        config["site_url"] = (config["site_url"] or "").rstrip("/") + f"/{lang}/"
    _build["lang"] = lang
    _build["helpers"] = render.Helpers(site, config, lang)
    _build["config"] = config
    _build["env"] = render.environment(config, _build["helpers"])
    config["copyright"] = _build["helpers"].plain(loaded.publication["footer"])
    config["site_name"] = _build["helpers"].ui("site_name")
    for scheme in config["theme"]["palette"]:
        scheme["toggle"]["name"] = _build["helpers"].ui("palette_to_dark" if scheme["scheme"] == "default" else "palette_to_light")
    config["extra"]["home_heading"] = home_heading(config, lang)
    if config["extra"].get("repository"):
        folder = "docs/" if lang == render.LANG else f"{i18n.TRANSLATIONS_DIR}/{lang}/docs/"
        config["edit_uri"] = _build["helpers"].repository_url(f"edit/main/{folder}")
    if not run.CURRENT.pipeline and not _build.get("dev_server"):
        # A plain `mkdocs build`: this language's dossier, before the pages, which link it with
        # its page count (the pipeline has made every language's before starting MkDocs).
        run.CURRENT.dossiers = make_dossiers(loaded, config, [lang])
        run.CURRENT.briefs = make_briefs(loaded, config, [lang])
    return config


def make_dossiers(loaded, config, languages: list) -> dict:
    """The PDF dossiers of `languages`, made into the cache (by content: unchanged, they cost nothing)."""
    started = time.monotonic()
    made = dossier.make_all(loaded, config, CACHE / "dossiers", languages)
    log.info("dossiers: made in %.1f s: %s", time.monotonic() - started,
             ", ".join(f"{v['file']} {v['pages']} pages" for vs in made.values() for v in vs))
    return made


def make_briefs(loaded, config, languages: list, pdfs: bool = True) -> dict:
    """Every person's brief in `languages`; the PDFs made into the cache (by content)."""
    started = time.monotonic()
    made = brief.make_all(loaded, config, CACHE / "briefs", languages, pdfs=pdfs)
    files = [b["pdf"] for briefs in made.values() for b in briefs.values() if b["pdf"]]
    why = " (no PDFs asked for)" if not pdfs else f" (no PDFs above {brief.PDF_LIMIT} people: the web pages print)"
    log.info("briefs: %d in %s, %d PDFs (%d pages) in %.1f s%s", sum(len(b) for b in made.values()), ", ".join(made),
             len(files), sum(p["pages"] for p in files), time.monotonic() - started,
             "" if files or not loaded.people else why)
    return made


def front_matter(meta: dict) -> str:
    """JSON is YAML: as safe as yaml.safe_dump for any text, and far faster at 10,000 pages."""
    return "---\n" + json.dumps(meta, ensure_ascii=False, sort_keys=True) + "\n---\n"


def generated_page(meta: dict) -> str:
    """A page made from data: front matter only (its body comes from a template). Macros never
    render it: nothing in it is a macro, and text from data must never run as Jinja (rule 4)."""
    return front_matter({**meta, "render_macros": False})


def escape_title(text: str) -> str:
    """Titles are HTML in MkDocs and Material: text from data is escaped once, here."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def profile_source(person) -> str:
    """A profile's generated Markdown file: front matter only; the hook renders the body."""
    helpers = _build["helpers"]
    group = helpers.ui(f"groups.{person['group']}.one")
    now = helpers.status(person)
    return generated_page({
        "template": "generated.html",
        "person": person["slug"],
        "title": escape_title(helpers.name(person)),
        "description": helpers.ui("profile_description", name=helpers.name(person), group=group,
                                  state=now["label"] if now["current"] else now["short"], date=now["headline_date"]),
    })


def list_source(page: people_lists.ListPage) -> str:
    """A page of a large group's list of people."""
    helpers = _build["helpers"]
    title = helpers.ui("list_title", group=helpers.ui(f"groups.{page.group}.many"), number=page.number, total=page.total)
    return generated_page({
        "template": "generated.html",
        "people_list": page.url,
        "title": escape_title(title),
        "description": f"{title}: {helpers.ui('list_range', first=page.first, last=page.last)}.",
    })


def translate_pages(files, config):
    """In another language, each prose page is replaced by its translation where one exists
    (translations/<lang>/docs/); the others stay English and say so (on_page_content)."""
    language = site().languages[_build["lang"]]
    for file in list(files.documentation_pages()):
        translated = language.docs.get(file.src_uri)
        if translated is None:
            continue
        meta, body = translated
        files.remove(file)
        files.append(File.generated(config, file.src_uri, content=front_matter(meta) + body, inclusion=file.inclusion))


def withdrawn_source(date: str) -> str:
    """A withdrawn profile's page: a notice at its address, in every language, not indexed."""
    helpers = _build["helpers"]
    return generated_page({"template": "withdrawn.html", "withdrawn": date, "title": escape_title(helpers.ui("withdrawn_title")),
                         "description": helpers.ui("withdrawn_text", date=helpers.fmt_date(date))})


def facet_source(page: people_lists.FacetPage) -> str:
    """A page of the people with one letter group, status or role (the index's filters)."""
    helpers = _build["helpers"]
    label = helpers.facet_label(page.facet, page.value)
    title = f"{helpers.ui('facet_' + page.facet)}: {label}" + (f" ({page.number}/{page.total})" if page.total > 1 else "")
    return generated_page({"template": "generated.html", "facet_page": page.url, "title": escape_title(title),
                         "description": f"{title}: {helpers.ui('count_person' if page.count == 1 else 'count_people', count=page.count)}."})


def article_source(article_id: str) -> str:
    """An article of the Criminal Code: its titles, and the people of the letter charged under it."""
    helpers = _build["helpers"]
    title = helpers.article_name(site().articles[article_id])
    return generated_page({"template": "generated.html", "article": article_id, "title": escape_title(title),
                         "description": f"{title}. {helpers.ui('article_people')}."})


# Theme files this site never loads: Material's own search (off; search is Pagefind) and source
# maps. Left out, every language's copy of the theme is 2 MB lighter, and so is the offline copy.
UNUSED_THEME_FILES = ("assets/javascripts/lunr/", "assets/javascripts/workers/")


def on_files(files, config):
    loaded = site()
    for file in list(files):
        if file.src_uri.startswith(UNUSED_THEME_FILES) or file.src_uri.endswith(".map"):
            files.remove(file)
    if _build["lang"] != render.LANG:
        translate_pages(files, config)
    files.append(File.generated(config, icons.STYLESHEET, content=icons.stylesheet(config)))
    for slug, date in loaded.withdrawn.items():
        files.append(File.generated(config, f"people/{slug}.md", content=withdrawn_source(date),
                                    inclusion=InclusionLevel.NOT_IN_NAV))
    for person in loaded.people:
        files.append(File.generated(config, f"people/{person['slug']}.md", content=profile_source(person),
                                    inclusion=InclusionLevel.NOT_IN_NAV))
    _build["list_pages"] = {page.url: page for page in people_lists.all_pages(loaded, data.GROUPS)}
    for page in _build["list_pages"].values():
        files.append(File.generated(config, page.path, content=list_source(page), inclusion=InclusionLevel.NOT_IN_NAV))
    for article_id in loaded.articles:
        files.append(File.generated(config, f"articles/{article_id}.md", content=article_source(article_id),
                                    inclusion=InclusionLevel.NOT_IN_NAV))
    _build["facet_pages"] = {page.url: page for page in people_lists.facet_pages(loaded)}
    for page in _build["facet_pages"].values():
        files.append(File.generated(config, page.path, content=facet_source(page), inclusion=InclusionLevel.NOT_IN_NAV))
    return files


def on_nav(nav, config, files):
    """Navigation labels in this build's language (data/strings.yml: nav)."""
    for item in nav.items:
        if getattr(item, "file", None) is not None:
            item.title = _build["helpers"].ui(f"nav.{item.file.src_uri[:-3]}")
    return nav


def environment():
    """The Jinja environment of this build (render.environment): pages, components, macros."""
    return _build["env"]


def helpers() -> render.Helpers:
    """This build's helpers, in its language (the macros use them too)."""
    return _build["helpers"]


def on_env(env, config, files):
    """MkDocs renders the pages with the build's one environment, made in on_config (the macros
    render components with it before MkDocs gets here)."""
    return _build["env"]


def on_page_content(html, page, config, files):
    """Prose pages: the Cite block of those that carry one; in another language, the note that
    says what the page is: a translation, reviewed or not, or the English where there is none
    yet (marked lang="en"). Pages made from data get theirs in their template (page_context)."""
    if is_generated(page):
        return html
    if page.file.src_uri in CITED_PAGES:  # their Cite block, with the version of what they are built from
        html += render.render_component(_build["env"], "components/cite.html", page,
                                        c=_build["helpers"].cite_page(CITED_PAGES[page.file.src_uri], page))
    if _build["lang"] != render.LANG:
        html = translation_note(html, page, config)
    return html


GENERATED = ("person", "people_list", "facet_page", "article", "withdrawn")  # front matter of pages made from data


def is_generated(page) -> bool:
    return any(page.meta.get(key) for key in GENERATED)


CITED_PAGES = {"letter.md": "letter", "since.md": "since"}  # profiles carry theirs in components/person.html


def translation_note(html: str, page, config) -> str:
    helpers = _build["helpers"]
    notes, fallback, unreviewed = [], False, []
    translation = page.meta.get("translation")
    if translation:
        if translation.get("reviewed"):
            notes.append(helpers.ui("note_reviewed"))
        else:
            unreviewed.append("note_part_page")
        if i18n.page_is_stale(page.meta, Path(config["docs_dir"]) / page.file.src_uri):
            notes.append(helpers.ui("note_stale"))
    elif is_generated(page):
        pass  # a page made from data: its texts say for themselves whether they are translated
    else:
        fallback = True
        notes.append(helpers.ui("note_fallback_page"))
    # What on the page no fluent speaker has reviewed yet, each named (its markers: render.Helpers.marked,
    # components/person.html, macros.letter_text).
    for marker, part in (('class="kz-draft-name"', "note_part_name"), ('class="kz-draft"', "note_part_texts"),
                         ('class="kz-draft-letter"', "note_part_letter")):
        if marker in html:
            unreviewed.append(part)
    if not site().languages[_build["lang"]].strings_reviewed:
        unreviewed.append("note_part_interface")  # the headings, labels and buttons of every page
    if unreviewed:
        notes.insert(0, helpers.ui("note_unreviewed", parts="; ".join(helpers.ui(part) for part in unreviewed)))
    if 'class="kz-fallback"' in html and not fallback:
        notes.append(helpers.ui("note_fallback_texts"))
    if not notes:
        return html
    # The English page, where this run builds it (a language built alone has no English beside it).
    english_url = posixpath.relpath(page.url, posixpath.dirname(f"{_build['lang']}/{page.url}")) \
        if run.CURRENT.pipeline else None
    note = _build["env"].get_template("components/translation-note.html").render(
        notes=notes, english_url=english_url, link=helpers.ui("note_english"))
    if fallback:
        html = f'<div lang="en">{html}</div>'
    return render.render_component_text(note) + html


def minify(html: str) -> str:
    """Every page without the theme's indentation (minify-html): a third less to store and send.
    Conservative: closing tags, quotes, comments-free but otherwise as written; inline scripts
    untouched (the security policy hashes them next)."""
    import minify_html
    return minify_html.minify(html, keep_closing_tags=True, keep_html_and_head_opening_tags=True,
                              keep_input_type_text_attr=True, minify_doctype=False)


def finish_html(output: str) -> str:
    """Last touches to every HTML page, theme parts included: safe external links, minified, then
    the security policy (last, since it hashes the page's inline scripts)."""
    try:
        output = icons.replace_inline(output, _build["config"])
        output = theme_fixes.apply(output, _build["helpers"].ui)
        output = security.mark_external_links(output)
        if not _build.get("dev_server"):
            output = minify(output)
        if not run.CURRENT.pipeline:  # the pipeline fills the size once the copy is made (offline.publish)
            output = offline.with_size(output)
        return security.apply_policy(output, dev_server=_build.get("dev_server", False))
    except (theme_fixes.ThemeChanged, security.InlineScript) as error:
        raise PluginError(str(error)) from None


def on_post_page(output, page, config):
    return finish_html(output)


def on_post_template(output, template_name, config):
    return finish_html(output) if template_name.endswith(".html") else output


def on_page_context(context, page, config, nav):
    """A page made from data gets its data here; its template renders it (overrides/generated.html)."""
    meta = page.meta
    if meta.get("person"):
        context["person"] = site().by_slug[meta["person"]]
    elif meta.get("people_list"):
        context["list_page"] = _build["list_pages"][meta["people_list"]]
    elif meta.get("facet_page"):
        context["facet_page"] = _build["facet_pages"][meta["facet_page"]]
    elif meta.get("article"):
        context["article_id"] = meta["article"]
    elif meta.get("withdrawn"):
        context["date"] = meta["withdrawn"]
    if is_generated(page) and _build["lang"] != render.LANG:
        context["translation_note"] = lambda body: Markup(translation_note(str(body), page, config))
    return context


def home_heading(config, lang: str = render.LANG) -> str:
    """The home page's own heading (docs/index.md, or its translation), so the words live in one place."""
    translated = site().languages[lang].docs.get("index.md") if lang != render.LANG else None
    text = translated[1] if translated else (Path(config["docs_dir"]) / "index.md").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.startswith("# "):
            return re.sub(r"\s*\{[^}]*\}\s*$", "", line[2:]).strip()  # without an attribute list { .class }
    return config["site_name"]


def share_image_specs(config, lang: str) -> list:
    """What each preview image says, in one language: one per person, one for the letter, one
    for the site. In another language only the images whose text is in its script are drawn
    (a name it spells otherwise, the home page, the letter); the others use the English image."""
    helpers = render.Helpers(site, config, lang)
    loaded = site()
    footer = helpers.ui("site_name")  # in the image's language
    prefix = "" if lang == render.LANG else f"{lang}/"
    images = []
    for person in loaded.people:
        if lang != render.LANG and helpers.name(person) == tr(person["name"]):
            continue
        now = helpers.status(person)
        images.append(share_images.ShareImage(
            name=prefix + person["slug"], title=helpers.name(person),
            subtitle=helpers.ui("share_person_subtitle", group=helpers.ui(f"groups.{person['group']}.one"),
                                state=now["short"], date=now["headline_date"]),
            footer=footer))
    source = loaded.sources[loaded.letter_meta["source"]]
    title = loaded.letter.title
    if lang != render.LANG and loaded.languages[lang].letter.get("title"):
        title = loaded.languages[lang].letter["title"].text
    images.append(share_images.ShareImage(
        prefix + "letter", title,
        helpers.ui("letter_by", author=helpers.plain(source["publisher"]), date=helpers.fmt_date(loaded.letter_meta["published"])), footer))
    counts = loaded.letter_counts()
    images.append(share_images.ShareImage(
        prefix + "home", home_heading(config, lang),
        helpers.ui("share_home_subtitle", imprisoned=counts["imprisoned"], suspended=counts["suspended-sentence"]), footer))
    return images


def start_search_index(site_dir: Path) -> subprocess.Popen:
    """Pagefind writes site/pagefind/: an index split into fragments that load only on search.

    It runs beside the rest of on_post_build; every HTML page must be written before it starts.
    """
    return subprocess.Popen([sys.executable, "-m", "pagefind_bin", "--site", str(site_dir), "--output-subdir", "pagefind",
                             "--quiet"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def finish_search_index(process: subprocess.Popen, site_dir: Path) -> None:
    output, _ = process.communicate()
    if process.returncode != 0:
        raise PluginError(f"Pagefind could not index the site (is pagefind-bin installed? run `make build`):\n{output}")
    # Pagefind lists the languages in no fixed order: sorted, the same input gives the same bytes.
    entry = site_dir / "pagefind" / "pagefind-entry.json"
    entry.write_text(json.dumps(json.loads(entry.read_text(encoding="utf-8")), sort_keys=True, separators=(",", ":")),
                     encoding="utf-8")


def write_redirects(site_dir: Path, helpers: render.Helpers, loaded: data.SiteData) -> None:
    """A page at each former address of a record, leading to its current one."""
    redirect = _build["env"].get_template("components/redirect.html")
    for person in loaded.people:
        for old in person.get("former_slugs") or []:
            html = redirect.render(page=None, name=tr(person["name"]), target=f"{person['slug']}.html",
                                   canonical=helpers.site_url(helpers.person_url(person["slug"])))
            (site_dir / "people" / f"{old}.html").write_text(security.apply_policy(html), encoding="utf-8")


def on_post_build(config):
    site_dir = Path(config["site_dir"])
    write_redirects(site_dir, _build["helpers"], site())
    if not run.CURRENT.pipeline:  # a plain `mkdocs build`: this language's shared files too
        finish_site(config, [_build["lang"]])


def finish_site(config, languages: list) -> str:
    """What every language shares, made once, in the root site_dir: the search index (one per
    language: Pagefind reads <html lang>), share images, open data, the feed, robots.txt and the
    offline copy. Returns the copy's size as the pages' footers give it (", 12.3 MB)")."""
    site_dir = Path(config["site_dir"])
    loaded = site()
    helpers = render.Helpers(site, config, render.LANG)
    env = render.environment(config, helpers)  # in English (the languages' builds are over)
    search = start_search_index(site_dir)  # all HTML is written: index it while the rest is made
    cache = Path(os.environ.get("SHARE_IMAGE_CACHE", CACHE / "share-images"))  # bench/run.py: one per size
    specs = [spec for lang in languages for spec in share_image_specs(config, lang)]
    started = time.monotonic()
    drawn = share_images.write_all(specs, site_dir / "assets" / "share", cache)
    log.info("share images: %d drawn, %d from the cache (%.1f s)", drawn, len(specs) - drawn, time.monotonic() - started)
    started = time.monotonic()
    exports.write_all(site_dir / "data", helpers, loaded, loaded.publication, ROOT / "data/schema/person.schema.json")
    (site_dir / "feed.xml").write_text(env.get_template("components/atom-feed.html").render(
        page=None, title=helpers.ui("feed_title"), rights=loaded.publication["footer"],
        entries=feed.entries(helpers, loaded.people)), encoding="utf-8")
    dossier.place(run.CURRENT.dossiers, site_dir)
    brief.place(run.CURRENT.briefs, site_dir, pages=not run.CURRENT.pipeline)  # the pipeline wrote the pages beside the builds
    root = (config["extra"].get("root_url") or config["site_url"]).rstrip("/")
    sitemaps = "".join(f"Sitemap: {root}/{'' if lang == render.LANG else lang + '/'}sitemap.xml\n" for lang in languages)
    (site_dir / "robots.txt").write_text(f"User-agent: *\nAllow: /\n{sitemaps}", encoding="utf-8")
    log.info("open data, feed, downloads: %.1f s", time.monotonic() - started)
    started = time.monotonic()
    copy = offline.write_zip(site_dir, loaded.today)  # everything it holds is written; Pagefind reads the pages meanwhile
    size = offline.human_size(copy.stat().st_size)
    log.info("offline copy: %s, %s (%.1f s)", copy.relative_to(site_dir), size, time.monotonic() - started)
    started = time.monotonic()
    finish_search_index(search, site_dir)
    log.info("search index: waited %.1f s for Pagefind", time.monotonic() - started)
    return helpers.ui("offline_size", size=size)
