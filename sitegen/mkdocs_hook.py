"""MkDocs hook: the glue between data/ and the site. Registered in mkdocs.yml under `hooks:`.

- on_config: load and check the data once per build; a bad record stops the build here.
- on_files: one generated page per person (and list pages for large groups), out of the nav.
- on_page_content: their bodies, from overrides/components, so that search indexes them.
- on_post_page / on_post_template: safe external links and the Content-Security-Policy.
- on_post_build: redirects, search index, share images, open data, feed, robots.txt.
"""
from __future__ import annotations

import json
import logging
import os
import re
import subprocess
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, InclusionLevel

ROOT = Path(__file__).resolve().parent.parent
log = logging.getLogger("mkdocs.hooks.sitegen")
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from sitegen import data, exports, feed, people_lists, render, security, share_images, theme_fixes  # noqa: E402
from sitegen.render import tr  # noqa: E402


def site() -> data.SiteData:
    """The data as loaded at the start of this build."""
    return data.load(ROOT, refresh=False)


_build: dict = {}  # what this build's pages share: helpers and the component environment


def on_startup(command, dirty):
    _build["dev_server"] = command == "serve"


def on_config(config):
    try:
        loaded = data.load(ROOT)  # looks at the files once per build
    except data.DataError as error:
        raise PluginError(error.report()) from None
    _build["helpers"] = render.Helpers(site, config)
    _build["components"] = render.component_env(site, config)
    if config["use_directory_urls"]:
        raise PluginError("mkdocs.yml: use_directory_urls must stay false — pages end in .html so that "
                          "offline copies work, and people/<slug>.html is each profile's permanent address")
    config["copyright"] = loaded.publication["footer"]
    config["extra"]["home_heading"] = home_heading(config)
    if config["extra"].get("repository"):
        config["edit_uri"] = _build["helpers"].repository_url("edit/main/docs/")
    return config


def front_matter(meta: dict) -> str:
    """JSON is YAML: as safe as yaml.safe_dump for any text, and far faster at 10,000 pages."""
    return "---\n" + json.dumps(meta, ensure_ascii=False, sort_keys=True) + "\n---\n"


def escape_title(text: str) -> str:
    """Titles are HTML in MkDocs and Material: text from data is escaped once, here."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def profile_source(person) -> str:
    """A profile's generated Markdown file: front matter only; the hook renders the body."""
    helpers = _build["helpers"]
    group = helpers.ui(f"groups.{person['group']}.one")
    now = helpers.status(person)
    return front_matter({
        "template": "generated.html",
        "person": person["slug"],
        "title": escape_title(tr(person["name"])),
        "description": helpers.ui("profile_description", name=tr(person["name"]), group=group, state=now["label"],
                                  date=now["when"]),
    })


def list_source(page: people_lists.ListPage) -> str:
    """A page of a large group's list of people."""
    helpers = _build["helpers"]
    title = helpers.ui("list_title", group=helpers.ui(f"groups.{page.group}.many"), number=page.number, total=page.total)
    return front_matter({
        "template": "generated.html",
        "people_list": page.url,
        "title": escape_title(title),
        "description": f"{title}: {helpers.ui('list_range', first=page.first, last=page.last)}.",
    })


def on_files(files, config):
    loaded = site()
    for person in loaded.people:
        files.append(File.generated(config, f"people/{person['slug']}.md", content=profile_source(person),
                                    inclusion=InclusionLevel.NOT_IN_NAV))
    _build["list_pages"] = {page.url: page for page in people_lists.all_pages(loaded, data.GROUPS)}
    for page in _build["list_pages"].values():
        files.append(File.generated(config, page.path, content=list_source(page), inclusion=InclusionLevel.NOT_IN_NAV))
    return files


def escaped_template(name) -> bool:
    """Our own templates render data, so they escape everything; Material's do not."""
    return bool(name) and name.startswith("components/")


def on_env(env, config, files):
    env.autoescape = escaped_template
    render.Helpers(site, config).install(env)
    return env


def on_page_content(html, page, config, files):
    """Generated pages get their body from a component here, so that search indexes it too."""
    slug, list_url = page.meta.get("person"), page.meta.get("people_list")
    if slug or list_url:
        env = _build["components"]
        if slug:
            html = render.render_component(env, "components/person.html", page, person=site().by_slug[slug])
        else:
            html = render.render_component(env, "components/people-list-page.html", page,
                                           list_page=_build["list_pages"][list_url])
    return html


