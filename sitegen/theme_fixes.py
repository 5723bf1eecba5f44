"""Small, targeted fixes to Material's output where no template block reaches.

Each is a plain string replacement that must match exactly once per page; the tests check
the result, so an upgrade of Material that changes the markup fails loudly.
"""
from __future__ import annotations

SEARCH_DIALOG = 'data-md-component="search" role="dialog"'


def label_search_dialog(html: str, label: str) -> str:
    """Material's search dialog has no accessible name (Lighthouse: aria-dialog-name)."""
    return html.replace(SEARCH_DIALOG, f'{SEARCH_DIALOG} aria-label="{label}"', 1)
