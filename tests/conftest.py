"""Shared fixtures: temporary projects built from a dict, and the real CLI."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("BRIEFINGS_SHARED", REPO.parent / "shared"))
DEV = SHARED / "eval" / "dev"
SEED = REPO / "seeds" / "seed-russia-iran-assad.txt"

needs_shared = pytest.mark.skipif(
    not DEV.is_dir(), reason=f"needs the shared evaluation data at {SHARED} (absent in a plain clone)")


def make_project(root: Path, files: dict[str, str | bytes] | None = None, *, seed: bool = False) -> Path:
    """A project folder with the repo's templates and mkdocs.yml, plus `files` (path → content)."""
    shutil.copytree(REPO / "templates", root / "templates")
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    (root / "seeds").mkdir(exist_ok=True)
    if seed:
        shutil.copy(SEED, root / "seeds" / SEED.name)
    for rel, content in (files or {}).items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content) if isinstance(content, bytes) else path.write_text(content, encoding="utf-8")
    return root


def run_cli(*args: str, cwd: Path, check: bool | None = None) -> subprocess.CompletedProcess:
    """`python -m generator ARGS` in `cwd`, as a user runs it."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=900)
    if check is True and proc.returncode != 0:
        raise AssertionError(f"exit {proc.returncode}\n{proc.stdout}\n{proc.stderr}")
    if check is False and proc.returncode == 0:
        raise AssertionError(f"expected failure\n{proc.stdout}\n{proc.stderr}")
    return proc


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Path:
    """A project with the seed and (when present) the seven dev articles, built once."""
    root = make_project(tmp_path_factory.mktemp("built"), seed=True)
    if DEV.is_dir():
        for article in DEV.glob("*.txt"):
            if article.name != SEED.name:
                shutil.copy(article, root / "seeds" / article.name)
    proc = run_cli("build", "--strict", cwd=root, check=True)
    root.joinpath("build.log").write_text(proc.stderr, encoding="utf-8")
    return root


@pytest.fixture(scope="session")
def extractor():
    from generator.extract import Extractor
    return Extractor()