def finish_html(output: str) -> str:
    """Last touches to every HTML page, theme parts included: safe external links, then the
    security policy (last, since it hashes the page's inline scripts)."""
    output = theme_fixes.apply(output, _build["helpers"].ui)
    return security.apply_policy(security.mark_external_links(output), dev_server=_build.get("dev_server", False))


def on_post_page(output, page, config):
    return finish_html(output)


def on_post_template(output, template_name, config):
    return finish_html(output) if template_name.endswith(".html") else output


def on_page_context(context, page, config, nav):
    slug = page.meta.get("person")
    if slug:
        context["person"] = site().by_slug[slug]
    return context


def home_heading(config) -> str:
    """The home page's own heading (docs/index.md), so the words live in one place."""
    for line in (Path(config["docs_dir"]) / "index.md").read_text(encoding="utf-8").splitlines():
        if line.startswith("# "):
            return re.sub(r"\s*\{[^}]*\}\s*$", "", line[2:]).strip()  # without an attribute list { .class }
    return config["site_name"]


def share_image_specs(config) -> list:
    """What each preview image says: one per person, one for the letter, one for the site."""
    helpers = _build["helpers"]
    loaded = site()
    footer = config["site_name"]
    images = [share_images.ShareImage(
        name=person["slug"], title=tr(person["name"]),
        subtitle=helpers.ui("share_person_subtitle", group=helpers.ui(f"groups.{person['group']}.one"),
                            state=helpers.status(person)["short"], date=helpers.status(person)["when"]),
        footer=footer) for person in loaded.people]
    source = loaded.sources[loaded.letter_meta["source"]]
    images.append(share_images.ShareImage(
        "letter", loaded.letter.title,
        helpers.ui("letter_by", author=source["publisher"], date=helpers.fmt_date(loaded.letter_meta["published"])), footer))
    counts = {g: len(loaded.in_group(g)) for g in data.GROUPS}
    images.append(share_images.ShareImage(
        "home", home_heading(config),
        helpers.ui("share_home_subtitle", imprisoned=counts["imprisoned"], suspended=counts["suspended-sentence"]), footer))
    return images


def start_search_index(site_dir: Path) -> subprocess.Popen:
    """Pagefind writes site/pagefind/: an index split into fragments that load only on search.

    It runs beside the rest of on_post_build; every HTML page must be written before it starts.
    """
    return subprocess.Popen([sys.executable, "-m", "pagefind_bin", "--site", str(site_dir), "--output-subdir", "pagefind",
                             "--quiet"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def finish_search_index(process: subprocess.Popen) -> None:
    output, _ = process.communicate()
    if process.returncode != 0:
        raise PluginError(f"Pagefind could not index the site (is pagefind-bin installed? run `make build`):\n{output}")


def write_redirects(site_dir: Path, helpers: render.Helpers, loaded: data.SiteData) -> None:
    """A page at each former address of a record, leading to its current one."""
    redirect = _build["components"].get_template("components/redirect.html")
    for person in loaded.people:
        for old in person.get("former_slugs") or []:
            html = redirect.render(page=None, name=tr(person["name"]), target=f"{person['slug']}.html",
                                   canonical=helpers.site_url(helpers.person_url(person["slug"])))
            (site_dir / "people" / f"{old}.html").write_text(security.apply_policy(html), encoding="utf-8")


def on_post_build(config):
    site_dir = Path(config["site_dir"])
    helpers = _build["helpers"]
    loaded = site()
    write_redirects(site_dir, helpers, loaded)
    search = start_search_index(site_dir)  # all HTML is written: index it while the rest is made
    cache = Path(os.environ.get("SHARE_IMAGE_CACHE", ROOT / ".cache" / "share-images"))
    specs = share_image_specs(config)
    drawn = share_images.write_all(specs, site_dir / "assets" / "share", cache)
    log.info("share images: %d drawn, %d from the cache", drawn, len(specs) - drawn)
    exports.write_all(site_dir / "data", helpers, loaded, loaded.publication, ROOT / "data/schema/person.schema.json")
    (site_dir / "feed.xml").write_text(_build["components"].get_template("components/atom-feed.html").render(
        page=None, title=helpers.ui("feed_title"), rights=loaded.publication["footer"],
        entries=feed.entries(helpers, loaded.people)), encoding="utf-8")
    (site_dir / "robots.txt").write_text(
        f"User-agent: *\nAllow: /\nSitemap: {config['site_url'].rstrip('/')}/sitemap.xml\n", encoding="utf-8")
    finish_search_index(search)
