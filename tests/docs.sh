#!/usr/bin/env bash
# docs.sh CLI SCHEMA WORK DOC... — the vocabulary reference covers the schema
# and its examples work: every element and attribute the schema names is
# mentioned in each DOC (as `name` or <name), and every ```xml block in each
# DOC is a whole deck that `ashireport check` passes silently from an empty
# folder and that the schema (SCHEMA) accepts. SPDX-License-Identifier: MIT
set -uo pipefail
cli=$(cd "$(dirname "$1")" && pwd)/$(basename "$1") schema=$2 work=$3
shift 3
rm -rf "$work" && mkdir -p "$work"
fail=0
elements=$(grep -o '<element name="[^"]*"' "$schema" | sed 's/.*name="//; s/"$//' | sort -u)
attributes=$(grep -o '<attribute name="[^"]*"' "$schema" | sed 's/.*name="//; s/"$//' | sort -u)
for doc in "$@"; do
  [ -s "$doc" ] || { echo "$doc: missing or empty"; fail=1; continue; }
  for e in $elements; do
    grep -qF -e "\`$e\`" -e "<$e" "$doc" || { echo "$doc: element $e is not documented"; fail=1; }
  done
  for a in $attributes; do
    grep -qF -e "\`$a\`" -e " $a=" "$doc" || { echo "$doc: attribute $a is not documented"; fail=1; }
  done
  base=$(basename "$doc" .md)
  n=$(awk -v out="$work/$base" '
    /^```xml[[:space:]]*$/ { n++; f = sprintf("%s-%02d.xml", out, n); inside = 1; next }
    /^```/ && inside { inside = 0; close(f); next }
    inside { print > f }
    END { print n + 0 }' "$doc")
  [ "$n" -gt 0 ] || { echo "$doc: no xml examples"; fail=1; }
  for ex in "$work/$base"-*.xml; do
    [ -e "$ex" ] || continue
    out=$(cd "$work" && "$cli" check "$(basename "$ex")" 2>&1)
    rc=$?
    if [ $rc -ne 0 ] || [ -n "$out" ]; then
      echo "$doc: example $(basename "$ex") (exit $rc): $out"; fail=1
    fi
  done
  # and every example validates against the schema, with its value types
  if ! xmllint --noout --relaxng "$schema" "$work/$base"-*.xml 2>"$work/$base.schema"; then
    grep -v ' validates$' "$work/$base.schema"; echo "$doc: examples the schema refuses"; fail=1
  fi
  echo "$doc: $n examples checked"
done
exit $fail
