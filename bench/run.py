"""Build-time and page-weight benchmark, 30 to 10,000 people. A benchmark, not a test.

    .venv/bin/python bench/run.py [--quick] [--sizes 30,300]     (or: make bench [QUICK=1])

For each N it copies the project to a temporary folder with N synthetic people
(bench/synthetic.py), builds it with a cold and a warm share-image cache, and builds a bare
Material site with the same pages and no features of ours. It measures wall time, peak
memory, output size, one profile's HTML size and what a browser downloads to open one
profile (recorded in Chromium, raw and gzip). Then live reload on the real data and the
share-image cache. It prints a table, writes bench/results/latest.json and plot.svg, and
rewrites the results section of BENCHMARKS.md.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))
from plot import write_plot  # noqa: E402

from serve import serve  # noqa: E402
from synthetic import make_project  # noqa: E402

SIZES = [30, 300, 1000, 3000, 10000]
RESULTS = HERE / "results"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1764000000"}
TEXT = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".pf_meta")


def timed_build(project: Path, out: Path, env: dict, english_only: bool = False, bare: bool = False,
                dossiers: bool = True) -> dict:
    """Build once (every language, or English only); wall seconds and the build's peak memory (MiB)."""
    start = time.perf_counter()
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)] if bare else \
        [sys.executable, "-m", "sitegen", "build", "-d", str(out)] + (["--lang", "en"] if english_only else []) \
        + ([] if dossiers else ["--no-pdfs"])  # above 300 people the briefs have no PDF anyway
    process = subprocess.Popen(command, cwd=project, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"build failed in {project}:\n{output[-3000:]}")
    drawn = re.search(r"share images: (\d+) drawn", output)
    dossier = re.search(r"dossiers: made in ([\d.]+) s", output)
    briefs = re.search(r"briefs: (\d+) in [^,]*(?:, [a-z]+)*, (\d+) PDFs \((\d+) pages\) in ([\d.]+) s", output)
    return {"seconds": round(seconds, 2), "peak_mib": round(usage.ru_maxrss / 1024, 1),
            "images_drawn": int(drawn.group(1)) if drawn else None,
            "dossier_seconds": float(dossier.group(1)) if dossier else None,
            "briefs": {"pages": int(briefs.group(1)), "pdfs": int(briefs.group(2)), "pdf_pages": int(briefs.group(3)),
                       "seconds": float(briefs.group(4))} if briefs else None}


def downloads_of(site: Path, project: Path) -> dict:
    """The offline copy and the dossiers of a built site: sizes, pages, volumes, and the seconds
    the build spent on them (from its log)."""
    manifest: dict = {}  # lang -> [{"pages", "bytes"}], read back from the PDFs themselves (poppler's pdfinfo)
    for pdf in sorted((site / "downloads").glob("dossier-*.pdf")):
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
        pages = re.search(r"^Pages:\s+(\d+)", info, re.M)
        manifest.setdefault(pdf.stem.split("-")[1], []).append({"pages": int(pages.group(1)) if pages else 0,
                                                               "bytes": pdf.stat().st_size})
    zip_file = site / "downloads/kazakhstan-open-letter.zip"
    return {"zip_mb": round(zip_file.stat().st_size / 2**20, 1),
            "dossier_volumes": {lang: len(volumes) for lang, volumes in manifest.items()},
            "dossier_pages": {lang: sum(v["pages"] for v in volumes) for lang, volumes in manifest.items()},
            "dossier_mb": round(sum(v["bytes"] for volumes in manifest.values() for v in volumes) / 2**20, 1)}


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


PAGES_LIMIT = 1073741824  # actions/deploy-pages: ONE_GIGABYTE, "1 GB", compared with the uploaded artifact's size


class _Counter:
    """A write-only file that deflates what it is given (as actions/upload-artifact@v4 zips the
    artifact, at its default level 6) and counts the bytes that come out."""

    def __init__(self):
        import zlib
        self.deflate, self.bytes = zlib.compressobj(6, zlib.DEFLATED, -15), 0

    def write(self, data) -> int:
        self.bytes += len(self.deflate.compress(data))
        return len(data)

    def close(self) -> int:
        self.bytes += len(self.deflate.flush())
        return self.bytes


