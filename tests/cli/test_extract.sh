#!/bin/sh
# CLI tests of alaqat extract: exit codes and messages for bad inputs; the
# rest of a batch is still processed. Needs ALAQAT (binary) and ALQ_SHARED.
set -u
: "${ALAQAT:?}" "${ALQ_SHARED:?}"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fails=0
check() { # description, condition (shell expression)
  if eval "$2"; then echo "ok - $1"; else echo "FAIL - $1"; fails=$((fails + 1)); fi
}
SEED="$ALQ_SHARED/seeds/000_7f7bdb69be750339.txt"

# usage errors
"$ALAQAT" >/dev/null 2>&1; check "no command exits 2" '[ $? -eq 2 ]'
"$ALAQAT" frobnicate >/dev/null 2>"$T/err"; rc=$?
check "unknown command exits 2" '[ $rc -eq 2 ] && grep -q frobnicate "$T/err"'
"$ALAQAT" extract --bogus x >/dev/null 2>&1; check "unknown option exits 2" '[ $? -eq 2 ]'
"$ALAQAT" extract >/dev/null 2>&1; check "extract without inputs exits 2" '[ $? -eq 2 ]'
"$ALAQAT" --version >"$T/out"; check "--version prints the version" 'grep -q "^alaqat [0-9]" "$T/out"'
"$ALAQAT" --help >"$T/out"; check "--help lists extract and eval" 'grep -q extract "$T/out" && grep -q eval "$T/out"'
"$ALAQAT" help extract >"$T/out"; check "help extract shows its options" 'grep -q -- "--mentions" "$T/out"'

# a good file alone: exit 0, claims on stdout, valid JSON lines
"$ALAQAT" extract "$SEED" >"$T/out" 2>"$T/err"; rc=$?
check "a seed extracts with exit 0" '[ $rc -eq 0 ] && [ -s "$T/out" ] && [ ! -s "$T/err" ]'
check "every line is a claim of the seed" '[ "$(grep -c "\"doc\":\"000_7f7bdb69be750339\"" "$T/out")" -eq "$(wc -l < "$T/out")" ]'

# a batch with a missing file, an empty file, a binary file, invalid UTF-8
: > "$T/empty.txt"
printf 'ELF\000\001\002binary' > "$T/binary.txt"
printf 'abc \377\376 def' > "$T/bad.txt"
cp "$SEED" "$T/good.txt"
"$ALAQAT" extract "$T/missing.txt" "$T/empty.txt" "$T/binary.txt" "$T/bad.txt" "$T/good.txt" >"$T/out" 2>"$T/err"; rc=$?
check "batch with bad inputs exits 1" '[ $rc -eq 1 ]'
check "missing file is named" 'grep -q "missing.txt: cannot open" "$T/err"'
check "empty file is named" 'grep -q "empty.txt: empty input" "$T/err"'
check "binary file is named with the byte offset of the NUL" 'grep -q "binary.txt: byte 3: binary data" "$T/err"'
check "invalid UTF-8 is named with its byte offset" 'grep -q "bad.txt: byte 4: invalid UTF-8" "$T/err" && grep -q "bad.txt: byte 5: invalid UTF-8" "$T/err"'
check "the good file of the batch is still processed" 'grep -q "\"doc\":\"good\"" "$T/out"'

# invalid UTF-8 inside an Arabic text: extraction goes on around it
{ head -c 300 "$SEED"; printf '\300'; tail -c +301 "$SEED"; } > "$T/mid.txt"
"$ALAQAT" extract "$T/mid.txt" >"$T/out" 2>"$T/err"; rc=$?
check "invalid byte mid-text: exit 1, offset 300 reported, claims still out" '[ $rc -eq 1 ] && grep -q "mid.txt: byte 300:" "$T/err" && [ -s "$T/out" ]'

