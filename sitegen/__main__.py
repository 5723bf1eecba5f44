"""Command line: `python -m sitegen check [--github]`, `python -m sitegen new-person "Name"`."""
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


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sitegen")
    sub = parser.add_subparsers(dest="command", required=True)
    check_cmd = sub.add_parser("check", help="validate data/")
    check_cmd.add_argument("--github", action="store_true", help="also print GitHub annotation lines")
    new_cmd = sub.add_parser("new-person", help="write a skeleton record")
    new_cmd.add_argument("name")
    args = parser.parse_args(argv)
    if args.command == "check":
        return check(args.github)
    return new_person(args.name)


if __name__ == "__main__":
    sys.exit(main())
