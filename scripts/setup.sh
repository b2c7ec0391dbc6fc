#!/usr/bin/env bash
# One idempotent set-up for a fresh Debian machine (root, no display) and for CI:
# system packages (CJK fonts, the X/xcb libraries Qt needs, LibreOffice and poppler for
# report checks), then the virtual environment in .venv. A second run takes seconds:
# apt is skipped when every package is present, pip when pyproject.toml is unchanged.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  python3 python3-venv                # a stock Debian 12 has no ensurepip without python3-venv
  fonts-noto-cjk                      # Chinese glyphs for Qt, matplotlib and LibreOffice
  libreoffice-writer-nogui poppler-utils   # render .docx reports to PDF/PNG in tests
  libegl1 libgl1 libfontconfig1 libdbus-1-3 libxkbcommon0 libxkbcommon-x11-0
  libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
  libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libxcb-xfixes0
  libnss3 libxcomposite1 libxdamage1 libxrandr2 libxtst6 libxkbfile1 libasound2
  libxshmfence1 libgbm1 libxi6 libxrender1 libglib2.0-0
  xvfb xauth                          # a virtual display for screenshots and `gui` without one
)

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if ((${#missing[@]})); then
  if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
  echo "setup: installing system packages: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Show the templates' 宋体/黑体 as Noto Serif/Sans CJK SC, as Word shows SimSun/SimHei.
fontconf=/etc/fonts/conf.d/64-analyst-cjk.conf
if [ -d /etc/fonts/conf.d ] && ! cmp -s data/fonts/64-analyst-cjk.conf "$fontconf"; then
  if [ "$(id -u)" -eq 0 ]; then cp data/fonts/64-analyst-cjk.conf "$fontconf"; else sudo cp data/fonts/64-analyst-cjk.conf "$fontconf"; fi
fi

PYTHON=${PYTHON:-python3.11}
command -v "$PYTHON" >/dev/null || PYTHON=python3
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
stamp=.venv/.setup-stamp
want=$(sha256sum pyproject.toml | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  .venv/bin/python -m pip install -q --upgrade pip
  # PySide6 6.12.0 (excluded in pyproject.toml) ships QtWebEngine and QtPdf as packages of
  # their own; left beside an older PySide6 they would shadow its files, so remove it whole.
  # (pip's output is read first: with pipefail, "grep -q" closing the pipe early fails it)
  pyside=$(.venv/bin/python -m pip show PySide6 2>/dev/null || true)
  if grep -qx 'Version: 6.12.0' <<<"$pyside"; then
    .venv/bin/python -m pip uninstall -q -y PySide6 PySide6_Addons PySide6_Essentials \
      PySide6_WebEngine PySide6_Pdf shiboken6
  fi
  .venv/bin/python -m pip install -q -e ".[dev]"
  echo "$want" > "$stamp"
fi
echo "setup: ready (.venv)"
