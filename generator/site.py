"""Build the MkDocs (Material) site from the generated pages, from inside MkDocs."""
from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path

from .errors import RenderError

log = logging.getLogger(__name__)


def build_site(mkdocs_yml: Path, docs: Path, site: Path, strict: bool = True, dirty: bool = False) -> None:
    """Build into a folder beside `site`, then swap it in, so that a build killed at any
    moment leaves the previous site whole.

    With `dirty`, the folder starts as a copy of the previous site and MkDocs renders only
    the pages whose Markdown is newer than their HTML; the caller asks for it only when
    the configuration, theme and assets are unchanged and removes pages that went away."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    building = site.with_name(f".{site.name}.building")
    old = site.with_name(f".{site.name}.old")
    recover(site)
    shutil.rmtree(building, ignore_errors=True)
    if dirty and site.is_dir():
        shutil.copytree(site, building, copy_function=shutil.copy2)   # keeps mtimes for MkDocs
    build_log = logging.getLogger("mkdocs.commands.build")
    build_log.addFilter(_expected_dirty_warning)
    try:
        cfg = load_config(config_file=str(mkdocs_yml), docs_dir=str(docs), site_dir=str(building),
                          strict=strict)
        build(cfg, dirty=dirty and building.is_dir())
        shutil.rmtree(old, ignore_errors=True)
        if site.exists():
            os.rename(site, old)
        os.rename(building, site)
        shutil.rmtree(old, ignore_errors=True)
    except MkDocsException as exc:
        raise RenderError(f"{mkdocs_yml.name}: the MkDocs build failed ({exc}); "
                          f"see the warnings above") from exc
    except FileNotFoundError as exc:
        raise RenderError(f"{mkdocs_yml}: not found; run from the project folder or pass --mkdocs-yml") from exc
    finally:
        build_log.removeFilter(_expected_dirty_warning)


def site_settings(mkdocs_yml: Path) -> tuple[str, str]:
    """The site's name and address (site_url, "" when not set) from mkdocs.yml, for feeds
    and data links. MkDocs' own YAML tags (!ENV, !!python/name) are read as plain values."""
    import yaml

    class Loader(yaml.SafeLoader):
        pass
    Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    try:
        data = yaml.load(mkdocs_yml.read_text(encoding="utf-8"), Loader=Loader) or {}
    except (OSError, yaml.YAMLError):
        return "Briefings", ""
    if not isinstance(data, dict):
        return "Briefings", ""
    return str(data.get("site_name") or "Briefings"), str(data.get("site_url") or "")


def _expected_dirty_warning(record: logging.LogRecord) -> bool:
    """MkDocs warns that dirty builds may leave stale navigation; ours are only run when
    the navigation cannot have changed, so this one warning must not fail --strict."""
    return "'dirty' build is being performed" not in record.getMessage()


def recover(site: Path) -> None:
    """Put back the previous site if a build was killed between the two renames of its swap."""
    old = site.with_name(f".{site.name}.old")
    if not site.exists() and old.exists():
        os.rename(old, site)


def serve_site(mkdocs_yml: Path, docs: Path, watch: list[Path], address: str) -> None:
    """MkDocs' live-reloading server; our hook re-renders pages before each rebuild."""
    import os
    from mkdocs.commands.serve import serve

    os.environ["BRIEFINGS_ROOT"] = str(mkdocs_yml.parent)
    hook = Path(__file__).with_name("mkdocs_hooks.py")
    serve(config_file=str(mkdocs_yml), docs_dir=str(docs), hooks=[str(hook)],
          watch=[str(p) for p in watch if p.exists()], dev_addr=address, livereload=True)
