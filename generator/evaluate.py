"""`make eval`: extract the gold-annotated dev articles and score them.

usage: python -m generator.evaluate EVAL_DIR [--model NAME] [--keep DIR]

EVAL_DIR holds dev/ (NAME.txt + NAME.gold.yaml) and score.py. The articles are
extracted through the real pipeline into a temporary project, then scored.
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator.evaluate", description=__doc__.split("\n\n")[0])
    parser.add_argument("eval_dir", type=Path)
    parser.add_argument("--model", default="")
    parser.add_argument("--keep", type=Path, help="also copy the briefings here")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    dev = args.eval_dir / "dev"
    if not (dev.is_dir() and (args.eval_dir / "score.py").is_file()):
        print(f"{args.eval_dir}: no dev/ articles or score.py; pass the shared eval folder", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "seeds").mkdir()
        for article in sorted(dev.glob("*.txt")):
            shutil.copy(article, root / "seeds" / article.name)
        report = extract(Config(root=root, model=args.model, jobs=1))
        if report.errors:
            return 1
        if args.keep:
            shutil.copytree(root / "briefings", args.keep, dirs_exist_ok=True)
        return subprocess.call([sys.executable, str(args.eval_dir / "score.py"), str(dev),
                                str(root / "briefings")])


if __name__ == "__main__":
    sys.exit(main())
