"""A small SVG line chart, without plotting libraries: two panels against N (log scale)."""
from __future__ import annotations

import math
from pathlib import Path

COLOURS = {"ours, warm cache": "#303f9f", "ours, cold cache": "#7986cb", "bare Material": "#d84315"}


def _panel(x0, title, series, unit, width=420, height=260):
    """series: {label: [(n, value)]} -> SVG elements for one panel at x offset x0."""
    left, top, w, h = x0 + 50, 40, width - 70, height - 80
    ns = sorted({n for points in series.values() for n, _ in points})
    ymax = max(v for points in series.values() for _, v in points) * 1.15 or 1
    lo, hi = math.log10(min(ns)), math.log10(max(ns)) if len(ns) > 1 else math.log10(min(ns)) + 1

    def x(n):
        return left + (math.log10(n) - lo) / ((hi - lo) or 1) * w

    def y(v):
        return top + h - v / ymax * h

    out = [f'<text x="{x0 + width / 2}" y="20" text-anchor="middle" font-weight="bold">{title}</text>',
           f'<line x1="{left}" y1="{top + h}" x2="{left + w}" y2="{top + h}" stroke="#555"/>',
           f'<line x1="{left}" y1="{top}" x2="{left}" y2="{top + h}" stroke="#555"/>']
    for n in ns:
        out.append(f'<text x="{x(n):.1f}" y="{top + h + 16}" text-anchor="middle">{n:,}</text>')
    for i in range(5):
        v = ymax * i / 4
        out.append(f'<text x="{left - 6}" y="{y(v) + 4:.1f}" text-anchor="end">{v:.0f}</text>')
    out.append(f'<text x="{x0 + 12}" y="{top + h / 2}" transform="rotate(-90 {x0 + 12} {top + h / 2})" text-anchor="middle">{unit}</text>')
    out.append(f'<text x="{left + w / 2}" y="{top + h + 34}" text-anchor="middle">people (N, log scale)</text>')
    for label, points in series.items():
        path = " ".join(f"{'M' if i == 0 else 'L'}{x(n):.1f},{y(v):.1f}" for i, (n, v) in enumerate(points))
        out.append(f'<path d="{path}" fill="none" stroke="{COLOURS[label]}" stroke-width="2.5"/>')
        out += [f'<circle cx="{x(n):.1f}" cy="{y(v):.1f}" r="3" fill="{COLOURS[label]}"/>' for n, v in points]
    return out


def write_plot(results: list, path: Path) -> None:
    per_profile = {
        "ours, warm cache": [(r["n"], r["ms_per_profile_warm"]) for r in results],
        "ours, cold cache": [(r["n"], r["ms_per_profile_cold"]) for r in results],
        "bare Material": [(r["n"], r["ms_per_profile_bare"]) for r in results],
    }
    weight = {
        "ours, warm cache": [(r["n"], r["open_profile"]["gzip_kb"]) for r in results],
        "bare Material": [(r["n"], r["bare_open_profile"]["gzip_kb"]) for r in results],
    }
    parts = _panel(0, "Build cost per profile", per_profile, "ms per profile")
    parts += _panel(440, "Bytes to open one profile", weight, "KB, gzip")
    legend = [f'<rect x="{60 + 200 * i}" y="272" width="14" height="4" fill="{c}"/>'
              f'<text x="{80 + 200 * i}" y="278">{label}</text>' for i, (label, c) in enumerate(COLOURS.items())]
    svg = ('<svg xmlns="http://www.w3.org/2000/svg" width="880" height="290" font-family="sans-serif" font-size="11">'
           '<rect width="880" height="290" fill="#fff"/>' + "".join(parts + legend) + "</svg>\n")
    path.write_text(svg, encoding="utf-8")