def pages_artifact_bytes(site: Path) -> int:
    """The size GitHub's deploy action checks against its 1 GB: actions/upload-pages-artifact
    makes one tar of the site (`--dereference --hard-dereference`: a hard link is a full copy)
    and uploads it with actions/upload-artifact@v4, which deflates it; actions/deploy-pages
    warns when that artifact's size exceeds 1,073,741,824 bytes."""
    import tarfile
    counter = _Counter()
    with tarfile.open(fileobj=counter, mode="w|", format=tarfile.GNU_FORMAT) as tar:
        for path in sorted(site.rglob("*")):
            if path.is_file():
                info = tarfile.TarInfo("./" + path.relative_to(site).as_posix())
                info.size, info.mtime, info.mode = path.stat().st_size, 0, 0o644
                with path.open("rb") as content:
                    tar.addfile(info, content)
    return counter.close() + 22 + 2 * 46 + 2 * len("artifact.tar")  # and the zip's own headers


def size_breakdown(site: Path) -> dict:
    """Where the bytes of a three-language site are (MiB): each language's pages, the share images,
    the search index, the downloads, the open data; the English pages are the rest."""
    parts = {"ru pages": "ru", "kk pages": "kk", "share images": "assets/share", "search index": "pagefind",
             "downloads (offline copy, dossiers)": "downloads", "open data": "data"}
    sizes = {name: folder_size(site / folder) for name, folder in parts.items() if (site / folder).exists()}
    sizes = {"en pages and assets": folder_size(site) - sum(sizes.values()), **sizes}
    return {name: round(size / 2**20, 1) for name, size in sizes.items()}


def bare_material(dest: Path, ours: Path) -> Path:
    """The same pages as plain Markdown on a default Material site: no hook, macros or overrides."""
    docs = dest / "docs"
    (docs / "people").mkdir(parents=True)
    (docs / "index.md").write_text("# People\n\nA bare Material site for comparison.\n", encoding="utf-8")
    import yaml
    for file in sorted((ours / "data/people").glob("*.yml")):
        person = yaml.safe_load(file.read_text(encoding="utf-8"))
        facts = "\n".join(f"- {f['text']} (Source: {f['source']})" for f in person["facts"])
        updates = "\n".join(f"- {u['date']}: {u['text']}" for u in person.get("updates") or [])
        (docs / "people" / f"{file.stem}.md").write_text(
            f"# {person['name']}\n\nGroup: {person['group']}. Role: {person['role']}.\n\n"
            f"Status: {person['status']['state']}, as of {person['status']['as_of']}.\n\n"
            f"## What is known\n\n{facts}\n\n## Later updates\n\n{updates}\n", encoding="utf-8")
    (dest / "mkdocs.yml").write_text(
        "site_name: Bare Material\nsite_url: https://example.org/kazakhstan-open-letter/\n"
        "use_directory_urls: false\ntheme:\n  name: material\n  font: false\n"
        "nav:\n  - index.md\nnot_in_nav: |\n  /people/*.md\n", encoding="utf-8")
    return dest


def bytes_to_open(site: Path, page: str) -> dict:
    """What Chromium downloads to open `page` and let it settle: raw and gzip bytes, by kind."""
    from playwright.sync_api import sync_playwright
    requested = []
    with serve(site) as origin, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium"), args=["--no-sandbox", "--disable-gpu"])
        tab = browser.new_page()
        tab.on("requestfinished", lambda r: requested.append(r.url))
        tab.goto(origin + page, wait_until="networkidle")
        tab.wait_for_timeout(500)
        browser.close()
        files = [site / u[len(origin):].split("?")[0].split("#")[0] for u in requested if u.startswith(origin)]
    raw = gz = 0
    kinds: dict = {}
    for file in files:
        if not file.is_file():
            continue
        content = file.read_bytes()
        size = len(gzip.compress(content, mtime=0)) if file.name.endswith(TEXT) else len(content)
        raw, gz = raw + len(content), gz + size
        kind = file.suffix.lstrip(".") or "other"
        kinds[kind] = kinds.get(kind, 0) + size
    return {"requests": len(files), "raw_kb": round(raw / 1024, 1), "gzip_kb": round(gz / 1024, 1),
            "gzip_kb_by_type": {k: round(v / 1024, 1) for k, v in sorted(kinds.items())}}