# stdin and directories
"$ALAQAT" extract - < "$SEED" >"$T/out" 2>/dev/null
check "stdin is read (doc id stdin)" 'grep -q "\"doc\":\"stdin\"" "$T/out"'
mkdir -p "$T/dir/sub" && cp "$SEED" "$T/dir/sub/a.txt" && cp "$SEED" "$T/dir/b.txt" && echo "notes" > "$T/dir/README.md"
"$ALAQAT" extract "$T/dir" >"$T/out" 2>"$T/err"; rc=$?
check "directory: recursive, sorted, non-documents skipped" '[ $rc -eq 0 ] && [ "$(sed -n "s/.*\"doc\":\"\([^\"]*\)\".*/\1/p" "$T/out" | uniq | tr "\n" " ")" = "b a " ]'

# JSON Lines: a malformed line and a record without text are reported, others go on
printf '%s\n' '{"id":"r1","text":"تحالف بين \"داعش\" و\"النصرة\"."}' '{"id": oops' '{"id":"r3"}' '{"id":"r4","text":"اشتباكات بين \"داعش\" و\"النصرة\"."}' > "$T/in.jsonl"
"$ALAQAT" extract "$T/in.jsonl" >"$T/out" 2>"$T/err"; rc=$?
check "jsonl: exit 1, line 2 malformed, line 3 has no text" '[ $rc -eq 1 ] && grep -q "in.jsonl:2: byte" "$T/err" && grep -q "in.jsonl:3: byte" "$T/err"'
check "jsonl: records 1 and 4 extracted" 'grep -q "\"doc\":\"r1\".*alliance" "$T/out" && grep -q "\"doc\":\"r4\".*conflict" "$T/out"'

# mentions: the text field is exactly the bytes of the span
"$ALAQAT" extract --mentions "$SEED" >"$T/m" 2>/dev/null
check "mentions written" '[ -s "$T/m" ]'
if command -v python3 >/dev/null 2>&1; then
  python3 - "$SEED" "$T/m" <<'PY'
import json, sys
data = open(sys.argv[1], "rb").read()
for line in open(sys.argv[2], encoding="utf-8"):
    m = json.loads(line)
    s, e = m["span"]
    assert data[s:e].decode("utf-8") == m["text"], m
PY
  check "mention text equals its span bytes" '[ $? -eq 0 ]'
fi

# HTML pages: spans point at the raw bytes of the page as stored
H="$ALQ_SHARED/data/arabic-news-html/cnn-arabic-2013-08-03-syria-clashes.html"
if [ -f "$H" ] && command -v python3 >/dev/null 2>&1; then
  "$ALAQAT" extract --mentions "$H" > "$T/hm" 2>/dev/null
  "$ALAQAT" extract "$H" > "$T/hc" 2>/dev/null
  python3 - "$H" "$T/hm" "$T/hc" <<'PY'
import json, sys
raw = open(sys.argv[1], "rb").read()
ms = [json.loads(l) for l in open(sys.argv[2], encoding="utf-8")]
assert len(ms) > 10, len(ms)
for m in ms:
    s, e = m["span"]
    assert raw[s:e].decode("utf-8") == m["text"], m
    assert b"<" not in raw[s:e]
cs = [json.loads(l) for l in open(sys.argv[3], encoding="utf-8")]
assert cs, "no claims from the page"
for c in cs:
    s, e = c["span"]; ts, te = c["trigger"]
    assert s <= ts < te <= e <= len(raw), c
PY
  check "HTML: mention and claim spans are raw page bytes" '[ $? -eq 0 ]'
  "$ALAQAT" extract "$T/dir" "$H" "$T/dir" >/dev/null 2>&1
  check "HTML file named on the command line is read" '[ $? -eq 0 ]'
fi

# Windows-1256 text: decoded, same claims, spans in the raw (1-byte) file
if command -v iconv >/dev/null 2>&1; then
  iconv -f UTF-8 -t WINDOWS-1256 "$ALQ_SHARED/seeds/004_b9e23872a078d78b.txt" > "$T/cp.txt" 2>/dev/null
  if [ -s "$T/cp.txt" ]; then
    "$ALAQAT" extract "$ALQ_SHARED/seeds/004_b9e23872a078d78b.txt" | wc -l > "$T/n_utf8"
    "$ALAQAT" extract "$T/cp.txt" > "$T/cp.out" 2>/dev/null; rc=$?
    check "Windows-1256 text: exit 0 and the same number of claims" '[ $rc -eq 0 ] && [ "$(wc -l < "$T/cp.out")" -eq "$(cat "$T/n_utf8")" ]'
    check "Windows-1256 text: spans within the raw file" 'python3 -c "
