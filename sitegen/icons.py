"""Icons drawn once by a stylesheet instead of repeated as inline SVG in every page.

Material writes each icon's SVG into the page (the logo twice, the menu, both colour-scheme
toggles), and every status badge carried its own: about 3 KB per profile and 0.4 KB per card,
times every page of every language (with 10,000 people, over 100 MB of the site). Here each icon
is a CSS mask in `assets/stylesheets/icons.css`, drawn in the text's colour, loaded once and
cached; the page keeps an empty `<span class="kz-i kz-i--NAME" aria-hidden="true">`, and a
status badge (`.kz-badge--STATE`) draws its state's icon before its word, with no element at all.
The icons are Material's own files, read at build time, so nothing is copied by hand.
"""
from __future__ import annotations

import functools
import re
from pathlib import Path
from urllib.parse import quote

from markupsafe import Markup

STYLESHEET = "assets/stylesheets/icons.css"

# An icon beside each state's word (never colour alone), from Material's bundled icon set.
STATE_ICONS = {"imprisoned": "lock", "psychiatric-detention": "hospital-box-outline", "restricted-freedom": "timer-sand",
               "suspended-sentence": "gavel", "persecuted-abroad": "earth", "released": "lock-open-variant-outline",
               "acquitted": "scale-balance", "died": "circle-outline", "unknown": "help-circle-outline",
               # Where a state is not current (sitegen/standing.py): its term ended, or the evidence is old.
               "term-ended": "timer-off-outline", "last-reported": "history"}

BASE = """.kz-i,.kz-badge::before{display:inline-block;width:1.1em;height:1.1em;vertical-align:-.2em;margin-right:.25em;background-color:currentcolor;-webkit-mask:var(--kz-i) center/contain no-repeat;mask:var(--kz-i) center/contain no-repeat;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.md-icon .kz-i,.md-logo .kz-i{display:block;width:1.2rem;height:1.2rem;margin:0}
.md-nav__title .md-logo .kz-i{width:2.4rem;height:2.4rem}
.md-content__button .kz-i{display:inline-block;vertical-align:top}
.kz-badge::before{content:""}
@media (forced-colors:active){.kz-i,.kz-badge::before{background-color:CanvasText;forced-color-adjust:none}}
"""


@functools.lru_cache(maxsize=1)
def icon_dir() -> Path:
    import material
    return Path(material.__file__).parent / "templates/.icons"


@functools.lru_cache(maxsize=64)
def svg(icon: str) -> str:
    """The SVG of a Material icon ("material/lock"), exactly as the theme's templates include it."""
    return (icon_dir() / f"{icon}.svg").read_text(encoding="utf-8")


def class_name(icon: str) -> str:
    return "kz-i--" + icon.replace("/", "-")


def span(icon: str) -> Markup:
    return Markup(f'<span class="kz-i {class_name(icon)}" aria-hidden="true"></span>')


def theme_icons(config) -> list:
    """The icons Material writes into pages with this configuration (the defaults as in its partials)."""
    theme = config["theme"]
    icon = theme.get("icon") or {}
    features = theme.get("features") or []
    names = [icon.get("logo") or "material/library", icon.get("menu") or "material/menu"]
    if "content.action.edit" in features:
        names.append(icon.get("edit") or "material/file-edit-outline")
    if "content.action.view" in features:
        names.append(icon.get("view") or "material/file-eye-outline")
    palette = theme.get("palette") or []
    for option in palette if isinstance(palette, list) else [palette]:
        toggle = option.get("toggle") or {}
        if toggle.get("icon"):
            names.append(toggle["icon"])
    return names


def all_icons(config) -> list:
    return sorted(set(theme_icons(config)) | {f"material/{name}" for name in STATE_ICONS.values()})


def stylesheet(config) -> str:
    """One rule per icon: its SVG as a data address, used as a mask."""
    rules = [BASE]
    badges = {}  # a state's badge shows its icon before its word
    for state, name in STATE_ICONS.items():
        badges.setdefault(f"material/{name}", []).append(f".kz-badge--{state}::before")
    for icon in all_icons(config):
        data = quote(re.sub(r"\s+", " ", svg(icon)).strip(), safe=" /=:;,()\"")
        selectors = ",".join([f".{class_name(icon)}"] + badges.get(icon, []))
        rules.append(f"{selectors}{{--kz-i:url('data:image/svg+xml;charset=utf-8,{data}')}}\n")
    return "".join(rules)


def replace_inline(html: str, config) -> str:
    """Material's inline icons (exactly as its partials include them) become stylesheet icons."""
    for icon in theme_icons(config):
        markup = svg(icon)
        if markup in html:
            html = html.replace(markup, span(icon))
    return html
