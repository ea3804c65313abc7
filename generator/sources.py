"""How far a source is trusted: the analyst's sources.yaml, graded on the Admiralty scale.

sources.yaml (in the project folder) maps a source's name or web domain to a reliability
grade, A (completely reliable) to F (cannot be judged):

    Reuters: B
    en.wikinews.org: C

A briefing's source is matched by its name (any case) or by its URL's domain (a domain
matches its subdomains: "wikinews.org" covers "en.wikinews.org"). A source that is not
listed is graded F. The information's own credibility, 1 (confirmed) to 6 (cannot be
judged), is the analyst's to give in the briefing's `review.credibility`.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from . import yamlsafe
from .errors import GeneratorError

FILE_NAME = "sources.yaml"
RELIABILITY = {"A": "completely reliable", "B": "usually reliable", "C": "fairly reliable",
               "D": "not usually reliable", "E": "unreliable", "F": "reliability cannot be judged"}
CREDIBILITY = {1: "confirmed by other sources", 2: "probably true", 3: "possibly true", 4: "doubtful",
               5: "improbable", 6: "truth cannot be judged"}


@dataclass(frozen=True)
class Grade:
    reliability: str                 #: A–F
    matched: str = ""                #: the sources.yaml entry that gave it ("" when none did)

    @property
    def meaning(self) -> str:
        return RELIABILITY[self.reliability]


class Sources:
    """The grades of sources.yaml; an empty table when the file is absent."""

    def __init__(self, grades: dict[str, str] | None = None):
        self.grades = {k.strip().lower(): v for k, v in (grades or {}).items()}

    @classmethod
    def load(cls, root: Path) -> "Sources":
        path = root / FILE_NAME
        if not path.is_file():
            return cls()
        try:
            data = yamlsafe.load(path.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = f"line {mark.line + 1}: " if mark else ""
            raise GeneratorError(f"{FILE_NAME}: {line}{getattr(exc, 'problem', None) or exc}; fix the YAML") from exc
        except (OSError, UnicodeDecodeError) as exc:
            raise GeneratorError(f"{FILE_NAME}: cannot be read ({exc}); check the file") from exc
        if not isinstance(data, dict):
            raise GeneratorError(f"{FILE_NAME}: write one 'source: grade' line per source (e.g. 'Reuters: B')")
        grades = {}
        for name, grade in data.items():
            grade = str(grade).strip().upper()
            if grade not in RELIABILITY:
                raise GeneratorError(f"{FILE_NAME}: {name}: {grade!r} is not an Admiralty reliability grade; "
                                     f"use one of A, B, C, D, E, F")
            grades[str(name)] = grade
        return cls(grades)

    def grade(self, name: str, url: str) -> Grade:
        key = (name or "").strip().lower()
        if key and key in self.grades:
            return Grade(self.grades[key], name)
        host = (urlsplit(url or "").hostname or "").lower()
        while host:
            if host in self.grades:
                return Grade(self.grades[host], host)
            host = host.partition(".")[2] if "." in host else ""
        return Grade("F")

    def digest(self) -> str:
        return repr(sorted(self.grades.items()))
