"""The Atom feed of dated changes: people added, and status updates with their sources.

Dates come from the data, never from the clock, so the feed changes only when data does.
A date known only to the year or month is placed at its first day (the entry's title keeps
the real precision).
"""
from __future__ import annotations

from .render import Helpers, tr

MAX_ENTRIES = 50


def timestamp(date: str) -> str:
    parts = (date.split("-") + ["01", "01"])[:3]
    return f"{parts[0]}-{parts[1]}-{parts[2]}T00:00:00Z"


def entries(helpers: Helpers, people: list) -> list:
    out = []
    for person in people:
        name = tr(person["name"])
        url = helpers.site_url(helpers.person_url(person["slug"]))
        out.append({"id": f"{url}#added", "url": url, "date": person["added"],
                    "title": helpers.ui("feed_added", name=name),
                    "summary": helpers.ui("feed_added_summary", name=name)})
        for index, update in enumerate(person.get("updates") or []):
            source = helpers.cite(update["source"])
            out.append({"id": f"{url}#update-{index + 1}", "url": f"{url}#update-{index + 1}", "date": update["date"],
                        "title": f"{name}: {helpers.fmt_date(update['date'])}",
                        "summary": (f"{helpers.ui('states.' + update['state'])}. " if update.get("state") else "")
                                   + f"{tr(update['text'])} ({helpers.ui('per_source')} {source['publisher']}, {source['title']})"})
    out.sort(key=lambda e: (timestamp(e["date"]), e["id"]), reverse=True)
    for entry in out:
        entry["updated"] = timestamp(entry["date"])
    return out[:MAX_ENTRIES]
