#!/usr/bin/env bash
# run.sh BUILD SRC WORK — installs the build into a temporary prefix, then
# builds consumer.c against the installed copy through pkg-config (shared and
# static) and through find_package, runs each, and checks that the library
# found the fonts installed under that prefix.
# SPDX-License-Identifier: MIT
set -euo pipefail
build=$1 src=$2 work=$3
rm -rf "$work"
mkdir -p "$work"
prefix="$work/prefix"
fail() { echo "FAIL: $*" >&2; exit 1; }

cmake --install "$build" --prefix "$prefix" >"$work/install.log" || fail "install failed"
libdir=$(dirname "$(find "$prefix" -name 'libashireport.so' | head -1)")
for f in include/ashireport.h include/ashireport_export.h include/ashireport_version.h \
         share/ashireport/fonts/BIZUDPGothic-Regular.ttf share/ashireport/fonts/BIZUDPGothic-Bold.ttf \
         share/ashireport/fonts/BIZUDPMincho-Regular.ttf share/ashireport/fonts/OFL.txt \
         share/ashireport/fonts/DroidSansFallbackFull.ttf share/ashireport/fonts/LICENSE-Apache-2.0.txt \
         share/ashireport/ashireport.rng bin/ashireport; do
  [ -e "$prefix/$f" ] || fail "not installed: $f"
done
[ -e "$libdir/libashireport.a" ] || fail "static library not installed"
for f in share/man/man1/ashireport.1 share/man/man3/libashireport.3 share/doc/ashireport/LICENSE \
         share/doc/ashireport/CHANGELOG.md share/doc/ashireport/api.en.md \
         share/doc/ashireport/api.ja.md share/doc/ashireport/reference.en.md; do
  [ -s "$prefix/$f" ] || fail "not installed: $f"
done
# the manual pages format without a warning
if command -v groff >/dev/null; then
  for m in share/man/man1/ashireport.1 share/man/man3/libashireport.3; do
    w=$(groff -man -ww -z "$prefix/$m" 2>&1) && [ -z "$w" ] || fail "$m: $w"
  done
  # the Japanese one too, its lines broken (groff 1.22 does not break Japanese by itself)
  m=share/man/ja/man1/ashireport.1
  [ -s "$prefix/$m" ] || fail "not installed: $m"
  w=$(groff -Kutf8 -Tutf8 -man -ww -z "$prefix/$m" 2>&1) && [ -z "$w" ] || fail "$m: $w"
  groff -Kutf8 -Tutf8 -man "$prefix/$m" 2>/dev/null | grep -q "終了コード" || fail "$m: no 終了コード section"
fi
[ -e "$libdir/pkgconfig/ashireport.pc" ] || fail "ashireport.pc not installed"
[ -e "$libdir/cmake/ashireport/ashireportConfig.cmake" ] || fail "CMake package not installed"
soname=$(objdump -p "$libdir/libashireport.so" | awk '/SONAME/ {print $2}')
# 0.MINOR before 1.0 (lib/CMakeLists.txt), from the installed header's version
minor=$(sed -n 's/^#define ASHI_VERSION_MINOR \([0-9]*\)$/\1/p' "$prefix/include/ashireport_version.h")
major=$(sed -n 's/^#define ASHI_VERSION_MAJOR \([0-9]*\)$/\1/p' "$prefix/include/ashireport_version.h")
want="libashireport.so.$major"
[ "$major" = 0 ] && want="libashireport.so.0.$minor"
[ -n "$minor" ] && [ "$soname" = "$want" ] || fail "SONAME is '$soname', not '$want'"

check_run() { # program label
  "$1" >"$work/$2.out" 2>"$work/$2.err" || fail "$2 failed: $(cat "$work/$2.err")"
  grep -q "^font $prefix/share/ashireport/fonts/BIZUDPGothic-Regular.ttf$" "$work/$2.out" \
    || fail "$2 did not use the installed fonts: $(cat "$work/$2.out")"
  grep -q "^pdf [0-9]* %PDF-1.5$" "$work/$2.out" || fail "$2 made no PDF"
  echo "ok: $2"
}

