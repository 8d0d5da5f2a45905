# Helpers for the pathological-input tests: a temp dir, assertions, and a
# WARC writer (records built with printf; Content-Length from wc -c).
set -u
A=${ALAQAT:?set ALAQAT to the alaqat binary}
SRC=${ALQ_SRC:?set ALQ_SRC to the source tree}
T=$(mktemp -d)
trap 'chmod -R u+rwx "$T" 2>/dev/null; rm -rf "$T"' EXIT
FAILS=0
fail() { echo "FAIL: $*"; FAILS=$((FAILS + 1)); }
ok() { echo "ok: $*"; }
# expect_rc WANT GOT WHAT
expect_rc() { [ "$1" = "$2" ] && ok "$3 (exit $2)" || fail "$3: exit $2, want $1"; }
# expect_err PATTERN FILE WHAT: the stderr file has a line matching PATTERN
expect_err() { grep -Eq -- "$1" "$2" && ok "$3" || { fail "$3: no /$1/ in:"; sed 's/^/    /' "$2"; }; }
finish() { [ "$FAILS" = 0 ] && { echo "all passed"; exit 0; }; echo "$FAILS failed"; exit 1; }

# warc_record TYPE URI PAYLOADFILE: one WARC/1.0 record on stdout
warc_record() {
  n=$(wc -c < "$3")
  printf 'WARC/1.0\r\nWARC-Type: %s\r\nWARC-Target-URI: %s\r\nWARC-Date: 2015-06-28T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:%s>\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: %s\r\n\r\n' \
    "$1" "$2" "$(echo "$2" | cksum | cut -d' ' -f1)" "$n"
  cat "$3"
  printf '\r\n\r\n'
}
# http_page CONTENTTYPE HTMLFILE OUT: an HTTP response around a page
http_page() {
  { printf 'HTTP/1.1 200 OK\r\nContent-Type: %s\r\nServer: test\r\n\r\n' "$1"; cat "$2"; } > "$3"
}
