"""What the last build produced, so an unchanged input is not processed again.

A small JSON manifest beside the generated pages, written atomically: for each
output, the digest of everything it was made from. A missing or unreadable
manifest only means a full rebuild.
"""
from __future__ import annotations

import json
import logging
from pathlib import Path

from .fileio import write_atomic

log = logging.getLogger(__name__)


class Manifest:
    def __init__(self, path: Path):
        self.path = path
        try:
            self.entries: dict[str, str] = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            self.entries = {}
        except (OSError, ValueError):
            log.warning("%s: unreadable build state; rebuilding everything", path)
            self.entries = {}
        self.changed = False

    def fresh(self, output: Path, digest: str) -> bool:
        """True when `output` exists and was made from inputs with this digest."""
        return output.exists() and self.entries.get(str(output)) == digest

    def record(self, output: Path, digest: str) -> None:
        if self.entries.get(str(output)) != digest:
            self.entries[str(output)] = digest
            self.changed = True

    def value(self, key: str) -> str | None:
        """A recorded value that is not tied to an output file."""
        return self.entries.get(key)

    def put(self, key: str, value: str) -> None:
        if self.entries.get(key) != value:
            self.entries[key] = value
            self.changed = True

    def forget(self, output: Path) -> None:
        if self.entries.pop(str(output), None) is not None:
            self.changed = True

    def save(self) -> None:
        if self.changed:
            write_atomic(self.path, json.dumps(self.entries, indent=1, sort_keys=True))
            self.changed = False
