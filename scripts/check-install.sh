#!/usr/bin/env bash
# `pip install .` into a fresh virtual environment, then build the seed project with the
# installed command: what a user does first. The resolver picks within pyproject.toml's
# bounds, so this catches a dependency release that would break the tool.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
python="${PYTHON:-python3}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
"$python" -m venv "$tmp/venv"
"$tmp/venv/bin/pip" install --quiet --disable-pip-version-check "$repo"
mkdir "$tmp/project"
cp -r "$repo/seeds" "$repo/templates" "$repo/mkdocs.yml" "$tmp/project/"
(cd "$tmp/project" && "$tmp/venv/bin/briefings" build --strict --jobs 1)
test -f "$tmp/project/site/index.html"
test -f "$tmp/project/site/pdf/seed-russia-iran-assad.pdf"
echo "pip install . in a fresh environment builds the seed site"
