#!/usr/bin/env bash
# deps.sh — installs the Debian packages that building and testing need,
# only those missing. SPDX-License-Identifier: MIT
set -euo pipefail
pkgs=(build-essential cmake pkg-config
      libhpdf-dev libxml2-dev libfreetype-dev libharfbuzz-dev libpng-dev
      libturbojpeg0-dev liblcms2-dev libdeflate-dev
      poppler-utils qpdf libxml2-utils)
# the tests also set text in the fixed-width BIZ UDGothic, run valgrind and
# build the libFuzzer targets with clang
[ "${1:-}" = "--test" ] && pkgs+=(valgrind fonts-morisawa-bizud-gothic clang libclang-rt-dev)
# the PDF/X-4 test embeds Ghostscript's default_cmyk.icc as its output profile
[ "${1:-}" = "--test" ] && pkgs+=(ghostscript)
# and checks colours and ink limits against lcms2's own transicc
[ "${1:-}" = "--test" ] && pkgs+=(liblcms2-utils)
# node and npm: the machine's, or Debian's where there are none (a nodejs
# package that bundles npm conflicts with Debian's npm)
[ "${1:-}" = "--test" ] && ! command -v npm >/dev/null && pkgs+=(nodejs npm)
# the benchmark measures peak memory with GNU time
[ "${1:-}" = "--bench" ] && pkgs+=(time)
# the tagged-PDF and evenness tests read PDFs with pdf.js (npm pdfjs-dist,
# pinned: 5.6 is the last release for Node.js 20) in a folder of its own;
# tests/pdfjs_open.mjs looks there (or in $ASHI_NPM_DIR)
npm_dir=${ASHI_NPM_DIR:-$HOME/.cache/ashireport-npm}
npm_pkgs=()
[ "${1:-}" = "--test" ] && npm_pkgs+=(pdfjs-dist@5.6.205)
install_npm() {
  for p in "${npm_pkgs[@]}"; do
    want=${p##*@} name=${p%@*}
    have=$(node -p "require('$npm_dir/node_modules/$name/package.json').version" 2>/dev/null || true)
    [ "$have" = "$want" ] && continue
    echo "installing (npm): $p into $npm_dir" >&2
    mkdir -p "$npm_dir"
    npm install --prefix "$npm_dir" --no-audit --no-fund --omit=optional --loglevel=error "$p" >/dev/null
  done
}
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" \
    || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then install_npm; exit 0; fi
echo "installing: ${missing[*]}" >&2
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
  "${missing[@]}" >/dev/null
install_npm
