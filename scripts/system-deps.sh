#!/usr/bin/env bash
# Install the system libraries the tool needs when they are missing (Debian/Ubuntu):
# Pango for WeasyPrint, fonts to embed, poppler-utils for PDF tests.
# Usage: scripts/system-deps.sh [--browser]   (--browser adds Chromium for browser tests)
set -euo pipefail
need=()
ldconfig -p 2>/dev/null | grep -q libpango-1.0 || need+=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0)
fc-list 2>/dev/null | grep -qi dejavu || need+=(fonts-dejavu-core)
command -v pdftotext >/dev/null || need+=(poppler-utils)
if [[ "${1:-}" == "--browser" ]]; then
  command -v chromium >/dev/null || need+=(chromium)
fi
((${#need[@]})) || exit 0
echo "Installing system packages: ${need[*]}"
SUDO=""; [[ $(id -u) -eq 0 ]] || SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
