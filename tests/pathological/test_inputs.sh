# Pathological inputs: each one is reported by file (and line or record)
# and byte offset, the other inputs of the same batch are still processed,
# and the exit status is 1. Big inputs are generated here, not kept in git.
. "$(dirname "$0")/lib.sh"
SEED=${ALQ_SHARED:?set ALQ_SHARED}/seeds/004_b9e23872a078d78b.txt
[ -r "$SEED" ] || { echo "missing $SEED"; exit 1; }
G="$T/good.txt"; cp "$SEED" "$G"
good_claims=$("$A" extract "$G" | wc -l)
[ "$good_claims" -gt 0 ] || fail "the good seed gives no claims"

# batch CASE FILE...: runs extract on FILE... plus the good file; checks
# exit 1 and that the good file's claims are all there
batch() {
  what=$1; shift
  "$A" extract "$@" "$G" > "$T/out" 2> "$T/err"; rc=$?
  expect_rc 1 $rc "$what"
  n=$(grep -c '"doc":"good"' "$T/out")
  [ "$n" = "$good_claims" ] && ok "$what: rest of the batch processed" || fail "$what: good file gave $n claims, want $good_claims"
}

# invalid UTF-8 at the start, the middle and the end; a NUL after 8 KiB
{ printf '\377'; cat "$SEED"; printf '\300'; head -c 100 "$SEED"; printf '\355\240\200'; } > "$T/bad.txt"
batch "invalid UTF-8" "$T/bad.txt"
expect_err "bad.txt: byte 0: " "$T/err" "invalid UTF-8: first bad byte named with its offset"
n=$(wc -c < "$SEED")
expect_err "bad.txt: byte $((n + 1)): " "$T/err" "invalid UTF-8: middle byte named"
{ head -c 9000 /dev/zero | tr '\0' ' '; printf 'x\000y'; } > "$T/nul.txt"
batch "NUL byte after 8 KiB" "$T/nul.txt"
expect_err "nul.txt: byte 9001: " "$T/err" "NUL byte reported at its offset"
: > "$T/empty.txt"
batch "empty file" "$T/empty.txt"
expect_err "empty.txt: empty input" "$T/err" "empty file named"
head -c 4096 /dev/urandom > "$T/bin.txt"; printf '\000' >> "$T/bin.txt"
batch "binary file" "$T/bin.txt"
expect_err "bin.txt: byte [0-9]+: (binary data|.*undecodable)" "$T/err" "binary file named"

# HTML nested 100,000 levels deep, and unclosed tags
{ printf '<html><body>'; i=0; while [ $i -lt 1000 ]; do printf '<div><div><div><div><div><div><div><div><div><div>'; i=$((i+1)); done; } > "$T/d1"
for k in 1 2 3 4 5 6 7 8 9 10; do cat "$T/d1"; done > "$T/deep.html"
batch "HTML nested 100,000 deep" "$T/deep.html"
expect_err "deep.html: byte [0-9]+: HTML nested more than" "$T/err" "deep HTML refused with an offset"
{ printf '<html><body><p>'; sed 's/$/<b><i><span>/' "$SEED"; } > "$T/unclosed.html"
"$A" extract "$T/unclosed.html" > "$T/out" 2> "$T/err"; rc=$?
expect_rc 0 $rc "unclosed tags read"
[ "$(wc -l < "$T/out")" -gt 0 ] && ok "unclosed tags: claims found" || fail "unclosed tags: no claims"

# truncated gzip (a large file, so the first blocks decompress) and WARC
{ head -c 300000 /dev/urandom | base64 -w 100; } > "$T/noise.txt"
gzip -c "$T/noise.txt" > "$T/n.txt.gz"
head -c 200000 "$T/n.txt.gz" > "$T/trunc.txt.gz"
batch "truncated gzip" "$T/trunc.txt.gz"
expect_err "trunc.txt.gz: (record 1: )?byte [0-9]+: .*truncated" "$T/err" "truncated gzip named with offset"
gzip -c "$G" > "$T/small.txt.gz"; head -c 100 "$T/small.txt.gz" > "$T/strunc.txt.gz"
batch "small truncated gzip" "$T/strunc.txt.gz"
expect_err "strunc.txt.gz: byte 100: .*truncated" "$T/err" "small truncated gzip named at its end"
{ echo '<!doctype html><html><body><article>'; sed 's/^/<p>/;s/$/<\/p>/' "$SEED"; echo '<!--'; head -c 90000 /dev/urandom | base64 -w 100; echo '--></article></body></html>'; } > "$T/page.html"
http_page "text/html; charset=utf-8" "$T/page.html" "$T/resp"
printf 'GET / HTTP/1.1\r\n\r\n' > "$T/req"
for i in 1 2 3 4; do
  warc_record request "http://news.example/a/$i.html" "$T/req" | gzip
  warc_record response "http://news.example/a/$i.html" "$T/resp" | gzip
