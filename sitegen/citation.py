"""How to cite a page: a plain-text citation, BibTeX and CSL-JSON, from its title, address and
version (sitegen/versions.py). Templates show them in a <details>, copyable without JavaScript."""
from __future__ import annotations

import json
import re


def _bibtex_escape(text: str) -> str:
    return re.sub(r"([{}\\\\&%$#_])", r"\\\1", text)


def citation(*, key: str, title: str, site: str, url: str, version, kind: str, lang: str) -> dict:
    year, month, day = (version.date.split("-") + ["01", "01"])[:3]
    note = f"Version {version.date}" + (f", commit {version.commit}" if version.commit else " (no git history: the data date)")
    text = f"{site}. “{title}”. {kind}, {note}. {url}"
    bibtex = "\n".join([
        f"@misc{{{key},",
        f"  title = {{{_bibtex_escape(title)}}},",
        f"  organization = {{{_bibtex_escape(site)}}},",
        f"  year = {{{year}}},",
        f"  month = {{{int(month)}}},",
        f"  version = {{{version.commit or version.date}}},",
        f"  note = {{{_bibtex_escape(note)}}},",
        f"  howpublished = {{\\url{{{url}}}}},",
        f"  language = {{{lang}}},",
        "}",
    ])
    csl = {"id": key, "type": "webpage", "title": title, "container-title": site,
           "URL": url, "language": lang, "version": version.commit or version.date,
           "issued": {"date-parts": [[int(year), int(month), int(day)]]}}
    return {"version": version, "text": text, "bibtex": bibtex, "csl": json.dumps(csl, ensure_ascii=False, indent=2)}
