"""Command line: `python -m sitegen check [--github]`, `python -m sitegen build [-d site] [--lang ru]`,
`python -m sitegen translations ru`, `python -m sitegen new-person "Name"`,
`python -m sitegen release-files site release data-YYYY-MM-DD`."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def check(github: bool) -> int:
    from .data import DataError, load

    try:
        site = load(ROOT)
    except DataError as error:
        if github:
            for p in error.problems:
                message = f"{p.field}: {p.message}".replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
                print(f"::error file={p.path},line={p.line},title=Data check::{message}")
        print(error.report(), file=sys.stderr)
        return 1
    groups = {}
    for person in site.people:
        groups[person["group"]] = groups.get(person["group"], 0) + 1
    summary = ", ".join(f"{n} {g}" for g, n in groups.items())
    print(f"data OK: {len(site.people)} people ({summary}), {len(site.sources)} sources")
    return 0


def new_person(name: str) -> int:
    from .scaffold import write_skeleton

    try:
        path = write_skeleton(ROOT, name)
    except ValueError as error:
        print(f"new-person: {error}", file=sys.stderr)
        return 1
    print(f"wrote {path.relative_to(ROOT)} — fill it in with sources, then run `make check-data`")
    return 0


def release_files(site_dir: str, out: str, tag: str) -> int:
    from .data import load
    from .release import release_files as make
    site = load(ROOT)
    try:
        names = make(Path(site_dir), Path(out), tag, site.versions, site.strings["en"]["site_name"])
    except ValueError as error:
        print(f"release-files: {error}", file=sys.stderr)
        return 1
    print("\n".join(names))
    return 0


def translations(code: str, record: bool = False) -> int:
    """What a translator has to do in one language: texts with no translation, stale ones,
    unreviewed ones. With `record`, first note that every interface string is up to date."""
    from . import i18n
    from .data import load
    site = load(ROOT)
    if code not in site.languages:
        print(f"translations: {code!r} is not one of {', '.join(site.languages)}", file=sys.stderr)
        return 2
    lang = site.languages[code]
    if record:
        path = i18n.record_strings(ROOT, lang, site)
        print(f"# recorded the English of every translated interface string in {path.relative_to(ROOT)}")
        lang.strings_from = {key: value for key, value in i18n.english_string_prints(site).items()}
    todo = i18n.missing(lang, site)
    print(f"# {len(todo)} texts of data/ have no {code} translation (key: English):")
    for where, key, text in todo:
        print(f"{key}: {text}    # {where}")
    stale = i18n.stale(lang, site) + i18n.stale_letter(lang, site)
    print(f"# {len(stale)} translations match no current English text (the English changed): retranslate or remove")
    for source, key in stale:
        print(f"{source}: {key}")
    strings = i18n.stale_strings(lang, site)
    print(f"# {len(strings)} interface strings changed in English since they were translated: update them in "
          f"translations/{code}/strings.yml, then run `python -m sitegen translations {code} --record`")
    english = dict(i18n.flat_strings(site.strings["en"]))
    for key in strings:
        print(f"{key}: {english[key]}")
    pages = i18n.stale_pages(lang, ROOT)
    print(f"# {len(pages)} pages translated from an English page that has changed since: update them, then set "
          "`translation.from` to the fingerprint printed here")
    for page in pages:
        english = ROOT / "docs" / page.split("/docs/", 1)[1]
        print(f"{page}: from {i18n.fingerprint(english.read_text(encoding='utf-8'))}")
    names = i18n.stale_names(lang, site)
    print(f"# {len(names)} names changed in English since they were spelled here: check the spelling, then set `english:` to the new English")
    for slug in names:
        print(f"translations/{code}/people/{slug}.yml: {site.by_slug[slug]['name']}")
    todo = i18n.unreviewed(lang, site)
    print(f"# {len(todo)} files hold texts no fluent speaker has reviewed yet (mark each: "
          "reviewed: {by: <your handle or a pseudonym>, date: YYYY-MM-DD}):")
    for source, what in todo:
        print(f"{source}: {what}")
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sitegen")
    sub = parser.add_subparsers(dest="command", required=True)
    check_cmd = sub.add_parser("check", help="validate data/")
    check_cmd.add_argument("--github", action="store_true", help="also print GitHub annotation lines")
    new_cmd = sub.add_parser("new-person", help="write a skeleton record")
    new_cmd.add_argument("name")
    build_cmd = sub.add_parser("build", help="build every language into site/ (strict)")
    build_cmd.add_argument("-d", "--site-dir", default="site")
    build_cmd.add_argument("--lang", action="append", help="build only English and this language (repeatable)")
    build_cmd.add_argument("--no-pdfs", action="store_true",
                           help="leave out every PDF, dossiers and briefs (a quicker preview; the tests' small sites; "
                                "bench/run.py above 3,000 people)")
    tr_cmd = sub.add_parser("translations", help="list the texts of data/ still to translate in a language")
    tr_cmd.add_argument("code")
    tr_cmd.add_argument("--record", action="store_true", help="note that every interface string is up to date with its English")
    rel_cmd = sub.add_parser("release-files", help="the files of a released version, from a built site (release workflow)")
    rel_cmd.add_argument("site_dir")
    rel_cmd.add_argument("out")
    rel_cmd.add_argument("tag")
    args = parser.parse_args(argv)
    if args.command == "check":
        return check(args.github)
    if args.command == "build":
        from .build import main as build_main
        return build_main(args.site_dir, args.lang, pdfs=not args.no_pdfs)
    if args.command == "translations":
        return translations(args.code, args.record)
    if args.command == "release-files":
        return release_files(args.site_dir, args.out, args.tag)
    return new_person(args.name)


if __name__ == "__main__":
    sys.exit(main())
