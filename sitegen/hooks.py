"""The file mkdocs.yml registers under `hooks:`.

MkDocs loads a hook file by its path, as a module of its own. This one only hands MkDocs the
hooks of sitegen.mkdocs_hook, imported as a package module: that module, and the state of the
build it keeps, then exist once, whether MkDocs or `python -m sitegen build` loads it first.
"""
import sys
from pathlib import Path

ROOT = str(Path(__file__).resolve().parent.parent)
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

from sitegen.mkdocs_hook import (  # noqa: E402,F401  (MkDocs finds the hooks by these names)
    on_config,
    on_env,
    on_files,
    on_nav,
    on_page_content,
    on_page_context,
    on_post_build,
    on_post_page,
    on_post_template,
    on_startup,
)
