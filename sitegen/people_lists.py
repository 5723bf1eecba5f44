"""How the index of people is split so it stays usable at any size.

A group of up to PAGE_SIZE people is listed on the index itself; a larger one is split
into numbered list pages (list/<group>-<n>.html), each labelled with its first and last name.
"""
from __future__ import annotations

from dataclasses import dataclass

from .render import tr

PAGE_SIZE = 200
HOME_CARDS = 100


@dataclass(frozen=True)
class ListPage:
    group: str
    number: int
    total: int
    people: tuple

    @property
    def path(self) -> str:
        return f"list/{self.group}-{self.number}.md"

    @property
    def url(self) -> str:
        return f"list/{self.group}-{self.number}.html"

    @property
    def first(self) -> str:
        return tr(self.people[0]["name"])

    @property
    def last(self) -> str:
        return tr(self.people[-1]["name"])


def pages_of(people: list, group: str) -> list:
    """The list pages of one group; empty when the index can show the group inline."""
    if len(people) <= PAGE_SIZE:
        return []
    ordered = sorted(people, key=lambda p: tr(p["name"]).casefold())
    chunks = [ordered[i:i + PAGE_SIZE] for i in range(0, len(ordered), PAGE_SIZE)]
    return [ListPage(group, n, len(chunks), tuple(chunk)) for n, chunk in enumerate(chunks, start=1)]


def all_pages(site, groups) -> list:
    return [page for group in groups for page in pages_of(site.in_group(group), group)]


def home_cards(site) -> list:
    """The people shown as cards on the home page: the letter's first, at most HOME_CARDS."""
    return (site.named_in_letter() + [p for p in site.people if not p.get("letter_paragraphs")])[:HOME_CARDS]


FACETS = ("group", "status", "role", "article")
FACET_PAGE_SIZE = 100


@dataclass(frozen=True)
class FacetPage:
    """A static page of the people with one value of one facet (their letter group, their
    status now, their role): what the index's filters link to, with or without JavaScript."""
    facet: str
    value: str
    number: int
    total: int
    count: int
    people: tuple

    def _name(self, number: int) -> str:
        return f"people/{self.facet}/{self.value}" + ("" if number == 1 else f"-{number}")

    @property
    def path(self) -> str:
        return self._name(self.number) + ".md"

    @property
    def url(self) -> str:
        return self._name(self.number) + ".html"

    def url_of(self, number: int) -> str:
        return self._name(number) + ".html"


def facet_values(site, person, facet: str) -> list:
    """The values a person has for a facet: their status today is their state where it is
    current, else its basis (How we count); a person may be charged under several articles."""
    if facet == "status":
        now = site.standing(person)
        return [now.state if now.current else now.basis]
    if facet == "article":
        return sorted({c["article"] for c in (person.get("case") or {}).get("charges") or []})
    return [person[facet]]


def facet_counts(site) -> dict:
    """{facet: [(value, count)]}, in the order the site lists them."""
    from .data import GROUPS
    from .standing import BASES
    from .timeline import STATES
    order = {"group": list(GROUPS), "status": list(STATES) + list(BASES[1:]), "role": sorted({p["role"] for p in site.people}),
             "article": sorted(site.articles)}
    out = {}
    for facet in FACETS:
        counts = {}
        for person in site.people:
            for value in facet_values(site, person, facet):
                counts[value] = counts.get(value, 0) + 1
        if counts:
            out[facet] = [(value, counts[value]) for value in order[facet] if value in counts]
    return out


def facet_pages(site) -> list:
    pages = []
    for facet, values in facet_counts(site).items():
        for value, count in values:
            people = [p for p in site.people if value in facet_values(site, p, facet)]
            chunks = [people[i:i + FACET_PAGE_SIZE] for i in range(0, len(people), FACET_PAGE_SIZE)]
            pages += [FacetPage(facet, value, n, len(chunks), count, tuple(chunk)) for n, chunk in enumerate(chunks, start=1)]
    return pages
