"""The build, stage by stage: ingest → extract → write briefings → pages → PDFs → site.

One bad article never stops the others: each problem is logged with its file and
the fix, the rest is built, and the report says the build failed.
"""
from __future__ import annotations

import logging
import os
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from enum import Enum
from functools import partial
from pathlib import Path
from typing import Iterable, Iterator

from . import TOOL, __version__
from .article import Article
from .briefing import Briefing
from .config import Config
from .errors import GeneratorError, RenderError
from .executors import executor
from .fileio import sha256_bytes, write_atomic
from .ingest import Limits, discover, read_article
from .migrate import upgrade_file
from .modelinfo import model_id
from .render.brief import brief_html, digest_pdf
from .render.environment import html_env, markdown_env
from .render.exports import data_files, feeds
from .render.maps import world_js
from .render.pages import briefing_page
from .render.views import (ActorEntry, actor_index, actor_pages, briefing_site_map, month_name, month_of,
                           place_index, places_script, render_views)
from .site import build_site, site_settings
from .sources import FILE_NAME as SOURCES_FILE, Sources
from .state import Manifest
from .store import State, briefing_files, inspect, proposed_path, write
from . import workers

log = logging.getLogger(__name__)
PARALLEL_MIN = 4   # below this many articles a worker pool costs more than it saves
BATCH = 16         # most articles per nlp.pipe batch (and per task sent to a worker)
PROGRESS_EVERY_S = 10


@dataclass
class Report:
    articles: int = 0
    extracted: int = 0
    pages: int = 0
    pdfs: int = 0
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    site_built: bool = False

    def error(self, message: str) -> None:
        self.errors.append(message)
        log.error(message)

    def warn(self, message: str) -> None:
        self.warnings.append(message)
        log.warning(message)

    @property
    def changed(self) -> int:
        return self.extracted + self.pages + self.pdfs

    def summary(self) -> str:
        stages = ", ".join(f"{k} {v:.1f} s" for k, v in self.timings.items())
        what = (f"{self.articles} article{'s' if self.articles != 1 else ''}: "
                f"{self.extracted} extracted, {self.pages} pages and {self.pdfs} PDFs rendered")
        if not self.changed and not self.site_built:
            what += "; nothing changed"
        problems = f"; {len(self.errors)} error(s), {len(self.warnings)} warning(s)" \
            if self.errors or self.warnings else ""
        return f"Built {what}{problems}" + (f" ({stages})" if stages else "")

    def failed(self, strict: bool) -> bool:
        return bool(self.errors or strict and self.warnings)


class Timer:
    def __init__(self, report: Report, stage: str):
        self.report, self.stage = report, stage

    def __enter__(self):
        self.t0 = time.perf_counter()

    def __exit__(self, *exc):
        self.report.timings[self.stage] = self.report.timings.get(self.stage, 0) + time.perf_counter() - self.t0


def build(config: Config) -> Report:
    """The whole pipeline."""
    report = Report()
    manifest_path = config.docs / ".state.json"
    fingerprint = inputs_fingerprint(config)
    if not config.force and Manifest(manifest_path).fresh(config.site / "index.html", fingerprint):
        # Nothing the build reads has changed since the last clean build: skip every stage.
        report.articles = sum(1 for _ in config.seeds.rglob("*") if _.is_file())
        return report
    extract(config, report)
    render(config, report)
    with Timer(report, "site"):
        site(config, report)
    if not report.errors and not report.warnings:
        manifest = Manifest(manifest_path)
        manifest.record(config.site / "index.html", inputs_fingerprint(config))
        manifest.save()
    return report


def inputs_fingerprint(config: Config) -> str:
    """A digest of everything a build reads, by file name, size and modification time."""
    parts = [TOOL, model_id(config.model), config.marking, config.paper, str(config.pdf),
             str(config.max_bytes), str(config.site)]
    for folder in (config.seeds, config.briefings, config.templates):
        if folder.is_dir():
            for path in sorted(folder.rglob("*")):
                if path.is_file():
                    st = path.stat()
                    parts.append(f"{path} {st.st_size} {st.st_mtime_ns}")
    for settings in (config.mkdocs_yml, config.root / SOURCES_FILE):
        if settings.exists():
            parts.append(settings.read_text(encoding="utf-8", errors="replace"))
    return sha256_bytes("\n".join(parts).encode("utf-8"))