import json,sys
n=len(open(sys.argv[1],\"rb\").read())
for l in open(sys.argv[2]):
    c=json.loads(l); assert c[\"span\"][1] <= n
" "$T/cp.txt" "$T/cp.out"'
  fi
fi

# -j N: byte-identical output to -j 1 (documents of a batch run in parallel)
A="$ALQ_SHARED/gold/dev2/articles.jsonl"
if [ -f "$A" ]; then
  "$ALAQAT" extract -j 1 "$A" "$ALQ_SHARED/seeds" > "$T/j1" 2>/dev/null
  "$ALAQAT" extract -j 2 "$A" "$ALQ_SHARED/seeds" > "$T/j2" 2>/dev/null
  "$ALAQAT" extract -j 3 --mentions "$A" > "$T/m3" 2>/dev/null
  "$ALAQAT" extract --mentions "$A" > "$T/m1" 2>/dev/null
  check "-j 2 output is byte-identical to -j 1" '[ -s "$T/j1" ] && cmp -s "$T/j1" "$T/j2" && cmp -s "$T/m1" "$T/m3"'
  # --stream: the same claims, one JSONL document at a time from stdin
  "$ALAQAT" extract "$A" > "$T/s1" 2>/dev/null
  "$ALAQAT" extract --stream < "$A" > "$T/s2" 2>/dev/null
  check "--stream gives the same claims as a file run" 'cmp -s "$T/s1" "$T/s2"'
  printf '%s\n' '{"id":"x","text":"تحالف بين \"داعش\" و\"النصرة\"."}' 'not json' | "$ALAQAT" extract --stream > "$T/s3" 2>"$T/e3"; rc=$?
  check "--stream: bad line reported with line and byte, others go on, exit 1" '[ $rc -eq 1 ] && grep -q "stdin:2: byte" "$T/e3" && grep -q "\"doc\":\"x\"" "$T/s3"'
  # --stream answers each record when its line has arrived, while the
  # input stays open (a pipe read with fread waited for 64 KiB or the end)
  mkfifo "$T/fifo"
  "$ALAQAT" extract --stream < "$T/fifo" > "$T/s4" 2>/dev/null &
  spid=$!
  exec 9> "$T/fifo"
  printf '%s\n' '{"id":"x","text":"تحالف بين \"داعش\" و\"النصرة\"."}' >&9
  k=0
  while [ $k -lt 150 ] && ! grep -q '"doc":"x"' "$T/s4"; do sleep 0.2; k=$((k + 1)); done
  check "--stream writes a record's claims before the next record or the end of input" 'grep -q "\"doc\":\"x\"" "$T/s4"'
  exec 9>&-
  wait $spid
  # the binary-data check covers the first 8 KiB of the input however a
  # pipe splits them into reads
  { printf '%s\n' '{"id":"x","text":"a"}'; sleep 1; printf 'ab\000cd\n'; } | "$ALAQAT" extract --stream > /dev/null 2>"$T/e5"; rc=$?
  check "--stream: a NUL in the first 8 KiB after a pause is binary data at its byte" '[ $rc -eq 1 ] && grep -q "stdin: byte 24: binary data" "$T/e5"'
fi
"$ALAQAT" extract -j 0 x >/dev/null 2>&1; check "-j 0 is a usage error" '[ $? -eq 2 ]'

# explain: the claims covering a byte, with trigger, actors and rule
"$ALAQAT" explain "$ALQ_SHARED/seeds/004_b9e23872a078d78b.txt" 200 > "$T/ex" 2>&1; rc=$?
check "explain shows trigger, actor spans and rule" '[ $rc -eq 0 ] && grep -q "^claim 1:" "$T/ex" && grep -q "trigger   \[" "$T/ex" && grep -q "rule " "$T/ex"'
"$ALAQAT" explain "$ALQ_SHARED/seeds/004_b9e23872a078d78b.txt" >/dev/null 2>&1; check "explain without START is a usage error" '[ $? -eq 2 ]'

# JSON Lines field names
printf '%s\n' '{"k":"z","body":"تحالف بين \"داعش\" و\"النصرة\"."}' > "$T/f.jsonl"
"$ALAQAT" extract --id-field k --text-field body "$T/f.jsonl" > "$T/f1" 2>/dev/null
"$ALAQAT" extract --stream --id-field k --text-field body < "$T/f.jsonl" > "$T/f2" 2>/dev/null
check "--id-field/--text-field for files and --stream" 'grep -q "\"doc\":\"z\".*alliance" "$T/f1" && cmp -s "$T/f1" "$T/f2"'

# JSON Lines edge cases (cJSON reads the records jansson reads alike,
# jansson the others): the messages are jansson's, with the byte offset in
# the file; the good records are read by every path alike
TA='تحالف بين \"داعش\" و\"النصرة\".'
TE='\u062a\u062d\u0627\u0644\u0641 \u0628\u064a\u0646 \"\u062f\u0627\u0639\u0634\" \u0648\"\u0627\u0644\u0646\u0635\u0631\u0629\".'
{ printf '{"id":"e1","text":"%s"}\n' "$TA"; printf '{"id":"e2","text":"a\\u0000b"}\n'
  printf '{"id":"e3","text":"ab\377cd"}\n'; printf '{"id":12345678901234567,"text":"%s"}\n' "$TA"
  printf '{"id":"e5"}\n'; printf '{"id":"e6","text":"%s","n":[1,{"x":null}]}\n' "$TE"
  printf '{"id":"e7","text":"x","text":"%s"}\r\n' "$TA"; printf '{"id": oops\n'; printf '{"id":"e9","text":"%s"}\n' "$TA"
} > "$T/e.jsonl"
"$ALAQAT" extract "$T/e.jsonl" >"$T/e1" 2>"$T/err"; rc=$?
o2=$(($(head -n 1 "$T/e.jsonl" | wc -c) + 28)); o3=$(($(head -n 2 "$T/e.jsonl" | wc -c) + 21))
check "jsonl edge cases: exit 1" '[ $rc -eq 1 ]'
check "jsonl: \\u0000 refused (jansson's message and offset: after the string)" 'grep -qF "e.jsonl:2: byte $o2: malformed JSON: \\u0000 is not allowed without JSON_ALLOW_NUL" "$T/err"'
check "jsonl: invalid UTF-8 in a string refused" 'grep -qF "e.jsonl:3: byte $o3: malformed JSON: unable to decode byte 0xff" "$T/err"'
check "jsonl: record without text, malformed line named" 'grep -q "e.jsonl:5: byte [0-9]*: record has no \"text\" string; skipped" "$T/err" && grep -q "e.jsonl:8: byte [0-9]*: malformed JSON: " "$T/err" && [ "$(wc -l < "$T/err")" = 4 ]'
for d in e1 12345678901234567 e6 e7 e9; do grep "\"doc\":\"$d\"" "$T/e1" | sed "s/\"doc\":\"$d\"/\"doc\":\"X\"/" > "$T/c.$d"; done
check "jsonl: integer id beyond 2^53, escaped text, duplicate key (last), CRLF: the same claims" '[ -s "$T/c.e1" ] && cmp -s "$T/c.e1" "$T/c.12345678901234567" && cmp -s "$T/c.e1" "$T/c.e6" && cmp -s "$T/c.e1" "$T/c.e7" && cmp -s "$T/c.e1" "$T/c.e9"'
"$ALAQAT" extract -j 2 "$T/e.jsonl" >"$T/e2" 2>"$T/err2"
"$ALAQAT" extract --stream < "$T/e.jsonl" >"$T/e3" 2>/dev/null
check "jsonl edge cases: -j 2 and --stream the same" 'cmp -s "$T/e1" "$T/e2" && cmp -s "$T/err" "$T/err2" && cmp -s "$T/e1" "$T/e3"'

[ $fails -eq 0 ] || { echo "$fails failures"; exit 1; }
