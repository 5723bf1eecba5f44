"""The Atom feed of dated changes: profiles added, and dated updates with their sources.

Dates come from the data, never from the clock, so the feed changes only when data does.
Every entry has its own timestamp, and none claims more precision than its source:
- an update dated to the day is stamped with that day;
- an update known only to the month or year is stamped with the day the site recorded it (its
  `recorded`, else the record's `added`: never `last_searched`, which moves at every search and
  would show old events as new), and its title and summary give the source's own date;
- profiles added on the same day are one entry;
- a correction is an entry of its own, stamped with the day of the correction.
Entries stamped on the same day are told apart by seconds, in the order of the data.
"""
from __future__ import annotations

from .render import Helpers, tr

MAX_ENTRIES = 200  # every entry of the real site (about 130), bounded for a site of thousands
TITLE_WORDS = 12


def timestamp(date: str, seconds: int = 0) -> str:
    return f"{date}T00:{seconds // 60:02d}:{seconds % 60:02d}Z"


def headline(text: str) -> str:
    """The start of an update's text, as what happened, for a feed reader's list."""
    words = text.split()
    return " ".join(words[:TITLE_WORDS]).rstrip(",;:") + ("…" if len(words) > TITLE_WORDS else "")


def entries(helpers: Helpers, people: list) -> list:
    out = []
    added = {}
    for person in people:
        added.setdefault(person["added"], []).append(person)
    for date, group in added.items():
        names = [tr(p["name"]) for p in group]
        single = len(group) == 1
        url = helpers.site_url(helpers.person_url(group[0]["slug"]) if single else "people/index.html")
        out.append({"id": f"{helpers.site_url('people/index.html')}#added-{date}", "url": url, "day": date,
                    "title": helpers.ui("feed_added", name=names[0]) if single else helpers.ui("feed_added_many", count=len(group)),
                    "summary": helpers.ui("feed_added_summary", names=", ".join(names))})
    for person in people:
        name = tr(person["name"])
        url = helpers.site_url(helpers.person_url(person["slug"]))
        for index, update in enumerate(person.get("updates") or []):
            source = helpers.cite(update["source"])
            exact = len(update["date"]) == 10
            what = helpers.ui("states." + update["state"]) if update.get("state") else headline(tr(update["text"]))
            summary = (f"{helpers.ui('states.' + update['state'])}. " if update.get("state") else "") \
                + f"{tr(update['text'])} ({helpers.ui('per_source')} {source['publisher']}, {source['title']})"
            recorded = update.get("recorded") or person["added"]
            if not exact:
                summary += " " + helpers.ui("feed_recorded", date=helpers.fmt_date(update["date"]),
                                            recorded=helpers.fmt_date(recorded))
            out.append({"id": f"{url}#update-{index + 1}", "url": f"{url}#update-{index + 1}",
                        "day": update["date"] if exact else recorded,
                        "title": f"{name}, {helpers.fmt_date(update['date'])}: {what}", "summary": summary})
        for index, correction in enumerate(person.get("corrections") or []):  # their own kind of entry
            out.append({"id": f"{url}#correction-{index + 1}", "url": f"{url}#correction-{index + 1}",
                        "day": correction["date"], "title": helpers.ui("feed_correction", name=name),
                        "summary": helpers.ui("feed_correction_summary", field=correction["field"], was=tr(correction["was"]),
                                              now=tr(correction["now"]), why=tr(correction["why"]))})
    out.sort(key=lambda e: e["day"])  # stable: the data's order within a day
    seconds: dict = {}
    for entry in out:
        entry["updated"] = timestamp(entry["day"], seconds.setdefault(entry["day"], 0))
        seconds[entry["day"]] += 1
    out.sort(key=lambda e: e["updated"], reverse=True)
    return out[:MAX_ENTRIES]
