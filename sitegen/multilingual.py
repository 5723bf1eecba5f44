"""Texts in data/ may be written in one language (English) or several: {en: ..., ru: ..., kk: ...}.
English is the authoritative language. This module is all the data layer knows of languages."""
from __future__ import annotations

LANG = "en"  # the authoritative language


def tr(value, lang: str = LANG) -> str:
    """A text field as written in data/: plain text, or {en: ..., ru: ..., kk: ...}."""
    if isinstance(value, dict):
        return value.get(lang) or value["en"]
    return value
