"""The files of a released version (`python -m sitegen release-files site release data-YYYY-MM-DD`).

Run by .github/workflows/release.yml after `make build`, on the commit a `data-YYYY-MM-DD` tag
names: it refuses a tag that data/versions.yml does not list (the Versions page would not show
it), then puts into the output folder what a citation of that version needs, with checksums:

- kazakhstan-open-letter-<tag>.zip   the offline copy of the whole site;
- dossier-<lang>.pdf                 the dossiers;
- briefs-<tag>.zip                   every person's brief, as PDFs, in every language;
- open-data-<tag>.zip                people.json, people.csv, status-by-year.csv, the schema;
- SHA256SUMS                         `sha256sum -c SHA256SUMS` checks them all;
- NOTES.md                           the release's notes: what changed, and how to cite it.
"""
from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from . import offline


def _zip(files: list, base: Path, target: Path, stamp: tuple) -> None:
    offline.write_deterministic_zip(target, sorted(files), lambda path: path.relative_to(base).as_posix(), stamp)


def release_files(site_dir: Path, out: Path, tag: str, versions: list, site_name: str) -> list:
    """Write the release's files into `out`; returns their names. Raises ValueError on a tag
    that data/versions.yml does not list, or a site built without its downloads."""
    entry = next((v for v in versions if v["tag"] == tag), None)
    if entry is None:
        raise ValueError(f"{tag!r} is not in data/versions.yml — add it there (CONTRIBUTING.md, \"Releasing a version\") "
                         "and tag the commit that adds it")
    copy = site_dir / "downloads" / offline.NAME
    dossiers = sorted((site_dir / "downloads").glob("dossier-*.pdf"))
    briefs = sorted((site_dir / "briefs").glob("*.pdf"))
    data = sorted(p for p in (site_dir / "data").iterdir() if p.is_file())
    if not copy.exists() or not dossiers or not briefs or not data:
        raise ValueError(f"{site_dir} lacks the offline copy, the dossiers, the briefs or the open data — run `make build` first")
    out.mkdir(parents=True, exist_ok=True)
    stamp = tuple(int(p) for p in tag[5:].split("-")) + (0, 0, 0)
    names = [f"kazakhstan-open-letter-{tag}.zip"]
    shutil.copyfile(copy, out / names[0])
    for pdf in dossiers:
        shutil.copyfile(pdf, out / pdf.name)
        names.append(pdf.name)
    _zip(briefs, site_dir, out / f"briefs-{tag}.zip", stamp)
    _zip(data, site_dir, out / f"open-data-{tag}.zip", stamp)
    names += [f"briefs-{tag}.zip", f"open-data-{tag}.zip"]
    sums = "".join(f"{hashlib.sha256((out / name).read_bytes()).hexdigest()}  {name}\n" for name in names)
    (out / "SHA256SUMS").write_text(sums, encoding="utf-8")
    (out / "NOTES.md").write_text(
        f"{entry['changes']}\n\nCite as: {site_name}. Version {tag}, {tag[5:]}. "
        "(The release's address.)\n\nCheck the files with `sha256sum -c SHA256SUMS`.\n", encoding="utf-8")
    return names + ["SHA256SUMS"]
