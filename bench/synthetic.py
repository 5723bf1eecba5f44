"""Clearly fake people for benchmarks and scale tests. Never written into the real data/.

`make_project(dest, n)` copies the project to `dest` and replaces data/people with n
synthetic records that pass validation, citing one synthetic source: compact ones (about ten
fields) for the scale test, or with `full=True` ones the size and shape of an average real
record, for the published site's size (bench/run.py --published-size).
"""
from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PARTS = ["mkdocs.yml", "macros.py", "docs", "data", "translations", "overrides", "sitegen", "fonts"]
GROUPS = ["imprisoned", "psychiatric-detention", "suspended-sentence", "persecuted-abroad"]
ROLES = ["civil-society-activist", "trade-union-activist", "journalist", "social-network-user"]
SOURCE = """
synthetic-benchmark:
  title: Synthetic benchmark source (not a real source)
  publisher: Benchmark generator
  date: 2020-01-01
  note: Used only by fake records in benchmarks and tests.
"""
GIVEN = ["Aigul", "Bolat", "Dana", "Erlan", "Gulnara", "Kairat", "Madina", "Nurlan", "Saule", "Timur"]


def record(i: int) -> str:
    """A compact record (about 0.7 KB): the scale test's, which checks correctness, not size."""
    # Seven in ten imprisoned, as in real registries: large groups exercise the paginated index.
    group = "imprisoned" if i % 10 < 7 else GROUPS[i % 10 - 6]
    return f"""# yaml-language-server: $schema=../schema/person.schema.json
name: Fake {GIVEN[i % len(GIVEN)]} Testperson {i:05d}
aliases: [Fake Test {i:05d}]
group: {group}
role: {ROLES[i % len(ROLES)]}
status: {{state: {group}, as_of: 2020-01, source: synthetic-benchmark}}
facts:
  - {{text: "Synthetic fact number one about test record {i}, for benchmarks only.", source: synthetic-benchmark}}
  - {{text: "Synthetic fact number two about test record {i}, for benchmarks only.", source: synthetic-benchmark}}
updates:
  - {{date: 2021-0{1 + i % 9}, text: "Synthetic dated update for record {i}.", source: synthetic-benchmark}}
added: 2020-01-0{1 + i % 9}
last_verified: 2020-02-01
last_searched: 2020-02-01
"""


SENTENCE = ("Synthetic text for benchmarks only, as long as a real sentence of a profile; it says what a "
            "source reported, when, and who reported it, with a court, a town and a date")


def full_record(i: int) -> str:
    """A record the size and shape of an average real one (data/people: about 3.2 KB of YAML):
    facts, dated updates (one of them a state with its end), a case record with a charge and two
    rulings. For the bench's sizes (issue #25: measure with records of average size)."""
    group = "imprisoned" if i % 10 < 7 else GROUPS[i % 10 - 6]
    month = 1 + i % 9
    return f"""# yaml-language-server: $schema=../schema/person.schema.json
name: Fake {GIVEN[i % len(GIVEN)]} Testperson {i:05d}
aliases: [Fake Test {i:05d}]
group: {group}
role: {ROLES[i % len(ROLES)]}
status:
  state: {group}
  as_of: '2020-0{month}'
  source: synthetic-benchmark
facts:
- text: Synthetic fact number one about test record {i}. {SENTENCE}.
  source: synthetic-benchmark
- text: Synthetic fact number two about test record {i}. {SENTENCE}.
  source: synthetic-benchmark
- text: Synthetic fact number three about test record {i}. {SENTENCE}.
  source: synthetic-benchmark
updates:
- date: '2018-0{month}'
  text: Synthetic first update for record {i}. {SENTENCE}.
  source: synthetic-benchmark
- date: '2019-0{month}-1{month}'
  text: Synthetic second update for record {i}. {SENTENCE}, and a second clause as real updates often have.
  source: synthetic-benchmark
- date: '2020-0{month}'
  state: {group}
  text: Synthetic third update for record {i}, which sets the state shown today. {SENTENCE}.
  source: synthetic-benchmark
- date: '2021-0{month}'
  text: Synthetic fourth update for record {i}. {SENTENCE}.
  source: synthetic-benchmark
case:
  charges:
  - article: cc2014-174-2
    outcome: convicted
    source: synthetic-benchmark
  rulings:
  - date: '2017-0{month}-1{month}'
    court: Synthetic District Court No. {i % 7 + 1}
    kind: verdict
    outcome: convicted
    sentence: imprisonment
    term: P{2 + i % 5}Y
    text: Synthetic verdict for record {i}. {SENTENCE}.
    source: synthetic-benchmark
  - date: '2017-1{month % 3}-0{month}'
    court: Synthetic Regional Court
    kind: appeal
    outcome: upheld
    text: Synthetic appeal for record {i}, the verdict upheld. {SENTENCE}.
    source: synthetic-benchmark
added: 2020-01-0{month}
last_verified: 2021-02-01
last_searched: 2021-02-01
"""


def copy_project(dest: Path) -> Path:
    """A copy of everything the build reads, to change data in without touching the real one."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in PARTS:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, dest / part)
    return dest


def make_project(dest: Path, n: int, full: bool = False) -> Path:
    """The project with n synthetic people: compact records, or `full` ones of a real record's size."""
    copy_project(dest)
    people = dest / "data/people"
    for file in people.glob("*.yml"):
        file.unlink()
    for file in (dest / "translations").glob("*/people/*.yml"):  # translations of the real records
        file.unlink()
    for i in range(n):
        (people / f"fake-testperson-{i:05d}.yml").write_text((full_record if full else record)(i), encoding="utf-8")
    sources = dest / "data/sources.yml"
    sources.write_text(sources.read_text(encoding="utf-8") + SOURCE, encoding="utf-8")
    (dest / "data/decisions.yml").write_text("{}\n", encoding="utf-8")  # decisions name real records only
    letter = dest / "data/letter/letter.yml"  # the letter's counts describe the real records only
    text = letter.read_text(encoding="utf-8")
    letter.write_text(text[: text.index("stated_counts:")] + "stated_counts: {}\n", encoding="utf-8")
    return dest
