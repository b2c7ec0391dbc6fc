#!/usr/bin/env bash
# Quick start 1: set everything up, build the demo workspace from the bundled (generated)
# demo exports, write the reports into output/, and open the GUI when a display is present.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/analyst-app demo --output output
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -z "${CI:-}" ]; then
  exec .venv/bin/analyst-app gui output/demo.sqlite
else
  echo "No display: the GUI was not opened. Open it later with: .venv/bin/analyst-app gui output/demo.sqlite"
fi
