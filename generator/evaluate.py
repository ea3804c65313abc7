"""Extract gold-annotated articles through the real pipeline and score them.

usage: python -m generator.evaluate GOLD_DIR [GOLD_DIR ...] [--model NAME] [--keep DIR] [--jobs N]

Each GOLD_DIR holds NAME.txt + NAME.gold.yaml pairs (`make eval` passes
../shared/eval/dev; `make eval-geo` the local-news place gold, `make eval-quotes` the
quote attribution gold). The scorer is the score.py found in GOLD_DIR or a folder
above it. The articles are extracted into a temporary project, then scored.
"""
from __future__ import annotations

import argparse
import logging
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from .config import Config
from .pipeline import extract


def scorer_for(gold: Path) -> Path | None:
    for folder in [gold, *gold.resolve().parents]:
        if (folder / "score.py").is_file():
            return folder / "score.py"
    return None


def evaluate(gold: Path, model: str = "", keep: Path | None = None, jobs: int = 1) -> int:
    if (gold / "dev").is_dir() and not any(gold.glob("*.gold.yaml")):
        gold = gold / "dev"                      # the shared eval folder itself
    score = scorer_for(gold)
    if not any(gold.glob("*.gold.yaml")) or score is None:
        print(f"{gold}: no NAME.gold.yaml files or no score.py above them; pass a gold folder",
              file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "seeds").mkdir()
        for article in sorted(gold.glob("*.txt")):
            shutil.copy(article, root / "seeds" / article.name)
        report = extract(Config(root=root, model=model, jobs=jobs))
        if report.errors:
            return 1
        if keep:
            shutil.copytree(root / "briefings", keep, dirs_exist_ok=True)
        print(f"== {gold}", flush=True)
        return subprocess.call([sys.executable, str(score), str(gold), str(root / "briefings")])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator.evaluate", description=__doc__.split("\n\n")[0])
    parser.add_argument("gold", type=Path, nargs="+")
    parser.add_argument("--model", default="")
    parser.add_argument("--keep", type=Path, help="also copy the briefings here")
    parser.add_argument("--jobs", type=int, default=1)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    status = 0
    for gold in args.gold:
        keep = args.keep / gold.name if args.keep and len(args.gold) > 1 else args.keep
        status = max(status, evaluate(gold, args.model, keep, args.jobs))
    return status


if __name__ == "__main__":
    sys.exit(main())
