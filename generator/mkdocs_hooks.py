"""MkDocs hook for `python -m generator serve`: re-render pages before each rebuild.

The serve command registers this hook itself, so an edit to a briefing or a
template shows in the browser; `mkdocs build` inside the pipeline never runs it.
"""
from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

log = logging.getLogger("mkdocs.hooks.briefings")


def on_pre_build(config, **kwargs) -> None:
    root = Path(os.environ.get("BRIEFINGS_ROOT") or Path(config.config_file_path).parent).resolve()
    if str(root) not in sys.path:
        sys.path.insert(0, str(root))   # MkDocs loads hooks as bare files
    from generator.config import Config
    from generator.pipeline import render

    report = render(Config(root=root, docs=Path(config.docs_dir), jobs=1))
    log.info(report.summary())