done > "$T/crawl.warc.gz"
"$A" extract "$T/crawl.warc.gz" > "$T/out" 2> "$T/err"; rc=$?
expect_rc 0 $rc "WARC read"
[ "$(cut -d, -f1 "$T/out" | sort -u | wc -l)" = 4 ] && ok "WARC: 4 documents" || fail "WARC: want 4 documents: $(cut -d, -f1 "$T/out" | sort -u)"
n=$(wc -c < "$T/crawl.warc.gz")
head -c $((n * 7 / 10)) "$T/crawl.warc.gz" > "$T/cut.warc.gz"
batch "truncated WARC" "$T/cut.warc.gz"
expect_err "cut.warc.gz: record [0-9]+: byte [0-9]+: .*truncated" "$T/err" "truncated WARC named with record and offset"
k=$(grep -o '"doc":"http://news.example/a/[0-9].html"' "$T/out" | sort -u | wc -l)
[ "$k" -ge 2 ] && ok "truncated WARC: $k documents before the cut kept" || fail "truncated WARC kept $k documents"

# JSON Lines: malformed line, record without text; the other lines are read
{ printf '{"id":"j1","text":"%s"}\n' "$(head -1 "$SEED" | sed 's/"/\\"/g')"; echo '{"id":"j2","text":'; echo '{"id":"j3"}'; echo '[1,2]'; } > "$T/bad.jsonl"
batch "malformed JSON" "$T/bad.jsonl"
expect_err "bad.jsonl:2: byte [0-9]+: malformed JSON" "$T/err" "malformed JSON line named"
expect_err "bad.jsonl:3: byte [0-9]+: record has no \"text\"" "$T/err" "record without text named"
expect_err "bad.jsonl:4: byte [0-9]+: malformed JSON: not an object" "$T/err" "non-object named"

# unreadable file (root reads anything: skipped then)
cp "$SEED" "$T/locked.txt"; chmod 000 "$T/locked.txt"
if [ "$(id -u)" = 0 ]; then echo "skip: unreadable file (running as root, chmod does not block reads)"
else
  batch "unreadable file" "$T/locked.txt"
  expect_err "locked.txt: cannot open: Permission denied" "$T/err" "unreadable file named"
fi
chmod 644 "$T/locked.txt"; rm "$T/locked.txt"

# symlink loops in a directory: a link to its own directory and a self link
mkdir -p "$T/dir/sub"; cp "$SEED" "$T/dir/sub/one.txt"
ln -s .. "$T/dir/sub/up"; ln -s self "$T/dir/self"
"$A" extract "$T/dir" "$G" > "$T/out" 2> "$T/err"; rc=$?
expect_rc 1 $rc "symlink loops"
expect_err "sub/up: directory already being read \(symlink loop\)" "$T/err" "directory loop named"
expect_err "dir/self: cannot open: Too many levels of symbolic links" "$T/err" "self link named"
n=$(grep -c '"doc":"one"' "$T/out")
[ "$n" = "$good_claims" ] && ok "loop: the file in the loop read once" || fail "loop: one.txt gave $n claims, want $good_claims"

# a 100 MB single line: as text (over the per-document limit) and as a
# JSON Lines record; it finishes and memory stays bounded
yes 'كلمة' | head -c 100000000 | tr '\n' ' ' > "$T/line.txt"
{ printf '{"id":"big","text":"'; cat "$T/line.txt"; printf '"}\n'; printf '{"id":"after","text":"%s"}\n' "$(head -1 "$SEED" | sed 's/"/\\"/g')"; } > "$T/line.jsonl"
/usr/bin/time -f %M -o "$T/mem" "$A" extract "$T/line.txt" "$T/line.jsonl" "$G" > "$T/out" 2> "$T/err"; rc=$?
expect_rc 1 $rc "100 MB line"
expect_err "line.txt: byte [0-9]+: file of 100000000 bytes is larger than" "$T/err" "100 MB text file refused with its size"
expect_err "line.jsonl:1: byte 0: line longer than" "$T/err" "100 MB JSON line skipped"
grep -q '"doc":"after"' "$T/out" && ok "the record after the long line was read" || fail "record after the long line lost"
kb=$(tail -1 "$T/mem")
# ASan doubles memory; the bound is the 64 MiB line cap plus the reader
[ "$kb" -lt 900000 ] && ok "100 MB line: peak memory ${kb} KB" || fail "100 MB line: peak memory ${kb} KB"
finish
