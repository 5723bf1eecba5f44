"""Status in words: where each person stands today (sitegen/standing.py decides; this says it),
the ask, the counts, the chart's geometry and the events since the letter. A part of render.Helpers."""
from __future__ import annotations

from .multilingual import LANG
from .words import letter_plain


class StatusView:
    """The status rules as pages show them (render.Helpers: get_site, lang, _status)."""

    def status(self, person) -> dict:
        """The person's status now, as the profile, cards and previews say it."""
        self._fresh()
        known = self._status.get(person["slug"])
        if known is not None:
            return known
        self._status[person["slug"]] = known = self._status_of(person)
        return known

    def _status_of(self, person) -> dict:
        """Where the person stands today (sitegen/standing.py), in words: the state, on what
        basis (reported, term ended, last reported long ago), and the end of a term."""
        from . import timeline
        now = self.get_site().standing(person)
        state, as_of = now.state, now.reported
        latest = None  # the update that last reported the state, if one did
        for update in person.get("updates") or []:
            if update.get("state") == state and update["date"] == as_of and update["source"] == now.source:
                latest = update
        date = self.fmt_date(as_of)
        from_letter = latest is None
        when = self.ui("status_as_of", date=self.fmt_date_as_of(as_of)) if from_letter else date
        label = self.ui(f"states.{state}")
        end = self.end_words(now.end) if now.end else None
        if now.basis == "term-ended":
            phrase = self.ui("phrase_term_ended", state=label, end=end)
        elif now.basis == "last-reported":
            phrase = self.ui("phrase_last_reported", state=label, date=date)
        else:
            phrase = self.ui("status_date", state=label, date=when)
        short = self.ui(f"state_short.{state}") if now.current else self.ui(f"basis_short.{now.basis}")
        status = person["status"]
        return {"state": state, "basis": now.basis, "current": now.current, "label": label, "short": short,
                "badge": state if now.current else now.basis,
                "date": date, "as_of": as_of, "source": now.source, "note": status.get("note") if status["as_of"] == as_of else None,
                "text": latest["text"] if latest else None, "also": (latest or {}).get("also") or [],
                "from_letter": from_letter, "date_as_of": self.fmt_date_as_of(as_of), "when": when, "phrase": phrase, "held": now.current and state in timeline.HELD,
                "later_news": timeline.later_news(person), "end": now.end, "end_words": end, "running": now.running,
                # The date beside the state in previews: an ended term's end, else the report's date.
                "headline_date": end if now.basis == "term-ended" else when,
                "ruling_date": self.fmt_date(now.end.ruling["date"]) if now.end and now.end.ruling else None}

    def letter_paragraph(self, number: int) -> dict:
        """A paragraph of the letter for a profile, in this page's language: the translation made
        here (marked as a draft until reviewed), with the English beside it; the English alone,
        marked lang="en", where there is no translation."""
        from . import i18n
        site = self.get_site()
        english = letter_plain(site.letter.paragraph(number))
        if self.lang == LANG:
            return {"text": english, "how": "en", "english": None}
        found = site.languages[self.lang].letter.get(i18n.fingerprint(site.letter.paragraph(number)))
        if found is None:
            return {"text": english, "how": "fallback", "english": None}
        return {"text": letter_plain(found.text), "how": "reviewed" if found.reviewed else "draft", "english": english}

    def timeline(self, person) -> list:
        from . import timeline
        return timeline.events(person, self.get_site().decisions_about(person))

    def ask(self, person) -> dict:
        """Which ask fits the person now: release only for those still held."""
        if person is None:
            return {"kind": "held", "text": self.ui("ask_line")}
        status = self.status(person)
        name = self.name(person)
        state = status["state"]
        if not status["current"]:
            kind, text = "unknown", self.ui("ask_not_current", name=name)
        elif status["held"]:
            kind, text = "held", self.ui("ask_held", name=name)
        elif state == "died":
            kind, text = "died", self.ui("ask_died", name=name, date=status["date"])
        elif state in ("released", "acquitted"):
            kind, text = "free", self.ui("ask_free", name=name)
        elif state in ("restricted-freedom", "suspended-sentence"):
            kind, text = "restricted", self.ui("ask_restricted", name=name)
        elif state == "persecuted-abroad":
            kind, text = "abroad", self.ui("ask_abroad")
        else:
            kind, text = "unknown", self.ui("ask_unknown", name=name)
        owed = [d for d in self.get_site().decisions_about(person) if d.get("people")] if kind != "held" else []
        return {"kind": kind, "text": text, "owed": owed}

    def today_counts(self) -> dict:
        """How many people stand where today (the data date): current states, then the two
        bands that are not current (term ended; last reported long ago), never mixed."""
        from . import standing, timeline
        site = self.get_site()
        counts = standing.count(site.people, site.today)
        current = [(s, counts[(s, "reported")]) for s in timeline.STATES if counts.get((s, "reported"))]
        other = [(b, sum(n for (_s, basis), n in counts.items() if basis == b)) for b in standing.BASES[1:]]
        return {"counts": current, "other": [(b, n) for b, n in other if n], "searched": site.today}

    def chart(self, width: int = 640, row: int = 34) -> dict:
        """The "Since the letter" chart: one stacked bar per year, drawn as SVG by a template.
        Current states first, then the hatched bands that are not current (How we count)."""
        from . import standing, timeline
        site = self.get_site()
        years = []
        for year, counts in standing.by_year(site.named_in_letter(), site.today):
            bands = {s: counts[(s, "reported")] for s in timeline.STATES if counts.get((s, "reported"))}
            for basis in standing.BASES[1:]:
                n = sum(c for (_s, b), c in counts.items() if b == basis)
                if n:
                    bands[basis] = n
            years.append((year, bands))
        label_w = 80  # room for the year, drawn larger on phones (site.css)
        total = max((sum(c.values()) for _y, c in years), default=1) or 1
        unit = (width - label_w - 8) / total
        rows = []
        for index, (year, counts) in enumerate(years):
            x, segments = label_w, []
            for state, count in counts.items():
                segments.append({"state": state, "count": count, "x": round(x, 2), "w": round(count * unit, 2),
                                 "label": self.band_label(state), "hatched": state in standing.BASES})
                x += count * unit
            rows.append({"year": year, "y": index * row, "segments": segments, "total": sum(counts.values())})
        order = list(timeline.STATES) + list(standing.BASES[1:])
        states = [s for s in order if any(s in c for _y, c in years)]
        return {"rows": rows, "states": states, "width": width, "height": len(rows) * row, "bar": row - 6,
                "first": years[0][0] if years else 2017, "last": years[-1][0] if years else 2017,
                "labels": {s: self.band_label(s) for s in states}, "hatched": [s for s in states if s in standing.BASES],
                "table": [(y, [c.get(s, 0) for s in states], sum(c.values())) for y, c in years]}

    def coming_dates(self) -> list:
        """Terms that still run, soonest first: [(end, person, status)] for "Coming dates"."""
        from . import timeline
        site = self.get_site()
        out = [(self.status(p)["end"], p) for p in site.people if self.status(p)["running"]]
        return [(end, p, self.status(p)) for end, p in sorted(out, key=lambda e: (timeline.key(e[0].date), e[1]["slug"]))]

    def since_events(self) -> list:
        """[(year, [events])] after the letter, every person's dated updates and every decision."""
        from . import timeline
        site = self.get_site()
        out = {}
        for person in site.people:
            for index, update in enumerate(person.get("updates") or []):
                if not timeline.before(update["date"], timeline.LETTER_DATE):
                    out.setdefault(timeline.year(update["date"]), []).append(
                        {"kind": "update", "date": update["date"], "person": person, "text": update["text"],
                         "state": update.get("state"), "source": update["source"], "index": index})
        for decision_id, decision in site.decisions.items():
            if not timeline.before(decision["date"], timeline.LETTER_DATE):
                out.setdefault(timeline.year(decision["date"]), []).append(
                    {"kind": "decision", "date": decision["date"], "decision": dict(decision, id=decision_id),
                     "source": decision["source"], "state": None})
        return [(y, sorted(out[y], key=lambda e: timeline.key(e["date"]))) for y in sorted(out)]

    def data_date(self) -> str:
        """The data's date: the latest search for news of anyone."""
        return self.fmt_date(self.get_site().today)

    def interface_unreviewed(self) -> bool:
        """Is this language's interface (data/strings.yml, translated) not yet reviewed?"""
        return self.lang != LANG and not self.get_site().languages[self.lang].strings_reviewed
