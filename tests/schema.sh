#!/usr/bin/env bash
# schema.sh SRC — the sample booklet and the test decks (decks/, golden/,
# hazard/, evenness/) validate against data/ashireport.rng, and a deck with
# an unknown element does not.
# SPDX-License-Identifier: MIT
set -euo pipefail
src=$1
rng="$src/data/ashireport.rng"
n=0
for deck in "$src/data/asahikawa.xml" "$src"/tests/decks/*.xml "$src"/tests/golden/*.xml \
            "$src"/tests/hazard/*.xml "$src"/tests/evenness/*.xml; do
  xmllint --noout --relaxng "$rng" "$deck" 2>&1 | grep -q " validates$" \
    || { echo "FAIL: $deck does not validate"; xmllint --noout --relaxng "$rng" "$deck"; exit 1; }
  n=$((n+1))
done
if xmllint --noout --relaxng "$rng" "$src/tests/errors/unknown-element.xml" >/dev/null 2>&1; then
  echo "FAIL: the schema accepts an unknown element"; exit 1
fi
echo "$n passed, 0 failed"
