#!/usr/bin/env bash
# deps.sh — installs the Debian packages that building and testing need,
# only those missing. SPDX-License-Identifier: MIT
set -euo pipefail
pkgs=(build-essential cmake pkg-config
      libhpdf-dev libxml2-dev libfreetype-dev libharfbuzz-dev libpng-dev
      libturbojpeg0-dev liblcms2-dev
      poppler-utils qpdf libxml2-utils)
# the tests also set text in the fixed-width BIZ UDGothic, run valgrind and
# build the libFuzzer targets with clang
[ "${1:-}" = "--test" ] && pkgs+=(valgrind fonts-morisawa-bizud-gothic clang libclang-rt-dev)
# the benchmark measures peak memory with GNU time
[ "${1:-}" = "--bench" ] && pkgs+=(time)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" \
    || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "installing: ${missing[*]}" >&2
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
  "${missing[@]}" >/dev/null
