"""A person's story in time: the letter's statement of October 2017, then dated updates.

An update may carry a `state`: the person's situation from its date on. `status` is what is
known now, so it must equal the latest update that carries a state, or the letter's state
where there is none (sitegen/checks.py enforces that). Updates are listed oldest first;
dates are compared as written, at the precision both have (`2021` is neither before nor after
`2021-11-24`), and such equal dates keep file order. For the year-by-year counts, `2021`,
`2021-11` and `2021-11-24` are all in 2021.
"""
from __future__ import annotations

# Every state a person can be in, in the order the site lists them (most urgent first).
STATES = ("imprisoned", "psychiatric-detention", "restricted-freedom", "suspended-sentence", "persecuted-abroad",
          "released", "acquitted", "died", "unknown")
# States in which the letter's demand for release still applies to the person.
HELD = ("imprisoned", "psychiatric-detention")
# The letter's group is also the person's state in October 2017.
GROUP_STATE = {"imprisoned": "imprisoned", "psychiatric-detention": "psychiatric-detention",
               "suspended-sentence": "suspended-sentence", "persecuted-abroad": "persecuted-abroad"}
LETTER_DATE = "2017-10"


def year(date: str) -> int:
    return int(str(date)[:4])


def parts(date: str) -> tuple:
    return tuple(int(p) for p in str(date).split("-"))


def before(a: str, b: str) -> bool:
    """Is `a` certainly earlier than `b`? Dates are compared as written, at the precision both
    have: 2021 is not before 2021-11-24 (it may be the same day), 2021-10 is before 2021-11-05."""
    pa, pb = parts(a), parts(b)
    n = min(len(pa), len(pb))
    return pa[:n] < pb[:n]


def key(date: str) -> tuple:
    """Sort key for events of different people: a date known only to the year (or month) goes
    after the more precise dates inside it ("some time in 2021")."""
    p = parts(date)
    return p + (99,) * (3 - len(p))


def out_of_order(dates: list) -> list:
    """Indexes of dates that are certainly earlier than a date listed above them."""
    return [i for i, d in enumerate(dates) if any(before(d, earlier) for earlier in dates[:i])]


def _insert(updates: list, item: dict, *, first_among_equals: bool) -> list:
    """`updates` (in file order) with `item` placed by its date: before the first update that
    is certainly later, or, with first_among_equals, before the first not certainly earlier."""
    for i, update in enumerate(updates):
        if before(item["date"], update["date"]) or (first_among_equals and not before(update["date"], item["date"])):
            return updates[:i] + [item] + updates[i:]
    return updates + [item]


def letter_state(person: dict) -> dict | None:
    """The state the letter gives a person it names (its group), dated October 2017."""
    if not person.get("letter_paragraphs"):
        return None
    paragraph = min(person["letter_paragraphs"])
    return {"state": GROUP_STATE[person["group"]], "date": LETTER_DATE, "source": f"letter#p{paragraph}", "letter": True}


def state_changes(person: dict) -> list:
    """Every dated state of a person, oldest first: updates with a state, and the letter's
    state placed where October 2017 falls among them."""
    changes = [{"state": u["state"], "date": u["date"], "source": u["source"], "letter": False}
               for u in person.get("updates") or [] if u.get("state")]
    start = letter_state(person)
    # The letter goes before updates that may be of its own month: those are newer news.
    return _insert(changes, start, first_among_equals=True) if start else changes


def expected_status(person: dict) -> dict | None:
    """What `status` must say: the latest dated state (None when nothing gives one)."""
    changes = state_changes(person)
    return changes[-1] if changes else None


def state_at_end_of(person: dict, target_year: int) -> str | None:
    """The state of the latest change dated in or before `target_year` (None before the first)."""
    state = None
    for change in state_changes(person):
        if year(change["date"]) <= target_year:
            state = change["state"]
    return state


def status_by_year(people: list, first: int = 2017, last: int | None = None) -> list:
    """[(year, {state: count})] for each year from `first` to the latest year in the data."""
    dates = [u["date"] for p in people for u in p.get("updates") or []] + [LETTER_DATE]
    last = last or max(year(d) for d in dates)
    out = []
    for y in range(first, last + 1):
        counts = {}
        for person in people:
            state = state_at_end_of(person, y)
            if state:
                counts[state] = counts.get(state, 0) + 1
        out.append((y, {s: counts[s] for s in STATES if s in counts}))
    return out


def later_news(person: dict) -> bool:
    """Has any source given this person's situation after the letter?"""
    return any(u.get("state") and not before(u["date"], LETTER_DATE) for u in person.get("updates") or [])


def events(person: dict, decisions: list) -> list:
    """The profile's timeline: updates in file order (oldest first), with the letter and the
    decisions about the person placed among them by date."""
    items = [{"kind": "update", "date": u["date"], "state": u.get("state"), "text": u["text"], "source": u["source"],
              "also": u.get("also") or [], "index": i} for i, u in enumerate(person.get("updates") or [])]
    start = letter_state(person)
    if start:
        items = _insert(items, {"kind": "letter", "date": LETTER_DATE, "state": start["state"], "source": start["source"]},
                        first_among_equals=True)
    for decision in decisions:
        items = _insert(items, {"kind": "decision", "date": decision["date"], "state": None, "decision": decision,
                                "source": decision["source"], "also": decision.get("also") or []}, first_among_equals=False)
    return items
