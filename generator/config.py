"""The project configuration, declared once.

Every setting has a default that suits the standard layout (seeds/, briefings/,
templates/, site/ beside mkdocs.yml), and every path can be overridden from the
command line.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from .ingest import DEFAULT_MAX_BYTES

MARKINGS = ("TLP:CLEAR", "TLP:GREEN", "TLP:AMBER", "TLP:AMBER+STRICT", "TLP:RED")


@dataclass
class Config:
    root: Path = field(default_factory=Path.cwd)    #: the project folder; nothing outside it is read by renderers
    seeds: Path | None = None          #: articles to brief (default: root/seeds)
    briefings: Path | None = None      #: YAML briefings, analysts may edit them (default: root/briefings)
    templates: Path | None = None      #: Jinja templates and print CSS (default: root/templates)
    docs: Path | None = None           #: generated Markdown pages and PDFs (default: root/build/docs)
    site: Path | None = None           #: the built MkDocs site (default: root/site)
    mkdocs_yml: Path | None = None     #: the MkDocs configuration (default: root/mkdocs.yml)
    model: str = ""                    #: spaCy pipeline name or folder ("" = the shipped model)
    marking: str = "TLP:CLEAR"         #: TLP 2.0 handling marking printed on every PDF page
    paper: str = "A4"                  #: PDF paper size: A4 or letter
    jobs: int = field(default_factory=lambda: len(os.sched_getaffinity(0)))  #: worker processes
    scheduler: str = ""                #: a Dask scheduler address (tcp://HOST:PORT) to run on a cluster
    max_bytes: int = DEFAULT_MAX_BYTES #: larger article files are refused
    strict: bool = False               #: warnings fail the build
    force: bool = False                #: redo every stage even when nothing changed
    task_timeout: int = 300            #: seconds one article's extraction or one PDF may take
    pdf: bool = True                   #: render PDF briefs and digests (off: pages and site only)

    def __post_init__(self) -> None:
        self.root = Path(self.root).resolve()
        defaults = {"seeds": "seeds", "briefings": "briefings", "templates": "templates",
                    "docs": "build/docs", "site": "site", "mkdocs_yml": "mkdocs.yml"}
        for name, rel in defaults.items():
            value = getattr(self, name)
            setattr(self, name, (self.root / rel if value is None else Path(value)).resolve())
        if self.marking not in MARKINGS:
            raise ValueError(f"marking {self.marking!r} is not one of {', '.join(MARKINGS)}")
        if self.paper not in ("A4", "letter"):
            raise ValueError(f"paper {self.paper!r} is not A4 or letter")
        self.jobs = max(1, int(self.jobs))