# --- ingest and extract ------------------------------------------------------------

def extract(config: Config, report: Report | None = None) -> Report:
    """Write a briefing for every new or changed article; keep analysts' edits."""
    report = report or Report()
    with Timer(report, "ingest"):
        articles = list(ingest(config, report))
    report.articles = len(articles)
    with Timer(report, "extract"):
        tool = (TOOL, model_id(config.model))
        plans = {a.slug: _plan(config, a, tool, report) for a in articles}
        todo = [a for a in articles if plans[a.slug] is not Plan.SKIP]
        for result in _extract_all(config, todo):
            if result.error:
                report.error(result.error)
            else:
                _save(config, result.article, result.briefing, plans[result.article.slug], report)
    return report


def ingest(config: Config, report: Report) -> Iterator[Article]:
    """Read every article in seeds/, giving each a slug no other article or briefing holds."""
    if not config.seeds.is_dir():
        report.error(f"{config.seeds}: seeds folder not found; create it and add articles, or pass --seeds")
        return
    paths, skipped = discover(config.seeds, config.root)
    for message in skipped:
        report.warn(message)
    taken: set[str] = set()
    limits = Limits(config.max_bytes)
    known = _known_slugs(config)
    for path in paths:
        try:
            article = read_article(path, config.root, limits)
        except GeneratorError as exc:
            report.error(str(exc))
            continue
        for message in article.warnings:
            report.warn(message)
        # An article keeps the slug its briefing has, however slugs are made now.
        slug = known.get(article.path)
        article.slug = slug if slug and slug not in taken else _unique_slug(config, article, taken)
        taken.add(article.slug)
        yield article


def _known_slugs(config: Config) -> dict[str, str]:
    """Article file → the slug of the briefing made from it."""
    out = {}
    for path in briefing_files(config.briefings) if config.briefings.is_dir() else []:
        existing = inspect(path, _display(config, path))
        if existing.briefing is not None and path.stem == existing.briefing.id:
            out.setdefault(existing.briefing.source.file, path.stem)
    return out


def _unique_slug(config: Config, article: Article, taken: set[str]) -> str:
    """The article's slug, numbered when another article already has it."""
    base, n = article.slug, 1
    slug = base
    while slug in taken or _owned_by_other(config, config.briefings / f"{slug}.yaml", article.path):
        n += 1
        slug = f"{base}-{n}"
    return slug


def _owned_by_other(config: Config, path: Path, source_file: str) -> bool:
    existing = inspect(path, _display(config, path))   # the same key as _plan: parsed once
    return existing.briefing is not None and existing.briefing.source.file != source_file


class Plan(Enum):
    SKIP = "skip"          #: the briefing is up to date, or an analyst owns it and the article is unchanged
    WRITE = "write"        #: new, or generated by the tool from an older article or tool
    PROPOSE = "propose"    #: an analyst owns the briefing but the article changed: write beside it


def _plan(config: Config, article: Article, tool: tuple[str, str], report: Report) -> Plan:
    path = config.briefings / f"{article.slug}.yaml"
    existing = inspect(path, _display(config, path))
    if existing.state is State.MISSING:
        return Plan.WRITE
    if existing.state is State.INVALID:
        for problem in existing.error.problems:
            report.error(f"{existing.error.path}: {problem} (kept as it is; fix it by hand)")
        return Plan.SKIP
    same_source = existing.briefing.source.sha256 == article.sha256
    if existing.state in (State.EDITED, State.REVIEWED) and upgrade_file(path):
        report.warn(f"{_display(config, path)}: upgraded to briefing schema v2 in place, your edits kept "
                    f"(the v1 file is {path.name}.v1)")
        existing = inspect(path, _display(config, path))
        if existing.state is State.INVALID:
            return Plan.SKIP
    if existing.state in (State.EDITED, State.REVIEWED):
        return Plan.SKIP if same_source else Plan.PROPOSE
    same_tool = (existing.briefing.generated.by, existing.briefing.generated.model) == tool
    return Plan.WRITE if config.force or not (same_source and same_tool) else Plan.SKIP


