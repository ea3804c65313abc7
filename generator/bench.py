"""`make bench`: build the Wikinews corpus in a temporary project and compare with the floors;
`make bench-large`: build 10,000 articles made from it.

usage: python -m generator.bench CORPUS_DIR [--sizes 130,260,520] [--jobs N] [--json OUT]
       python -m generator.bench CORPUS_DIR --large 10000 [--jobs N] [--json OUT]

Measures, in one run on the same inputs: a cold build (per stage, total, articles per
second, peak memory of the whole process tree), a no-op rebuild, a rebuild after one
article changed and after one template changed; the floors (spaCy ``nlp.pipe`` alone
over the texts, WeasyPrint alone over the same HTML, ``mkdocs build`` alone over the
same Markdown); the ratio cold / sum of floors; extraction's articles per second on
one core with the model loaded once; the gazetteer's start-up time and memory; and the
scaling over corpus sizes.

With --large N: N articles, the corpus repeated with varied text (each copy's title,
dates and a closing sentence differ), built without PDFs (their time per brief is
measured by `make bench`); it reports time and peak memory per stage (extract, render,
site run as separate commands), the site's size, its largest page and the search
index's size.
Prints a table and writes JSON. Timings are for comparison on one machine, not tests.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


class PeakMemory:
    """Peak resident memory of a process and all its descendants, sampled from /proc;
    `largest`: the peak of the largest single process among them (a worker's memory)."""

    def __init__(self, pid: int, interval: float = 0.1):
        self.pid, self.interval, self.peak, self.largest = pid, interval, 0, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()

    def _run(self):
        while not self._stop.is_set():
            sizes = [_rss(p) for p in _tree(self.pid)]
            self.peak = max(self.peak, sum(sizes))
            self.largest = max(self.largest, max(sizes, default=0))
            time.sleep(self.interval)


def _tree(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
        except (OSError, IndexError, ValueError):
            continue
    out, todo = [], [root]
    while todo:
        pid = todo.pop()
        out.append(pid)
        todo += children.get(pid, [])
    return out


def _rss(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def run_build(root: Path, jobs: int, *extra: str) -> dict:
    cmd = [sys.executable, "-m", "generator", "build", "--root", str(root), "--jobs", str(jobs), *extra]
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    with PeakMemory(proc.pid) as mem:
        out, err = proc.communicate()
    wall = time.perf_counter() - t0
    if proc.returncode:
        raise SystemExit(f"build failed:\n{err[-3000:]}")
    summary = err.strip().splitlines()[-1]
    stages = {k: float(v) for k, v in re.findall(r"(\w+) ([\d.]+) s", summary)}
    return {"wall_s": round(wall, 2), "stages_s": stages, "peak_mb": round(mem.peak / 1e6),
            "largest_process_mb": round(mem.largest / 1e6), "summary": summary}


def make_project(root: Path, articles: list[Path]) -> None:
    shutil.copytree(REPO / "templates", root / "templates")
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    (root / "seeds").mkdir()
    for a in articles:
        shutil.copy(a, root / "seeds" / a.name)


def floor_spacy(root: Path, jobs: int) -> float:
    code = ("import sys,time;from pathlib import Path;t=time.perf_counter();"
            "from generator.ingest import read_article;from generator.extract.nlp import load;"
            "nlp=load();arts=[read_article(p,Path(sys.argv[1])) for p in sorted(Path(sys.argv[1],'seeds').glob('*'))];"
            "n=int(sys.argv[2]);"
            "list(nlp.pipe([a.body for a in arts],batch_size=16,n_process=n));"
            "print(time.perf_counter()-t)")
    return _timed_python(code, root, jobs)


def extraction_rate(root: Path) -> float:
    """Articles per second per core for the whole extraction (parse and rules), in one
    process with the model loaded once, load time left out."""
    code = ("import sys,time;from pathlib import Path;"
            "from generator.ingest import read_article;from generator.extract import Extractor;"
            "ex=Extractor();arts=[read_article(p,Path(sys.argv[1])) for p in sorted(Path(sys.argv[1],'seeds').glob('*'))];"
            "t=time.perf_counter();[ex.extract(a) for a in arts];"
            "print(len(arts)/(time.perf_counter()-t))")
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run([sys.executable, "-c", code, str(root)], env=env, check=True,
                          capture_output=True, text=True)
    return float(done.stdout.split()[-1])


def _render_html(args):
    from weasyprint import HTML
    html, root = args
    HTML(string=html, base_url=str(root)).write_pdf()


def floor_weasyprint(root: Path, jobs: int) -> float:
    from .config import Config
    from .pipeline import Report, published
    from .render.environment import html_env
    from .render.brief import brief_html
    config = Config(root=root)
    env = html_env(config.templates)
    pages = [brief_html(env, b, config.templates, "TLP:CLEAR", "A4") for b, _ in published(config, Report())]
    t0 = time.perf_counter()
    with ProcessPoolExecutor(jobs) as pool:
        list(pool.map(_render_html, [(h, root) for h in pages], chunksize=2))
    return time.perf_counter() - t0


def floor_mkdocs(root: Path) -> float:
    out = Path(tempfile.mkdtemp())
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(root / "mkdocs.yml"),
                    "-d", str(out)], check=True, cwd=root, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    took = time.perf_counter() - t0
    shutil.rmtree(out)
    return took


def _timed_python(code: str, root: Path, jobs: int) -> float:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", code, str(root), str(jobs)], env=env, check=True,
                   capture_output=True, text=True)
    return time.perf_counter() - t0


def gazetteer_startup() -> dict:
    """Seconds and MB to build the gazetteer index once (a fresh cache) and to open it."""
    code = ("import resource,time;t=time.perf_counter();from generator.geo.index import gazetteer;"
            "g=gazetteer();g.lookup('Kabul');"
            "print(time.perf_counter()-t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)")
    base = ("import resource;print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)")
    with tempfile.TemporaryDirectory() as cache:
        env = {**os.environ, "PYTHONPATH": str(REPO), "XDG_CACHE_HOME": cache}
        run = lambda c: subprocess.run([sys.executable, "-c", c], env=env, check=True,  # noqa: E731
                                       capture_output=True, text=True).stdout.split()
        build_s, _ = run(code)
        open_s, open_kb = run(code)
        bare_kb = run(base)[0]
        size = sum(p.stat().st_size for p in Path(cache).rglob("*.sqlite"))
    return {"index_build_s": round(float(build_s), 2), "open_s": round(float(open_s), 3),
            "open_mb": round((int(open_kb) - int(bare_kb)) / 1024), "index_mb": round(size / 1e6)}


def varied_corpus(files: list[Path], count: int, seeds: Path) -> None:
    """`count` articles from `files`, repeated: copy k of an article gets its title
    numbered, its date moved k months back and a closing sentence of its own, so that no
    two briefings are the same and the archive spreads over the months as real news does."""
    import yaml
    from .dates import parse_date
    seeds.mkdir(parents=True, exist_ok=True)
    towns = ["Kabul", "Mosul", "Aleppo", "Kano", "Mogadishu", "Donetsk", "Sanaa", "Gao", "Idlib", "Marawi"]
    for i in range(count):
        src = files[i % len(files)]
        k = i // len(files)
        text = src.read_text(encoding="utf-8")
        if k:
            _, front, body = text.split("---\n", 2)
            meta = yaml.safe_load(front) or {}
            meta["title"] = f"{meta.get('title', src.stem)} ({k + 1})"
            day = parse_date(meta.get("published") or meta.get("date"))
            if day:
                year, month = _months_back(day.year, day.month, k)
                meta["published"] = f"{year:04d}-{month:02d}-{min(day.day, 28):02d}"
                meta.pop("date", None)
            body += (f"\nOfficials in {towns[(i + k) % len(towns)]} said {k + 2} people were questioned "
                     f"on Monday.\n")
            text = "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n" + body
        (seeds / f"{src.stem}-{k + 1}.md").write_text(text, encoding="utf-8")


def _months_back(year: int, month: int, k: int) -> tuple[int, int]:
    n = year * 12 + month - 1 - k
    return n // 12, n % 12 + 1


def bench_large(corpus: Path, count: int, jobs: int) -> dict:
    files = sorted(corpus.glob("*.md"))
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        make_project(root, [])
        varied_corpus(files, count, root / "seeds")
        stages = {}
        for stage, command in (("extract", ["extract"]), ("render", ["render", "--no-pdf"]),
                               ("site", ["build", "--no-pdf"])):
            stages[stage] = run_command(root, jobs, command)
        site = root / "site"
        pages = [p for p in site.rglob("*.html")]
        largest = max(pages, key=lambda p: p.stat().st_size)
        index = site / "search" / "search_index.json"
        return {"articles": count, "jobs": jobs, "stages": stages,
                "total_s": round(sum(s["wall_s"] for s in stages.values()), 1),
                "site_mb": round(sum(p.stat().st_size for p in site.rglob("*") if p.is_file()) / 1e6, 1),
                "html_pages": len(pages), "largest_page": largest.relative_to(site).as_posix(),
                "largest_page_kb": round(largest.stat().st_size / 1e3),
                "pages_over_1mb": sum(p.stat().st_size > 1_000_000 for p in pages),
                "home_page_kb": round((site / "index.html").stat().st_size / 1e3),
                "search_index_mb": round(index.stat().st_size / 1e6, 1)}


def run_command(root: Path, jobs: int, command: list[str]) -> dict:
    cmd = [sys.executable, "-m", "generator", *command, "--root", str(root), "--jobs", str(jobs)]
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    with PeakMemory(proc.pid, interval=0.5) as mem:
        _, err = proc.communicate()
    if proc.returncode:
        raise SystemExit(f"{' '.join(command)} failed:\n{err[-3000:]}")
    return {"wall_s": round(time.perf_counter() - t0, 1), "peak_mb": round(mem.peak / 1e6),
            "summary": err.strip().splitlines()[-1]}


def table_large(r: dict) -> str:
    rows = [("articles", r["articles"]), ("jobs", r["jobs"])]
    rows += [(f"{stage} (s, peak MB)", f"{s['wall_s']}, {s['peak_mb']}") for stage, s in r["stages"].items()]
    rows += [("total (s)", r["total_s"]), ("site (MB)", r["site_mb"]), ("HTML pages", r["html_pages"]),
             ("largest page", f"{r['largest_page']} ({r['largest_page_kb']} KB)"),
             ("pages over 1 MB", r["pages_over_1mb"]), ("home page (KB)", r["home_page_kb"]),
             ("search index (MB)", r["search_index_mb"])]
    width = max(len(k) for k, _ in rows)
    return "\n".join(f"{k:<{width}}  {v}" for k, v in rows)


def bench(corpus: Path, sizes: list[int], jobs: int) -> dict:
    files = sorted(corpus.glob("*.md"))
    result: dict = {"jobs": jobs, "articles_available": len(files), "scaling": {}}
    for n in sorted(sizes):
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp)
            make_project(root, files[:n])
            cold = run_build(root, jobs)
            cold["articles_per_s"] = round(n / cold["wall_s"], 2)
            result["scaling"][n] = cold["wall_s"]
            if n != max(sizes):
                continue
            result.update(articles=n, cold=cold)
            result["noop"] = run_build(root, jobs)
            first = sorted((root / "seeds").glob("*.md"))[0]
            first.write_text(first.read_text(encoding="utf-8") + "\nTroops were deployed to the border on Friday.\n",
                             encoding="utf-8")
            result["one_article"] = run_build(root, jobs)
            css = root / "templates" / "brief.css"
            css.write_text(css.read_text() + "\n/* changed */\n")
            result["one_template"] = run_build(root, jobs)
            floors = {"spacy_pipe": floor_spacy(root, jobs), "weasyprint": floor_weasyprint(root, jobs),
                      "mkdocs_build": floor_mkdocs(root)}
            result["floors_s"] = {k: round(v, 2) for k, v in floors.items()}
            result["extraction_per_s_per_core"] = round(extraction_rate(root), 1)
            result["ratio_cold_to_floors"] = round(cold["wall_s"] / sum(floors.values()), 2)
            result["ratio_one_article_to_cold"] = round(result["one_article"]["wall_s"] / cold["wall_s"], 3)
    result["gazetteer"] = gazetteer_startup()
    return result


