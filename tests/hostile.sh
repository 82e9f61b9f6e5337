#!/usr/bin/env bash
# hostile.sh CLI TESTS WORK — what an attacker or a careless program does
# with files: a deck or a file it names that is a FIFO, a folder or a
# device (never a hang), links out of the deck's folder, and every way -o
# could lose the deck or replace what is not a regular file.
# SPDX-License-Identifier: MIT
set -uo pipefail
cli=$1 tests=$2 work=$3
rm -rf "$work" && mkdir -p "$work" && cd "$work" || exit 1
failed=0 passed=0
fail() { echo "FAIL: $*"; failed=$((failed + 1)); }
ok() { passed=$((passed + 1)); }
# run EXPECTED-STATUS CMD...: stdout in out, stderr in err; never more
# than 20 s (a hang is a failure, not a stuck test)
run() {
  local want=$1; shift
  timeout 20 "$@" >out 2>err
  local rc=$?
  [ "$rc" -eq "$want" ] || { fail "'$*' exited $rc, want $want: $(head -3 err)"; return 1; }
  return 0
}
# same_err TEXT: stderr is exactly TEXT
same_err() {
  [ "$(cat err)" = "$1" ] && ok || fail "stderr: $(cat err)
  want:   $1"
}

cp "$tests/decks/minimal.xml" deck.xml
cp deck.xml deck.orig
cp "$tests/decks/images/rgb8.png" photo.png
printf 'a,b\n1,2\n' >data.csv

# ---- decks that are not regular files: refused at once -----------------
mkfifo fifo.xml
run 1 "$cli" check fifo.xml && same_err "fifo.xml: error: cannot read the deck: it is not a regular file"
mkdir folder.xml
run 1 "$cli" render folder.xml -o x.pdf && same_err "folder.xml: error: cannot read the deck: it is a folder, not a file"
run 1 "$cli" check /dev/zero && same_err "/dev/zero: error: cannot read the deck: it is not a regular file"

# ---- files the deck names: FIFOs, folders, devices, links out ----------
mkdir -p inside ../outside-$$
cp photo.png ../outside-$$/secret.png
mkfifo pipe.png pipe.csv
mkdir dir.csv
ln -s /dev/zero zero.csv
ln -s /etc/passwd passwd.csv
ln -s ../outside-$$/secret.png escape.png
ln -s "$(cd .. && pwd)/outside-$$/secret.png" escape-abs.png
ln -s ../photo.png inside/up.png
{ echo '<deck xmlns="urn:ashireport:deck:1">'
  for b in '<image src="pipe.png"/>' '<table src="pipe.csv"/>' '<table src="dir.csv"/>' \
           '<table src="zero.csv"/>' '<table src="passwd.csv"/>' '<image src="escape.png"/>' \
           '<image src="escape-abs.png"/>' "<image src=\"../outside-$$/secret.png\"/>"; do
    echo "  <slide title=\"ファイル\">$b</slide>"
  done
  echo '</deck>'; } >names.xml
run 1 "$cli" render names.xml -o names.pdf && same_err "names.xml:2:30: error: image 'pipe.png' is a FIFO (named pipe), not a regular file
names.xml:3:30: error: CSV 'pipe.csv' is a FIFO (named pipe), not a regular file
names.xml:4:30: error: CSV 'dir.csv' is a folder, not a file
names.xml:5:30: error: CSV 'zero.csv' leads out of the deck's folder through a symbolic link
names.xml:6:30: error: CSV 'passwd.csv' leads out of the deck's folder through a symbolic link
names.xml:7:30: error: image 'escape.png' leads out of the deck's folder through a symbolic link
names.xml:8:30: error: image 'escape-abs.png' leads out of the deck's folder through a symbolic link
names.xml:9:30: error: image '../outside-$$/secret.png' must be a relative path inside the deck's folder"
[ ! -e names.pdf ] && ok || fail "a PDF was written for names.xml"
rm -rf ../outside-$$
# links that stay inside are followed; one file named many ways is one image
cat >inside.xml <<'XML'
<deck xmlns="urn:ashireport:deck:1">
  <slide title="中のリンク" layout="blank">
    <image alt="写真" src="photo.png" x="10mm" y="10mm" w="20mm"/>
    <image src="./photo.png" x="40mm" y="10mm" w="20mm"/>
    <image src="inside/up.png" x="70mm" y="10mm" w="20mm"/>
    <image src="inside/../photo.png" x="100mm" y="10mm" w="20mm"/>
    <table src="./data.csv" x="10mm" y="60mm"/>
  </slide>
</deck>
XML
if run 0 "$cli" render inside.xml -o inside.pdf; then
  [ "$(pdfimages -list inside.pdf | tail -n +3 | awk '{print $11}' | sort -u | wc -l)" = 1 ] \
    && ok || fail "one file named four ways is not one image: $(pdfimages -list inside.pdf)"
fi

# ---- theme fonts follow the same rule ------------------------------------
mkdir fonts-deck && cd fonts-deck || exit 1
fontdir=$(cd "$tests/../fonts" && pwd)
ln -s "$fontdir/BIZUDPGothic-Regular.ttf" linked-out.ttf
mkfifo pipe.ttf
cp "$fontdir/BIZUDPGothic-Regular.ttf" own.ttf
cat >fonts.xml <<XML
<deck xmlns="urn:ashireport:deck:1">
  <theme>
    <font name="a" regular="linked-out.ttf"/>
    <font name="b" regular="pipe.ttf"/>
    <font name="c" regular="$fontdir/BIZUDPGothic-Regular.ttf"/>
    <font name="d" regular="../outside.ttf"/>
  </theme>
  <slide title="書体"><p>本文</p></slide>
