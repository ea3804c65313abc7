"""The briefings folder: reading briefings, and writing them without losing an analyst's edit.

Each briefing the tool writes carries ``generated.digest``, the sha256 of the file
as written (with the digest itself blanked). A file whose text no longer matches
its digest has been edited by hand; it is kept, like one marked reviewed.
"""
from __future__ import annotations

import functools
import logging
import os
import json
import re
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from . import __version__
from .briefing import SCHEMA_VERSION, Briefing
from .errors import BriefingError
from .fileio import sha256_bytes, write_atomic
from .schema import dump, read_briefing, validate

log = logging.getLogger(__name__)
DIGEST_LINE = re.compile(r"^(  digest: ).*$", re.M)
PROPOSED_SUFFIX = ".new.yaml"


class State(Enum):
    MISSING = "missing"         #: no briefing yet
    GENERATED = "generated"     #: as the tool wrote it: may be regenerated
    EDITED = "edited"           #: changed by hand since the tool wrote it: kept
    REVIEWED = "reviewed"       #: marked reviewed: kept
    INVALID = "invalid"         #: not valid YAML or schema: reported, never replaced


@dataclass
class Existing:
    state: State
    briefing: Briefing | None = None
    error: BriefingError | None = None
    digest: str = ""              #: sha256 of the file's bytes


def _digest(text: str) -> str:
    return sha256_bytes(DIGEST_LINE.sub(r"\1''", text, count=1).encode("utf-8"))


def serialise(briefing: Briefing) -> str:
    """The YAML text of `briefing`, with its digest filled in."""
    briefing.generated.digest = ""
    text = dump(briefing)
    briefing.generated.digest = _digest(text)
    return DIGEST_LINE.sub(rf"\g<1>{briefing.generated.digest}", text, count=1)


def inspect(path: Path, display: str) -> Existing:
    """What is at `path`, parsed and validated once per version of the file."""
    try:
        st = path.stat()
    except FileNotFoundError:
        return Existing(State.MISSING)
    return _inspect(path, display, st.st_mtime_ns, st.st_size)


def _cache_path(text: str) -> Path:
    key = sha256_bytes(f"{__version__} {SCHEMA_VERSION}\n{text}".encode("utf-8"))
    root = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "briefing-generator"
    return root / "briefings" / key[:2] / f"{key}.json"


def _read_valid(path: Path, display: str) -> tuple[Briefing, str]:
    """The validated briefing in `path`, from a cache keyed by the file's content when it
    was seen before: parsing and validating hundreds of briefings is most of a rebuild.
    The cache holds the validated data as JSON, never code; an unreadable or foreign
    entry is ignored and written again."""
    text = path.read_text(encoding="utf-8")
    cached = _cache_path(text)
    try:
        data = json.loads(cached.read_text(encoding="utf-8"))
        if isinstance(data, dict) and data.get("schema_version") == SCHEMA_VERSION:
            return Briefing.from_dict(data), text
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        pass
    briefing = read_briefing(path, display)
    try:
        write_atomic(cached, json.dumps(briefing.to_dict(), ensure_ascii=False))
    except OSError:
        pass
    return briefing, text


@functools.lru_cache(maxsize=4096)
def _inspect(path: Path, display: str, mtime_ns: int, size: int) -> Existing:
    try:
        briefing, text = _read_valid(path, display)
    except BriefingError as exc:
        return Existing(State.INVALID, error=exc)
    file_digest = sha256_bytes(text.encode("utf-8"))
    if briefing.review.status == "reviewed":
        return Existing(State.REVIEWED, briefing, digest=file_digest)
    if not briefing.generated.digest or _digest(text) != briefing.generated.digest:
        return Existing(State.EDITED, briefing, digest=file_digest)
    return Existing(State.GENERATED, briefing, digest=file_digest)


def write(path: Path, briefing: Briefing) -> None:
    """Validate and write atomically."""
    text = serialise(briefing)
    validate(briefing.to_dict(), str(path))
    write_atomic(path, text)


def proposed_path(path: Path) -> Path:
    """Where a new extraction goes when the briefing itself must be kept."""
    return path.with_name(path.name.removesuffix(".yaml") + PROPOSED_SUFFIX)


def briefing_files(folder: Path) -> list[Path]:
    """Briefing files in `folder`, without proposals written beside kept briefings."""
    return sorted(p for p in folder.glob("*.yaml") if not p.name.endswith(PROPOSED_SUFFIX))