def table(r: dict) -> str:
    rows = [("articles", r["articles"]), ("jobs", r["jobs"]),
            ("cold build (s)", r["cold"]["wall_s"]),
            ("  per stage (s)", ", ".join(f"{k} {v}" for k, v in r["cold"]["stages_s"].items())),
            ("  articles / s", r["cold"]["articles_per_s"]),
            ("  peak memory (MB)", r["cold"]["peak_mb"]),
            ("  largest one process (MB)", r["cold"]["largest_process_mb"]),
            ("no-op rebuild (s)", r["noop"]["wall_s"]),
            ("one article changed (s)", f"{r['one_article']['wall_s']} ({r['ratio_one_article_to_cold']:.1%} of cold)"),
            ("one template changed (s)", r["one_template"]["wall_s"]),
            ("floor: spaCy nlp.pipe (s)", r["floors_s"]["spacy_pipe"]),
            ("floor: WeasyPrint (s)", r["floors_s"]["weasyprint"]),
            ("floor: mkdocs build (s)", r["floors_s"]["mkdocs_build"]),
            ("cold / sum of floors", r["ratio_cold_to_floors"]),
            ("extraction, 1 core (articles/s)", r["extraction_per_s_per_core"]),
            ("gazetteer: index built once (s)", r["gazetteer"]["index_build_s"]),
            ("gazetteer: open (s, MB; index MB)", f"{r['gazetteer']['open_s']}, {r['gazetteer']['open_mb']}; "
                                                 f"{r['gazetteer']['index_mb']}"),
            ("scaling (articles: s)", ", ".join(f"{n}: {s}" for n, s in r["scaling"].items()))]
    width = max(len(k) for k, _ in rows)
    return "\n".join(f"{k:<{width}}  {v}" for k, v in rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator.bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--sizes", default="130,260,520")
    parser.add_argument("--jobs", type=int, default=len(os.sched_getaffinity(0)))
    parser.add_argument("--large", type=int, default=0, help="build this many articles, without PDFs")
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"{args.corpus}: corpus folder not found; pass the Wikinews folder of the shared corpora",
              file=sys.stderr)
        return 2
    if args.large:
        result = bench_large(args.corpus, args.large, args.jobs)
        print(table_large(result))
    else:
        result = bench(args.corpus, [int(s) for s in args.sizes.split(",")], args.jobs)
        print(table(result))
    args.json = args.json or Path("build") / ("bench-large.json" if args.large else "bench.json")
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(result, indent=1))
    print(f"\nJSON: {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