DOSSIER_LIMIT = 3000  # above it, making 3 × N/500 dossier volumes cold would take most of an hour


def measure_size(n: int, work: Path) -> dict:
    ours = make_project(work / f"ours-{n}", n)
    cache = work / f"cache-{n}"
    env = {**ENV, "SHARE_IMAGE_CACHE": str(cache)}
    dossiers = n <= DOSSIER_LIMIT
    cold = timed_build(ours, work / f"site-{n}", env, english_only=True, dossiers=dossiers)
    warm = timed_build(ours, work / f"site-{n}", env, english_only=True, dossiers=dossiers)
    english_mb = round(folder_size(work / f"site-{n}") / 2**20, 1)
    first = timed_build(ours, work / f"site3-{n}", env, dossiers=dossiers)  # every language: makes the ru and kk dossiers
    three = timed_build(ours, work / f"site3-{n}", env, dossiers=dossiers)  # and again, warm, as the English one above
    three["dossier_seconds"] = first["dossier_seconds"]
    three["briefs_cold"] = first["briefs"]  # the ru and kk briefs made, the English ones from the cache
    three_bytes = folder_size(work / f"site3-{n}")
    three_mb = round(three_bytes / 2**20, 1)
    breakdown = size_breakdown(work / f"site3-{n}")
    artifact = pages_artifact_bytes(work / f"site3-{n}")
    downloads = downloads_of(work / f"site3-{n}", ours)
    shutil.rmtree(work / f"site3-{n}")
    bare = bare_material(work / f"bare-{n}", ours)
    bare_build = timed_build(bare, work / f"bare-site-{n}", ENV, bare=True)
    profile = "people/" + sorted((ours / "data/people").glob("*.yml"))[n // 2].stem + ".html"
    site, bare_site = work / f"site-{n}", work / f"bare-site-{n}"
    result = {
        "n": n,
        "ours_cold": cold, "ours_warm": warm, "bare": bare_build, "three_languages": three,
        "three_languages_vs_english": round(three["seconds"] / warm["seconds"], 2),
        "ms_per_profile_three": round(three["seconds"] * 1000 / n, 1),
        "three_languages_output_mb": three_mb, "three_languages_output_bytes": three_bytes,
        "three_languages_breakdown_mb": breakdown, "three_languages_pages_artifact_bytes": artifact,
        "downloads": downloads,
        "ms_per_profile_cold": round(cold["seconds"] * 1000 / n, 1),
        "ms_per_profile_warm": round(warm["seconds"] * 1000 / n, 1),
        "ms_per_profile_bare": round(bare_build["seconds"] * 1000 / n, 1),
        "output_mb": english_mb,
        "bare_output_mb": round(folder_size(bare_site) / 2**20, 1),
        "profile_html_kb": round((site / profile).stat().st_size / 1024, 1),
        "open_profile": bytes_to_open(site, profile),
        "bare_open_profile": bytes_to_open(bare_site, profile),
    }
    shutil.rmtree(ours), shutil.rmtree(bare), shutil.rmtree(bare_site), shutil.rmtree(cache)
    shutil.rmtree(site)
    return result


def published_size(n: int, work: Path) -> dict:
    """The whole three-language site at n people with records of a real record's size
    (synthetic.full_record), as `make build` publishes it: bytes on disk, with and without the
    offline copy and the PDFs, and as GitHub's deploy action counts them (issue #25). Above
    DOSSIER_LIMIT the build here makes no PDF (it would take hours): `pdfs_made` says so."""
    project = make_project(work / f"size-{n}", n, full=True)
    site = work / f"size-site-{n}"
    record_bytes = sum(p.stat().st_size for p in (project / "data/people").glob("*.yml")) / max(n, 1)
    env = {**ENV, "SHARE_IMAGE_CACHE": str(work / f"size-cache-{n}")}
    build = timed_build(project, site, env, dossiers=n <= DOSSIER_LIMIT)
    total = folder_size(site)
    zip_bytes = (site / "downloads/kazakhstan-open-letter.zip").stat().st_size
    pdf_bytes = sum(p.stat().st_size for p in site.rglob("*.pdf"))
    result = {"n": n, "record_bytes": round(record_bytes), "build": build, "pdfs_made": n <= DOSSIER_LIMIT,
              "mib": round(total / 2**20, 1), "zip_mib": round(zip_bytes / 2**20, 1), "pdf_mib": round(pdf_bytes / 2**20, 1),
              "mib_without_zip": round((total - zip_bytes) / 2**20, 1),
              "mib_without_zip_and_pdfs": round((total - zip_bytes - pdf_bytes) / 2**20, 1),
              "breakdown_mib": size_breakdown(site), "artifact_bytes": pages_artifact_bytes(site)}
    shutil.rmtree(project), shutil.rmtree(site), shutil.rmtree(work / f"size-cache-{n}", ignore_errors=True)
    return result


def live_reload(work: Path) -> dict:
    """Edit one YAML file of the real data under `mkdocs serve`; seconds until the page shows it."""
    project = make_project(work / "serve", 0)
    shutil.rmtree(project / "data/people")
    shutil.copytree(ROOT / "data/people", project / "data/people")
    shutil.copyfile(ROOT / "data/letter/letter.yml", project / "data/letter/letter.yml")
    import socket
    with socket.socket() as probe:  # a free port
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--strict", "-a", f"127.0.0.1:{port}"],
                              cwd=project, env={**ENV, "SHARE_IMAGE_CACHE": str(work / "serve-cache")},
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/kazakhstan-open-letter/people/maks-bokayev.html"
    timings = []
    try:
        deadline = time.time() + 120
        while time.time() < deadline:
            try:
                urllib.request.urlopen(url, timeout=2).read()
                break
            except OSError:
                time.sleep(0.2)
        record = project / "data/people/maks-bokayev.yml"
        for attempt in range(3):
            marker = f"Edited for the live-reload benchmark {attempt}"
            text = record.read_text(encoding="utf-8")
            time.sleep(1.0)
            start = time.perf_counter()
            record.write_text(re.sub(r"(- text: )Named in the open letter", rf"\1{marker}. Named in the open letter", text, count=1),
                              encoding="utf-8")
            while time.perf_counter() - start < 60:
                try:
                    if marker in urllib.request.urlopen(url, timeout=2).read().decode("utf-8"):
                        break
                except OSError:
                    pass
                time.sleep(0.05)
            timings.append(round(time.perf_counter() - start, 2))
            record.write_text(text, encoding="utf-8")
            time.sleep(2.5)
    finally:
        server.terminate()
        server.wait()
    return {"seconds": timings, "median": sorted(timings)[len(timings) // 2]}


def image_cache_check(work: Path) -> dict:
    """After a warm build, change one person: only that person's image is drawn again."""
    project = make_project(work / "cache-check", 30)
    env = {**ENV, "SHARE_IMAGE_CACHE": str(work / "cache-check-images")}
    timed_build(project, work / "cache-site", env, english_only=True)
    file = sorted((project / "data/people").glob("*.yml"))[3]
    file.write_text(file.read_text(encoding="utf-8").replace("as_of: 2020-01", "as_of: 2020-02"), encoding="utf-8")
    return {"people": 30, "images_after_one_change": timed_build(project, work / "cache-site", env, english_only=True)["images_drawn"]}


def table(results: list) -> str:
    head = ("| N | English cold (s) | English warm (s) | 3 languages warm (s) | 3 / English | bare Material (s) "
            "| ms/profile warm | ms/profile 3 languages | ms/profile bare | peak MiB | output MiB: English / 3 languages "
            "| profile HTML KB | open a profile: KB gzip (raw) | bare Material: KB gzip (raw) |")
    rows = [head, "|" + "---|" * 14]
    for r in results:
        o, b = r["open_profile"], r["bare_open_profile"]
        peak = max(r["ours_cold"]["peak_mib"], r["ours_warm"]["peak_mib"], r["three_languages"]["peak_mib"])
        rows.append(f"| {r['n']:,} | {r['ours_cold']['seconds']} | {r['ours_warm']['seconds']} | {r['three_languages']['seconds']} "
                    f"| {r['three_languages_vs_english']}× | {r['bare']['seconds']} "
                    f"| {r['ms_per_profile_warm']} | {r['ms_per_profile_three']} | {r['ms_per_profile_bare']} | {peak} "
                    f"| {r['output_mb']} / {r['three_languages_output_mb']} | {r['profile_html_kb']} | {o['gzip_kb']} ({o['raw_kb']}) "
                    f"| {b['gzip_kb']} ({b['raw_kb']}) |")
    return "\n".join(rows)


def targets(results: list, reload: dict, cache: dict) -> str:
    by_n = {r["n"]: r for r in results}
    lines = []
    if 1000 in by_n and 10000 in by_n:
        ratio = by_n[10000]["ms_per_profile_warm"] / by_n[1000]["ms_per_profile_warm"]
        lines.append(f"- per-profile build cost at 10,000 / at 1,000 (warm): {ratio:.2f}× (target ≤ 1.3×)")
        ratio3 = by_n[10000]["ms_per_profile_three"] / by_n[1000]["ms_per_profile_three"]
        lines.append(f"- the same in three languages: {ratio3:.2f}× (target ≤ 1.3×)")
    worst = max(results, key=lambda r: r["three_languages_vs_english"])
    lines.append(f"- three languages / English only (warm): at most {worst['three_languages_vs_english']}× "
                 f"(at {worst['n']:,} people; target ≤ 1.6×, issue #25)")
    for r in results:
        d = r["downloads"]
        if not d["dossier_volumes"]:
            lines.append(f"- at {r['n']:,} people: offline copy {d['zip_mb']} MB; dossiers not made (above {DOSSIER_LIMIT:,} "
                         "people the bench skips them: see the per-volume time above)")
            continue
        lines.append(f"- at {r['n']:,} people: offline copy {d['zip_mb']} MB; dossiers {d['dossier_mb']} MB, "
                     f"{d['dossier_pages'].get('en')} pages in English in {d['dossier_volumes'].get('en')} volume(s); "
                     f"the ru and kk dossiers took {r['three_languages'].get('dossier_seconds')} s to make (cold)")
    from sitegen.brief import PDF_LIMIT
    for r in results:
        english, both = r["ours_cold"].get("briefs"), r["three_languages"].get("briefs_cold")
        if not english:
            continue
        if not english["pdfs"]:
            lines.append(f"- at {r['n']:,} people: {english['pages']:,} briefs per language as web pages; no brief PDFs "
                         f"(above {PDF_LIMIT:,} people the build makes none: the pages print)")
            continue
        per = english["seconds"] / english["pdfs"]
        lines.append(f"- at {r['n']:,} people: brief PDFs made cold in {english['seconds']} s in English ({english['pdfs']} PDFs, "
                     f"{english['pdf_pages']} pages: {per:.2f} s each on this machine's cores)"
                     + (f", and {both['seconds']} s for the ru and kk ones" if both else "")
                     + f"; at {PDF_LIMIT:,} people the three languages would take about {3 * PDF_LIMIT * per / 60:.0f} min cold")
    largest = max(results, key=lambda r: r["n"])
    total = largest.get("three_languages_output_bytes", largest["three_languages_output_mb"] * 2**20)
    artifact = largest.get("three_languages_pages_artifact_bytes")
    lines.append(f"- whole site in three languages at {largest['n']:,} people: {total:,} bytes on disk "
                 f"({largest['three_languages_output_mb']} MiB, {total / PAGES_LIMIT:.0%} of GitHub Pages' 1 GB = "
                 f"{PAGES_LIMIT:,} bytes); as GitHub uploads it (one tar, deflated): "
                 + (f"{artifact:,} bytes ({artifact / PAGES_LIMIT:.0%})" if artifact else "not measured")
                 + ". MiB: " + ", ".join(f"{k} {v}" for k, v in (largest.get("three_languages_breakdown_mb") or {}).items()))
    if 1000 in by_n:
        r = by_n[1000]
        lines.append(f"- English at 1,000 vs bare Material: warm {r['ours_warm']['seconds'] / r['bare']['seconds']:.2f}× "
                     f"(target ≤ 2.0×, issue #25), cold {r['ours_cold']['seconds'] / r['bare']['seconds']:.2f}×")
    opened = [r["open_profile"]["gzip_kb"] for r in results]
    spread = (max(opened) - min(opened)) / min(opened) * 100
    lines.append(f"- bytes to open a profile: {min(opened)}–{max(opened)} KB gzip across N, spread {spread:.1f}% "
                 f"(target ±5%, ≤ 100 KB); bare Material: {results[0]['bare_open_profile']['gzip_kb']}–"
                 f"{results[-1]['bare_open_profile']['gzip_kb']} KB")
    lines.append(f"- live reload after editing one YAML file (real data): median {reload['median']} s of {reload['seconds']} (target ≤ 2 s)")
    lines.append(f"- share images drawn after changing one of {cache['people']} people: {cache['images_after_one_change']} (target 1)")
    return "\n".join(lines)


def update_benchmarks_md(text: str) -> None:
    path = ROOT / "BENCHMARKS.md"
    current = path.read_text(encoding="utf-8")
    start, end = "<!-- results:start -->", "<!-- results:end -->"
    path.write_text(current[: current.index(start) + len(start)] + "\n" + text + "\n" + current[current.index(end):],
                    encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="skip 10,000")
    parser.add_argument("--sizes", help="comma-separated sizes, e.g. 30,300")
    parser.add_argument("--published-size", help="comma-separated sizes: only the published site's size, with "
                        "records of average size (bench/results/published-size.json)")
    args = parser.parse_args()
    if args.published_size:
        with tempfile.TemporaryDirectory(prefix="kz-bench-") as tmp:
            sizes = []
            for n in (int(s) for s in args.published_size.split(",")):
                print(f"N = {n:,}: the published site's size ...", flush=True)
                sizes.append(published_size(n, Path(tmp)))
                print(json.dumps(sizes[-1], indent=1), flush=True)
        RESULTS.mkdir(exist_ok=True)
        (RESULTS / "published-size.json").write_text(json.dumps({"measured": time.strftime("%Y-%m-%d"), "sizes": sizes},
                                                                indent=2) + "\n", encoding="utf-8")
        return 0
    sizes = [int(s) for s in args.sizes.split(",")] if args.sizes else [s for s in SIZES if not (args.quick and s > 3000)]
    results = []
    with tempfile.TemporaryDirectory(prefix="kz-bench-") as tmp:
        work = Path(tmp)
        for n in sizes:
            print(f"N = {n:,} ...", flush=True)
            results.append(measure_size(n, work))
            print(table(results[-1:]).splitlines()[-1], flush=True)
        reload = live_reload(work)
        cache = image_cache_check(work)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "latest.json").write_text(json.dumps({"sizes": results, "live_reload": reload, "image_cache": cache},
                                                    indent=2) + "\n", encoding="utf-8")
    write_plot(results, RESULTS / "plot.svg")
    summary = (f"Measured {time.strftime('%Y-%m-%d')} on this project's 2-core machine "
               f"(`{' '.join(sys.argv[1:]) or 'full run'}`).\n\n{table(results)}\n\n{targets(results, reload, cache)}\n\n"
               "![Build cost per profile and bytes to open a profile, against N](bench/results/plot.svg)")
    print("\n" + summary)
    update_benchmarks_md(summary)
    return 0


if __name__ == "__main__":
    sys.exit(main())
