"""Where each person stands today, and on what evidence: the rules of "How we count".

"Today" is the data date, the newest `last_searched` of any record, never the clock: the same
commit builds the same bytes. A person's standing is the latest dated state (the letter's
October 2017 statement or an update with a `state`), judged by three rules:

- `reported`: the state is final (released, acquitted, died: these never age); or a term that
  the sources give for it still runs (a maximum, "up to three years", does not: it may have
  ended sooner); or the newest report of the state (an update repeating it counts) is at most
  three years older than today;
- `term-ended`: the state had an end (`until`, or a start and a `term`) that has passed, and no
  later report is known. The page says the term ended, never that the state goes on;
- `last-reported`: the state is not final, the evidence is older than three years, and no
  end is known. The page says "last reported in <year>".

Only `reported` standings count as current anywhere on the site.

An end comes, newest first, from a same-state update's own `until` or `term`, else from the
latest court ruling (`case.rulings`) dated on or before the newest report whose `sentence` is
the kind that sets that state. A computed end (start plus term) is marked `computed` and shown
to the year ("about 2024"); a maximum (`term_max`) gives "at the latest".
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .timeline import before, key, parts, state_changes, year

FINAL = ("released", "acquitted", "died")
BASES = ("reported", "term-ended", "last-reported")
FRESH_YEARS = 3  # evidence older than this, with no running term, is "last reported"
# Which sentence sets which state: a ruling's term ends the state of that kind.
# The letter's "suspended sentences" are its group for non-custodial sentences with bans on
# activity ("Courts banned them..."): a sentence of restricted freedom or a ban ends that state too.
SENTENCE_STATES = {"imprisonment": ("imprisoned",),
                   "restricted-freedom": ("restricted-freedom", "suspended-sentence"),
                   "ban": ("restricted-freedom", "suspended-sentence"),  # a ban on activity is a restriction (data/README.md)
                   "suspended": ("suspended-sentence",), "psychiatric": ("psychiatric-detention",)}
TERM = re.compile(r"^P(?:(\d+)Y)?(?:(\d+)M)?$")


def term_months(term: str) -> int | None:
    """'P5Y6M' -> 66 months; None if it is not a term of years and months."""
    match = TERM.match(str(term or ""))
    if not match or not any(match.groups()):
        return None
    return int(match.group(1) or 0) * 12 + int(match.group(2) or 0)


def add_term(start: str, term: str) -> str:
    """The end of a term from its start, as precise as the start (a year stays a year)."""
    months = term_months(term)
    p = parts(start)
    if len(p) == 1:
        return f"{p[0] + round(months / 12):04d}"
    total = p[0] * 12 + (p[1] - 1) + months
    return f"{total // 12:04d}-{total % 12 + 1:02d}" + (f"-{p[2]:02d}" if len(p) == 3 else "")


@dataclass(frozen=True)
class End:
    date: str            # as precise as the source, or the computed date
    computed: bool       # start plus term: shown to the year, "about"
    at_latest: bool      # the term is a maximum ("up to three years")
    source: str
    ruling: dict | None  # the court ruling that set the term, if the end comes from one

    @property
    def shown(self) -> str:
        """The end as precisely as the page may say it: a computed end only to the year."""
        return self.date[:4] if self.computed else self.date

    def reported_after(self, date: str) -> bool:
        """Is a report dated `date` certainly after the end (the state went on)?"""
        return year(self.date) < year(date) if self.computed else before(self.date, date)

    def passed(self, today: str) -> bool:
        if self.computed:
            return year(self.date) < year(today)
        return before(self.date, today)


def _end_of(entry: dict) -> End | None:
    if entry.get("until"):
        return End(entry["until"], False, False, entry["source"], None)
    if entry.get("term") and term_months(entry["term"]) is not None:
        return End(add_term(entry["date"], entry["term"]), True, bool(entry.get("term_max")), entry["source"], None)
    return None


def _ruling_end(person: dict, state: str, started: str) -> End | None:
    """The end set by the latest ruling, on or before `started` (the newest report of the state),
    that sentenced to it (of several such rulings on one day, a prison term and a ban say, the
    one that ends last)."""
    found = []
    for ruling in (person.get("case") or {}).get("rulings") or []:
        if state in SENTENCE_STATES.get(ruling.get("sentence"), ()) and not before(started, ruling["date"]) \
                and _end_of(ruling) is not None:
            if found and before(found[0]["date"], ruling["date"]):
                found = []
            found.append(ruling)
    if not found:
        return None
    ruling = max(found, key=lambda r: key(_end_of(r).date))
    end = _end_of(ruling)
    return End(end.date, end.computed, end.at_latest, end.source, ruling)


def three_years_before(today: str) -> str:
    p = parts(today)
    return "-".join([f"{p[0] - FRESH_YEARS:04d}"] + [f"{x:02d}" for x in p[1:]])


@dataclass(frozen=True)
class Standing:
    state: str           # the latest dated state
    basis: str           # one of BASES
    since: str           # when that state began (the first report of it)
    reported: str        # the newest report of it
    source: str          # the source of the newest report
    letter: bool         # the newest report is the letter's statement of October 2017
    end: End | None      # when the state ends or ended, where the sources give it

    @property
    def current(self) -> bool:
        return self.basis == "reported"

    @property
    def running(self) -> bool:
        """A term the sources give that still runs: its expected end is worth showing."""
        return self.basis == "reported" and self.end is not None and self.state not in FINAL


def standing(person: dict, today: str) -> Standing | None:
    """Where the person stands on `today`, judged only by what was reported by then."""
    changes = state_changes(person)
    if not changes and person.get("status"):  # not named in the letter, no update with a state: its group's state
        status = person["status"]
        changes = [{"state": status["state"], "date": status["as_of"], "source": status["source"], "letter": False}]
    changes = [c for c in changes if not before(today, c["date"])]
    if not changes:
        return None
    latest = changes[-1]
    chain = []  # the latest state's reports, oldest first (an update repeating the state confirms it)
    for change in reversed(changes):
        if change["state"] != latest["state"]:
            break
        chain.insert(0, change)
    updates = {(u["date"], u["source"]): u for u in person.get("updates") or [] if u.get("state")}
    end = None
    for change in reversed(chain):
        end = _end_of(updates.get((change["date"], change["source"]), {})) if not change["letter"] else None
        if end:
            break
    if end is None:  # the sentence behind the newest report (a later arrest has its own)
        end = _ruling_end(person, latest["state"], latest["date"])
    base = dict(state=latest["state"], since=chain[0]["date"], reported=latest["date"], source=latest["source"],
                letter=latest["letter"], end=end)
    if latest["state"] in FINAL:
        return Standing(basis="reported", **base)
    if end is not None and end.passed(today) and not end.reported_after(latest["date"]):
        return Standing(basis="term-ended", **base)
    if end is not None and not end.passed(today) and not end.at_latest:
        return Standing(basis="reported", **base)  # a term still runs (a maximum may have ended already)
    fresh = not before(latest["date"], three_years_before(today))
    return Standing(basis="reported" if fresh else "last-reported", **base)


def data_date(people: list) -> str:
    """Today, for the site: the newest `last_searched` of any record."""
    return max((p["last_searched"] for p in people), default="2017-10")


def count(people: list, today: str) -> dict:
    """{(state, basis): n} for the people with a standing on `today`."""
    out: dict = {}
    for person in people:
        now = standing(person, today)
        if now is not None:
            out[(now.state, now.basis)] = out.get((now.state, now.basis), 0) + 1
    return out


def by_year(people: list, today: str, first: int = 2017) -> list:
    """[(year, {(state, basis): n})] from `first` to today's year; each year judged with its last
    day as "today" (the data date itself for the current year)."""
    out = []
    for y in range(first, year(today) + 1):
        judged = today if y == year(today) else f"{y}-12-31"
        out.append((y, count(people, judged)))
    return out