</deck>
XML
run 1 "$cli" check fonts.xml && same_err "fonts.xml:3:5: error: font file 'linked-out.ttf' leads out of the deck's folder through a symbolic link
fonts.xml:4:5: error: font file 'pipe.ttf' is a FIFO (named pipe), not a regular file
fonts.xml:5:5: error: font file '$fontdir/BIZUDPGothic-Regular.ttf' must be a relative path inside the deck's folder (or a file name found in a font folder)
fonts.xml:6:5: error: font file '../outside.ttf' must be a relative path inside the deck's folder (or a file name found in a font folder)"
# a font in the deck's folder is used, and never written over
printf '<deck xmlns="urn:ashireport:deck:1"><theme><font name="o" regular="own.ttf"/></theme><slide title="t"><p>本文</p></slide></deck>' >own.xml
run 0 "$cli" render own.xml -o own.pdf && pdffonts own.pdf | grep -q BIZUDPGothic && ok || fail "own font"
run 1 "$cli" render own.xml -o own.ttf &&
  same_err "own.xml: error: cannot write 'own.ttf': it is the deck itself or a file the deck reads; choose another output name"
cd .. || exit 1

# ---- -o: never the deck or a file it reads ------------------------------
for out in deck.xml ./deck.xml "$work/deck.xml" photo.png data.csv; do
  sed 's|</slide>|<image alt="写真" src="photo.png" h="10mm"/><table src="data.csv"/></slide>|' deck.orig >deck.xml
  cp deck.xml deck.before
  run 1 "$cli" render deck.xml -o "$out" &&
    same_err "deck.xml: error: cannot write '$out': it is the deck itself or a file the deck reads; choose another output name"
  cmp -s deck.xml deck.before && cmp -s photo.png "$tests/decks/images/rgb8.png" && ok ||
    fail "-o $out changed an input"
done
cp deck.orig deck.xml
ln -s deck.xml deck-link.pdf
ln deck.xml deck-hard.pdf
for out in deck-link.pdf deck-hard.pdf; do
  run 1 "$cli" render deck.xml -o "$out" &&
    same_err "deck.xml: error: cannot write '$out': it is the deck itself or a file the deck reads; choose another output name"
done
cmp -s deck.xml deck.orig && [ -L deck-link.pdf ] && ok || fail "the deck was lost"
# the default output of a deck named .pdf would be the deck
cp deck.orig same.pdf
run 1 "$cli" render same.pdf && cmp -s same.pdf deck.orig && ok || fail "default output over a .pdf deck"

# ---- -o: special files are written into, never replaced -----------------
mkfifo out.fifo
cat out.fifo >from-fifo.pdf &
reader=$!
run 0 "$cli" render deck.xml -o out.fifo
wait $reader
[ -p out.fifo ] && head -c 5 from-fifo.pdf | grep -q '%PDF-' && ok || fail "FIFO replaced or not written"
run 0 "$cli" render deck.xml -o /dev/null && [ -c /dev/null ] && ok || fail "/dev/null replaced"
ln -s /dev/stdout to-stdout.pdf
if run 0 "$cli" render deck.xml -o to-stdout.pdf; then
  [ -L to-stdout.pdf ] && qpdf --check out >/dev/null 2>&1 && ok ||
    fail "-o link to stdout: link replaced or not a PDF on stdout"
  grep -q "^wrote to-stdout.pdf (1 page)$" err && ok || fail "message not on stderr: $(cat err)"
fi
run 1 "$cli" render deck.xml -o folder.xml && same_err "deck.xml: error: cannot write 'folder.xml': it is a folder"

# ---- -o: a link to a file elsewhere replaces that file, keeps its mode --
mkdir elsewhere
echo old >elsewhere/target.pdf
chmod 600 elsewhere/target.pdf
ln -s elsewhere/target.pdf link.pdf
run 0 "$cli" render deck.xml -o link.pdf
[ -L link.pdf ] && head -c 5 elsewhere/target.pdf | grep -q '%PDF-' &&
  [ "$(stat -c %a elsewhere/target.pdf)" = 600 ] && ok ||
  fail "link.pdf: $(ls -l link.pdf elsewhere/target.pdf)"
# a link to a file not there yet creates it
ln -s created.pdf dangling.pdf
run 0 "$cli" render deck.xml -o dangling.pdf && [ -L dangling.pdf ] && [ -s created.pdf ] && ok ||
  fail "dangling link"

# ---- -o: long names and the umask ---------------------------------------
long=$(printf 'n%.0s' $(seq 1 247)).pdf # 251 bytes, the file system allows 255
run 0 "$cli" render deck.xml -o "$long" && [ -s "$long" ] && ok || fail "251-byte name"
(umask 027 && timeout 20 "$cli" render deck.xml -o m027.pdf >/dev/null 2>&1)
(umask 000 && timeout 20 "$cli" render deck.xml -o m000.pdf >/dev/null 2>&1)
[ "$(stat -c %a m027.pdf)" = 640 ] && [ "$(stat -c %a m000.pdf)" = 666 ] && ok ||
  fail "modes $(stat -c %a m027.pdf) $(stat -c %a m000.pdf), want 640 666"
run 1 "$cli" render deck.xml -o no-such-folder/x.pdf &&
  same_err "deck.xml: error: cannot write 'no-such-folder/x.pdf': No such file or directory"

# nothing left behind
left=$(find . -name '.ashi-*' -o -name '*.tmp-*')
[ -z "$left" ] && ok || fail "temporary files left: $left"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
