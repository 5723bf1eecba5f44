"""The open letter: its verbatim text cut into numbered paragraphs.

Paragraph N is anchor #pN on the letter page. The text is never changed, except that the
seed's two page-break artifacts are mended (data/letter/letter.yml, mend_breaks_after).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

LINK = re.compile(r"\[([^\]]+)\]\(#\)")


@dataclass(frozen=True)
class Letter:
    title: str
    paragraphs: tuple  # Markdown source of each paragraph; paragraphs[0] is #p1

    def paragraph(self, number: int) -> str:
        return self.paragraphs[number - 1]

    @property
    def link_texts(self) -> list:
        return [m.group(1) for p in self.paragraphs for m in LINK.finditer(p)]


def parse(text: str, mend_breaks_after: list) -> tuple:
    """Return (Letter, problems); each problem is a message about letter.yml."""
    blocks = [b.strip() for b in re.split(r"\n\s*\n", text) if b.strip()]
    problems = []
    for ending in mend_breaks_after:
        hits = [i for i, b in enumerate(blocks[:-1]) if b.endswith(ending)]
        if len(hits) != 1:
            problems.append(f"mend_breaks_after: {ending!r} ends {len(hits)} paragraphs, not 1 — "
                            "give the exact last words of the paragraph to join to the next")
            continue
        i = hits[0]
        blocks[i : i + 2] = [blocks[i] + " " + blocks[i + 1]]
    return Letter(title=blocks[0], paragraphs=tuple(blocks[1:])), problems


def name_positions(letter: Letter, name: str, paragraphs) -> list:
    """Where `name` stands in the given paragraphs: [(paragraph, offset)]."""
    pattern = re.compile(r"(?<!\w)" + re.escape(name) + r"(?!\w)")
    found = []
    for number in paragraphs:
        if 1 <= number <= len(letter.paragraphs):
            found += [(number, m.start()) for m in pattern.finditer(letter.paragraph(number))]
    return found
