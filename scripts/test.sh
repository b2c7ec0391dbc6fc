#!/usr/bin/env bash
# Quick start 2: set everything up and run the whole test suite (Qt offscreen, no display needed).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export QT_QPA_PLATFORM=offscreen QTWEBENGINE_DISABLE_SANDBOX=1
exec .venv/bin/python -m pytest -n 2 --dist loadfile "$@"