export PKG_CONFIG_PATH="$libdir/pkgconfig"
mkdir -p "$prefix/bin"
# pkg-config, shared library
cc -o "$work/consumer-pc" "$src/consumer.c" $(pkg-config --cflags --libs ashireport) \
   -Wl,-rpath,"$libdir" || fail "pkg-config build failed"
check_run "$work/consumer-pc" pkg-config
# pkg-config, static library, program installed beside the fonts' prefix
cc -o "$prefix/bin/consumer-static" "$src/consumer.c" -DASHIREPORT_STATIC_DEFINE \
   $(pkg-config --cflags ashireport) "$libdir/libashireport.a" \
   $(pkg-config --static --libs ashireport | sed 's/-lashireport//') \
   || fail "static build failed"
check_run "$prefix/bin/consumer-static" pkg-config-static
# find_package
cmake -S "$src" -B "$work/cmake-build" -DCMAKE_PREFIX_PATH="$prefix" >"$work/cmake.log" \
  || fail "find_package configure failed: $(cat "$work/cmake.log")"
cmake --build "$work/cmake-build" >>"$work/cmake.log" || fail "find_package build failed"
check_run "$work/cmake-build/consumer" find_package
# a static program finds the fonts from where it is: installed in the prefix
cp "$work/cmake-build/consumer_static" "$prefix/bin/consumer-cmake-static"
check_run "$prefix/bin/consumer-cmake-static" find_package-static
# --cflags gives this library's include folder alone: its header needs no
# dependency's headers
cflags=$(pkg-config --cflags ashireport | sed 's/ *$//')
case "$cflags" in
  -I*/include) [ "$(cd "${cflags#-I}" && pwd -P)" = "$(cd "$prefix/include" && pwd -P)" ] ||
                 fail "pkg-config --cflags gives '$cflags'" ;;
  *) fail "pkg-config --cflags gives '$cflags', not the include folder alone" ;;
esac
# examples/monthly-report.c: a report from a CSV through the builder API alone
cc -Wall -Wextra -Werror -o "$work/monthly-report" "$src/../../examples/monthly-report.c" \
   $(pkg-config --cflags --libs ashireport) -Wl,-rpath,"$libdir" || fail "example build failed"
printf '月,相談件数,解決件数\n4月,1234,1100\n5月,987,950\n6月,1502,1320\n' >"$work/figures.csv"
# no XML text in it: no element written as a tag, no namespace
! grep -q '<deck\|<slide\|<table\|xmlns' "$src/../../examples/monthly-report.c" ||
  fail "the example writes XML text"
(cd "$work" && ./monthly-report figures.csv report.pdf "相談の件数") >"$work/example.out" 2>&1 ||
  fail "example failed: $(cat "$work/example.out")"
text=$(pdftotext "$work/report.pdf" - | tr -d '\n')
for want in 相談の件数 1,234 1,100 987 1,502 1,320 6月; do
  case "$text" in *"$want"*) ;; *) fail "the example's PDF lacks '$want'" ;; esac
done
echo "ok: example"
# the README's builder examples (en and ja) compile and make their PDF
for heading in '#### Building a deck in C' '#### XML を書かずに'; do
  { echo '#include <ashireport.h>'; echo 'int main(void) {'
    awk -v h="$heading" 'index($0, h) == 1 {f = 1} f && /^```c/ {g = 1; next} g && /^```/ {exit} g' \
      "$src/../../README.md"
    echo 'return st == ASHI_OK ? 0 : 1; }'; } >"$work/readme-builder.c"
  cc -Wall -Wextra -Werror -o "$work/readme-builder" "$work/readme-builder.c" \
     $(pkg-config --cflags --libs ashireport) -Wl,-rpath,"$libdir" || fail "README's builder example: build"
  (cd "$work" && rm -f report.pdf && ./readme-builder && pdftotext report.pdf - | grep -q 1,234) ||
    fail "README's builder example ($heading) made no report"
done
echo "ok: README's builder examples"
# the installed CLI renders the sample deck from anywhere
"$prefix/bin/ashireport" check "$src/../decks/minimal.xml" || fail "installed CLI"
echo "8 passed, 0 failed"
