"""`validate`: check briefing files, including that evidence spans match their article."""
from __future__ import annotations

from pathlib import Path

from .errors import BriefingError
from .schema import line_index, read_briefing
from .store import briefing_files


def validate_files(paths: list[Path], root: Path | None = None) -> tuple[list[str], int]:
    """Every problem as 'file: field: what is wrong', and how many briefings were checked."""
    root = root or Path.cwd()
    files: list[Path] = []
    problems: list[str] = []
    for path in paths:
        if path.is_dir():
            files += briefing_files(path)
        elif path.exists():
            files.append(path)
        else:
            problems.append(f"{path}: not found; give a briefing file or folder")
    for path in files:
        try:
            briefing = read_briefing(path)
        except BriefingError as exc:
            problems += [f"{exc.path}: {p}" for p in exc.problems]
            continue
        lines = line_index(path.read_text(encoding="utf-8"))
        problems += [f"{path}: line {lines.get(where, 1)}: {where}: {what}"
                     for where, what in evidence_problems(briefing, root)]
    return problems, len(files)


def evidence_problems(briefing, root: Path) -> list[tuple[str, str]]:
    """Evidence whose text is not the article's text at its offsets, as (field, problem)."""
    article = root / briefing.source.file
    if not article.is_file() or article.suffix.lower() in (".html", ".htm"):
        return []
    from .ingest import _decode
    text, _ = _decode(article.read_bytes(), briefing.source.file)
    out = []
    for field in ("actors", "locations", "threats", "quotes"):
        for i, item in enumerate(getattr(briefing, field)):
            for j, ev in enumerate(item.evidence):
                if ev.end > len(text) or ev.start > ev.end:
                    out.append((f"{field}.{i}.evidence.{j}", f"offsets {ev.start}–{ev.end} lie outside "
                                f"{briefing.source.file} ({len(text):,} characters); correct them"))
                elif text[ev.start:ev.end] != ev.text:
                    out.append((f"{field}.{i}.evidence.{j}", f"text {ev.text[:40]!r} is not at "
                                f"{ev.start}–{ev.end} of {briefing.source.file}; correct the offsets"))
    return out
