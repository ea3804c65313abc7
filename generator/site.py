"""Build the MkDocs (Material) site from the generated pages, from inside MkDocs."""
from __future__ import annotations

import logging
from pathlib import Path

from .errors import RenderError

log = logging.getLogger(__name__)


def build_site(mkdocs_yml: Path, docs: Path, site: Path, strict: bool = True) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    try:
        cfg = load_config(config_file=str(mkdocs_yml), docs_dir=str(docs), site_dir=str(site),
                          strict=strict)
        build(cfg)
    except MkDocsException as exc:
        raise RenderError(f"{mkdocs_yml.name}: the MkDocs build failed ({exc}); "
                          f"see the warnings above") from exc
    except FileNotFoundError as exc:
        raise RenderError(f"{mkdocs_yml}: not found; run from the project folder or pass --mkdocs-yml") from exc


def serve_site(mkdocs_yml: Path, docs: Path, watch: list[Path], address: str) -> None:
    """MkDocs' live-reloading server; our hook re-renders pages before each rebuild."""
    import os
    from mkdocs.commands.serve import serve

    os.environ["BRIEFINGS_ROOT"] = str(mkdocs_yml.parent)
    hook = Path(__file__).with_name("mkdocs_hooks.py")
    serve(config_file=str(mkdocs_yml), docs_dir=str(docs), hooks=[str(hook)],
          watch=[str(p) for p in watch if p.exists()], dev_addr=address, livereload=True)