def _extract_all(config: Config, articles: list[Article]) -> Iterable[workers.Extracted]:
    """Results in article order, batch by batch, reporting progress on long runs."""
    if not articles:
        return          # nothing to extract: do not even load the model
    # Enough batches to keep every worker busy, few enough to keep nlp.pipe efficient.
    size = max(1, min(BATCH, -(-len(articles) // (config.jobs * 4))))
    batches = [articles[i:i + size] for i in range(0, len(articles), size)]
    if not config.scheduler:
        from .geo import ensure_index
        ensure_index()      # here, once: not by each worker process at the same time
    run = executor(config.jobs, config.scheduler, len(articles), workers.init_worker, (config.model,),
                   parallel_min=PARALLEL_MIN)
    try:
        done, last_report = 0, time.monotonic()
        task = partial(workers.extract_batch, model=config.model, limit_s=config.task_timeout)
        for results in run.map(task, batches):
            yield from results
            done += len(results)
            if time.monotonic() - last_report > PROGRESS_EVERY_S and done < len(articles):
                log.info("extracted %d of %d articles", done, len(articles))
                last_report = time.monotonic()
    except BaseException:
        run.abort()         # Ctrl-C or an error here: stop the workers, do not wait for them
        raise
    run.close()


def _save(config: Config, article: Article, briefing: Briefing, plan: Plan, report: Report) -> None:
    path = config.briefings / f"{article.slug}.yaml"
    if plan is Plan.PROPOSE:
        proposal = proposed_path(path)
        write(proposal, briefing)
        report.warn(f"{_display(config, path)}: kept your edited or reviewed briefing although "
                    f"{article.path} changed; the new extraction is in {proposal.name}: merge what you need")
        return
    write(path, briefing)
    report.extracted += 1


def _display(config: Config, path: Path) -> str:
    try:
        return path.relative_to(config.root).as_posix()
    except ValueError:
        return str(path)


# --- render pages and PDFs ---------------------------------------------------------

def render(config: Config, report: Report | None = None) -> Report:
    """Markdown pages, views, feeds, data and PDF briefs for every published briefing;
    stale ones removed."""
    report = report or Report()
    with Timer(report, "pages"):
        entries = published(config, report)
        briefings = [b for b, _ in entries]
        manifest = Manifest(config.docs / ".state.json")
        sources = _sources(config, report)
        # What every page and PDF depends on besides its briefing: templates, options, tool.
        common = (_templates_digest(config) + f" {__version__} {config.marking} {config.paper} {config.pdf} "
                  + sha256_bytes(sources.digest().encode())[:16])
        actors = actor_index(briefings)
        _render_pages(config, entries, actors, manifest, sources, common, report)
        _render_views(config, briefings, actors, sources, report)
        manifest.save()
    if config.pdf:
        with Timer(report, "pdf"):
            _render_briefs(config, entries, manifest, sources, common, report)
            _render_digests(config, entries, manifest, common, report)
            manifest.save()
    return report


GENERATED = ("actors", "archive", "places", "threats", "feeds", "data")   #: folders of docs/ the views own


def _render_pages(config: Config, entries, actors: list[ActorEntry], manifest: Manifest, sources: Sources,
                  common: str, report: Report) -> None:
    """One Markdown page per briefing, redone when it, its actors' pages or `common` change."""
    md = markdown_env(config.templates)
    pages_dir, pdf_dir = config.docs / "briefings", config.docs / "pdf"
    slugs = actor_pages(actors)
    for b, digest in entries:
        page = pages_dir / f"{b.id}.md"
        links = " ".join(f"{a.name}={slugs.get(a.name)}" for a in b.actors)
        if config.force or not manifest.fresh(page, digest + common + links):
            try:
                grade = sources.grade(b.source.name, b.source.url)
                text = briefing_page(md, b, slugs, briefing_site_map(b, slugs), grade, config.marking, config.pdf)
            except RenderError as exc:
                # One briefing's problem never stops the others' pages and PDFs.
                report.error(f"{_briefing_file(config, b)}: its page was not rendered: {exc}")
                continue
            report.pages += _write_if_changed(page, text)
            manifest.record(page, digest + common + links)
    keep = {b.id for b, _ in entries}
    for folder, suffix in ((pages_dir, ".md"), (pdf_dir, ".pdf")):
        for stale in folder.glob(f"*{suffix}") if folder.exists() else []:
            if stale.stem not in keep:
                stale.unlink()
                manifest.forget(stale)
                report.pages += 1


def _render_views(config: Config, briefings: list[Briefing], actors: list[ActorEntry], sources: Sources,
                  report: Report) -> None:
    """The home page and the cross-briefing views, feeds, data downloads and the site's
    scripts and styles; files the views no longer make are removed."""
    md = markdown_env(config.templates)
    name, url = site_settings(config.mkdocs_yml)
    try:
        files: dict[str, str | bytes] = dict(render_views(md, briefings, actors,
                                                          {"marking": config.marking, "with_pdf": config.pdf}))
    except RenderError as exc:
        report.error(f"the home page and cross-briefing views were not rendered: {exc}")
        return
    updated = max((b.generated.at for b in briefings), default="1970-01-01T00:00:00+00:00")
    files.update(feeds(briefings, url, name, _rfc3339(updated), config.pdf))
    files.update(data_files(briefings, url, sources))
    files["data/places.js"] = places_script(place_index(briefings))
    files["assets/world.js"] = world_js()
    for asset in sorted((config.templates / "assets").rglob("*")):
        # Scripts and styles the site serves itself, so that it never loads a remote one.
        if asset.is_file():
            files[f"assets/{asset.relative_to(config.templates / 'assets').as_posix()}"] = asset.read_bytes()
    for rel, content in files.items():
        report.pages += _write_if_changed(config.docs / rel, content)
    for folder in GENERATED + ("assets",):
        for stale in (config.docs / folder).rglob("*") if (config.docs / folder).is_dir() else []:
            if stale.is_file() and stale.relative_to(config.docs).as_posix() not in files:
                stale.unlink()
                report.pages += 1


def _render_briefs(config: Config, entries, manifest: Manifest, sources: Sources, common: str,
                   report: Report) -> None:
    html = html_env(config.templates)
    pdf_dir = config.docs / "pdf"
    todo, htmls = [], []
    for b, digest in entries:
        out = pdf_dir / f"{b.id}.pdf"
        if config.force or not manifest.fresh(out, digest + common):
            try:
                htmls.append(brief_html(html, b, config.templates, config.marking, config.paper,
                                        sources.grade(b.source.name, b.source.url)))
            except RenderError as exc:
                report.error(f"{_briefing_file(config, b)}: its PDF was not rendered: {exc}")
                continue
            todo.append((out, b, digest + common))
    for (out, b, digest), pdf in zip(todo, _render_pdfs(config, htmls)):
        if isinstance(pdf, str):
            report.error(f"{_briefing_file(config, b)}: its PDF {_display(config, out)} was not rendered: {pdf}")
            continue
        write_atomic(out, pdf)
        manifest.record(out, digest)
        report.pdfs += 1


def _render_digests(config: Config, entries, manifest: Manifest, common: str, report: Report) -> None:
    """A digest of every brief per month of publication: a changed briefing redoes its
    month's digest only."""
    html = html_env(config.templates)
    pdf_dir, folder = config.docs / "pdf", config.docs / "digest"
    months: dict[str, list[tuple[Briefing, str]]] = {}
    for b, digest in entries:
        months.setdefault(month_of(b), []).append((b, digest))
    keep = set()
    for month, items in months.items():
        out = folder / f"briefings-{month}.pdf"
        keep.add(out.name)
        everything = sha256_bytes("".join(sorted(d for _, d in items)).encode()) + common
        if not config.force and manifest.fresh(out, everything):
            continue
        briefings = [b for b, _ in items]
        pdfs = {b.id: (pdf_dir / f"{b.id}.pdf").read_bytes() for b in briefings if (pdf_dir / f"{b.id}.pdf").exists()}
        now = datetime.now(timezone.utc).replace(microsecond=0).isoformat()
        try:
            write_atomic(out, digest_pdf(html, briefings, pdfs, config.templates, config.marking, config.paper,
                                         now, config.root, title=f"Briefing digest: {month_name(month)}"))
        except RenderError as exc:
            report.error(f"{_display(config, out)}: not rendered: {exc}")
            continue
        manifest.record(out, everything)
        report.pdfs += 1
    for stale in folder.glob("*.pdf") if folder.is_dir() else []:
        if stale.name not in keep:
            stale.unlink()
            manifest.forget(stale)


def _sources(config: Config, report: Report) -> Sources:
    try:
        return Sources.load(config.root)
    except GeneratorError as exc:
        report.error(f"{exc} (every source graded F until it is fixed)")
        return Sources()


def _rfc3339(value: str) -> str:
    try:
        return datetime.fromisoformat(value).astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    except ValueError:
        return "1970-01-01T00:00:00Z"


def _briefing_file(config: Config, b: Briefing) -> str:
    return _display(config, config.briefings / f"{b.id}.yaml")


def _templates_digest(config: Config) -> str:
    files = sorted(p for p in config.templates.rglob("*") if p.is_file())
    return sha256_bytes(b"".join(p.name.encode() + p.read_bytes() for p in files))[:16]


def published(config: Config, report: Report) -> list[tuple[Briefing, str]]:
    """Valid briefings whose article is still in seeds/, each with the digest of its file;
    every invalid one reported."""
    out = []
    for path in briefing_files(config.briefings) if config.briefings.is_dir() else []:
        existing = inspect(path, _display(config, path))
        if existing.state is State.INVALID:
            if not any(existing.error.path in e for e in report.errors):
                for problem in existing.error.problems:
                    report.error(f"{existing.error.path}: {problem}")
            continue
        b = existing.briefing
        if path.stem != b.id:
            report.error(f"{_display(config, path)}: id: {b.id!r} differs from the file name; "
                         f"rename the file or set id: {path.stem}")
            continue
        if not (config.root / b.source.file).is_file():
            report.warn(f"{_display(config, path)}: its article {b.source.file} is gone; "
                        f"not published (delete the briefing to silence this)")
            continue
        out.append((b, existing.digest))
    return out


def _write_if_changed(path: Path, content: str | bytes) -> int:
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        if path.read_bytes() == data:
            return 0
    except FileNotFoundError:
        pass
    write_atomic(path, data)
    return 1


def _render_pdfs(config: Config, htmls: list[str]) -> Iterable[bytes | str]:
    run = executor(config.jobs, config.scheduler, len(htmls), parallel_min=PARALLEL_MIN)
    try:
        yield from run.map(partial(workers.render_pdf, root=config.root, limit_s=config.task_timeout), htmls)
    except BaseException:
        run.abort()
        raise
    run.close()


# --- build the site ------------------------------------------------------------------

def site(config: Config, report: Report) -> None:
    """Run MkDocs unless neither the pages nor its configuration changed since the last site.

    When only pages changed (same configuration, theme and assets), MkDocs re-renders just
    those: pages not in the navigation do not change when others do. Pages that link
    every briefing (home, views, tags) are rewritten whenever a briefing changes."""
    manifest = Manifest(config.docs / ".state.json")
    inputs = sorted(p for p in config.docs.rglob("*") if p.is_file() and p.name != ".state.json")
    pages = "\n".join(f"{p.relative_to(config.docs)} {p.stat().st_size} {p.stat().st_mtime_ns}" for p in inputs)
    setup = sha256_bytes("\n".join(
        [config.mkdocs_yml.read_text(encoding="utf-8") if config.mkdocs_yml.exists() else ""]
        + [p.read_text(encoding="utf-8", errors="replace") for p in inputs if p.parent.name == "assets"]
        + [f"{p.relative_to(config.docs)}" for p in inputs]).encode())
    digest = sha256_bytes((pages + setup).encode())
    index = config.site / "sitemap.xml"
    if not config.force and manifest.fresh(index, digest):
        return
    dirty = not config.force and (config.site / "index.html").exists() and manifest.value("site-setup") == setup
    if dirty:
        # Views list every briefing: make sure MkDocs sees them as changed.
        for view in ("index.md", "tags.md", "places.md", "threats.md", "timeline.md", "actors/index.md"):
            if (config.docs / view).exists():
                os.utime(config.docs / view)
    build_site(config.mkdocs_yml, config.docs, config.site, strict=True, dirty=dirty)
    report.site_built = True
    manifest.record(index, digest)
    manifest.put("site-setup", setup)
    manifest.save()
