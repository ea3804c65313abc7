"""Incremental, parallel and distributed builds give the same output as a clean one."""
from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
import yaml

from conftest import DEV, REPO, SEED, make_project, run_cli
from test_build import pdf_text


def articles_for(root: Path, n: int = 7) -> Path:
    """The seed plus dev articles when present (else copies of the seed under other names)."""
    make_project(root, seed=True)
    extra = sorted(p for p in DEV.glob("*.txt") if p.name != SEED.name) if DEV.is_dir() else []
    for i, src in enumerate(extra[:n - 1]):
        shutil.copy(src, root / "seeds" / src.name)
    if not extra:
        for i in range(1, n):
            (root / "seeds" / f"copy-{i}.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    return root


def outputs(root: Path) -> dict[str, object]:
    """What a build produced, without the fields that record when it ran."""
    out = {}
    for path in sorted((root / "briefings").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        data["generated"].pop("at")
        data["generated"].pop("digest")
        out[path.name] = data
    for path in sorted((root / "build" / "docs" / "briefings").glob("*.md")):
        out[path.name] = "\n".join(line for line in path.read_text().splitlines() if "Generated " not in line)
    for path in sorted((root / "site").glob("*/*.pdf")):
        text, pages = pdf_text(path)
        out[path.name] = (pages, re.sub(r"\d{4}-\d\d-\d\d(T[\d:]+)?(\+00:00)?", "", text))
    return out


@pytest.fixture(scope="module")
def serial(tmp_path_factory) -> Path:
    root = articles_for(tmp_path_factory.mktemp("serial"))
    run_cli("build", "--jobs", "1", cwd=root, check=True)
    return root


def test_output_is_identical_whatever_the_number_of_jobs(serial, tmp_path):
    root = articles_for(tmp_path)
    proc = run_cli("build", "--jobs", "2", cwd=root, check=True)
    assert "7 extracted" in proc.stderr
    assert outputs(root) == outputs(serial)


def test_incremental_rebuilds_only_what_changed(serial, tmp_path):
    root = tmp_path / "p"
    shutil.copytree(serial, root)
    # Paths in the state are absolute: a copied project starts from a clean state.
    shutil.rmtree(root / "build")
    run_cli("build", cwd=root, check=True)
    assert "nothing changed" in run_cli("build", cwd=root, check=True).stderr

    # One article changed: only it is extracted, its PDF and its month's digest redone.
    article = root / "seeds" / SEED.name
    article.write_text(article.read_text(encoding="utf-8") + "\nGunmen attacked a checkpoint near Homs.\n",
                       encoding="utf-8")
    proc = run_cli("build", cwd=root, check=True)
    assert " 1 extracted" in proc.stderr and " 2 PDFs" in proc.stderr
    assert "Homs" in (root / "briefings" / f"{SEED.stem}.yaml").read_text(encoding="utf-8")

    # A template changed: pages and PDFs are redone, nothing is extracted.
    css = root / "templates" / "brief.css"
    css.write_text(css.read_text() + "\n/* darker */\n")
    proc = run_cli("build", cwd=root, check=True)
    months = len(list((root / "build" / "docs" / "digest").glob("*.pdf")))
    assert " 0 extracted" in proc.stderr and f" {7 + months} PDFs" in proc.stderr   # 7 briefs, a digest a month

    # The same as a clean build of the same inputs.
    clean = tmp_path / "clean"
    shutil.copytree(root, clean)
    for generated in ("briefings", "build", "site"):
        shutil.rmtree(clean / generated)
    run_cli("build", cwd=clean, check=True)
    assert outputs(root) == outputs(clean)

    # An article removed: its page and PDF leave the site.
    article.unlink()
    proc = run_cli("build", cwd=root)
    assert not (root / "site" / "briefings" / f"{SEED.stem}.html").exists()
    assert not (root / "site" / "pdf" / f"{SEED.stem}.pdf").exists()
    assert f"href=\"briefings/{SEED.stem}.html\"" not in (root / "site" / "index.html").read_text()
    assert "is gone; not published" in proc.stderr


def test_a_dask_cluster_builds_the_same_briefings_and_pdfs(serial, tmp_path):
    distributed = pytest.importorskip("dask.distributed", reason="Dask is an optional extra")
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  host="127.0.0.1", dashboard_address=None) as cluster:
        root = articles_for(tmp_path)
        proc = run_cli("build", "--scheduler", cluster.scheduler_address, cwd=root, check=True)
        months = len(list((root / "build" / "docs" / "digest").glob("*.pdf")))
        assert "7 extracted" in proc.stderr and f"{7 + months} PDFs" in proc.stderr
    assert outputs(root) == outputs(serial)
