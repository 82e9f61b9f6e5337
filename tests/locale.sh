#!/usr/bin/env bash
# locale.sh TEST DIR — makes the de_DE.UTF-8 and fr_FR.UTF-8 locales in DIR
# with localedef (from the Debian package locales' definitions; no root, no
# change to the system) and runs TEST (test_locale) with LOCPATH=DIR.
# SPDX-License-Identifier: MIT
set -euo pipefail
test_bin=$1 dir=$2
mkdir -p "$dir"
for l in de_DE fr_FR; do
  if [ ! -d "$dir/$l.UTF-8" ]; then
    # localedef exits 1 for warnings about the definitions; the locale is made
    localedef -i "$l" -f UTF-8 "$dir/$l.UTF-8" 2>/dev/null || [ -d "$dir/$l.UTF-8" ] ||
      { echo "FAIL: localedef could not make $l.UTF-8 (is the package locales installed?)" >&2; exit 1; }
  fi
done
LOCPATH=$dir exec "$test_bin"
