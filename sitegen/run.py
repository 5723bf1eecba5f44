"""What one build run makes, and what its steps hand each other.

`python -m sitegen build` (sitegen/build.py, the pipeline) sets CURRENT before MkDocs starts:
the dossiers and briefs it has already made (the pages link them with their page counts), and that it will
make the shared files itself at the end. A plain `mkdocs build` or `mkdocs serve` leaves the
defaults: its hook makes what one language needs (sitegen/mkdocs_hook.py). No environment
variable or event passes between the steps: this module, loaded once, is the hand-over.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Run:
    pipeline: bool = False       # sitegen/build.py runs the languages and makes the shared files
    languages: tuple = ()        # the languages this run builds (a plain MkDocs build: its own only)
    dossiers: dict = field(default_factory=dict)  # lang -> [{"file", "pages", "bytes", "volume", "volumes", "cached"}]
    briefs: dict = field(default_factory=dict)    # lang -> {slug: {"pdf": None or {"file", "pages", "bytes", "cached"}, ...}}


CURRENT = Run()


def start(run: Run) -> None:
    """Begin a run (the pipeline), or go back to the defaults with Run()."""
    global CURRENT
    CURRENT = run
