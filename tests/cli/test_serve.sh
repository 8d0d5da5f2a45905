#!/bin/sh
# alaqat serve against a store of the seeds: every endpoint's status and
# JSON, agreement with the CLI, path traversal, SQL injection in every
# parameter, oversized and non-UTF-8 requests, slow clients, clean stop.
# Needs ALAQAT, ALQ_SHARED, curl and python3; everything stays on loopback.
set -u
: "${ALAQAT:?}" "${ALQ_SHARED:?}"
command -v curl >/dev/null 2>&1 || { echo "SKIP: curl missing"; exit 77; }
T=$(mktemp -d)
PID=""
PID2=""
cleanup() {
  if [ -n "$PID" ] && kill -0 "$PID" 2>/dev/null; then kill -KILL "$PID" 2>/dev/null; wait "$PID" 2>/dev/null; fi
  if [ -n "$PID2" ] && kill -0 "$PID2" 2>/dev/null; then kill -KILL "$PID2" 2>/dev/null; wait "$PID2" 2>/dev/null; fi
  rm -rf "$T"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP
fails=0
check() { # description, condition (shell expression)
  if eval "$2"; then echo "ok - $1"; else echo "FAIL - $1"; fails=$((fails + 1)); fi
}

DB="$T/s.db"
"$ALAQAT" add -q --db "$DB" "$ALQ_SHARED/seeds" 2>"$T/err" || { cat "$T/err"; echo "FAIL - add"; exit 1; }
mkdir -p "$T/web/sub"
printf '<!doctype html><title>t</title>WEBROOT-INDEX\n' > "$T/web/index.html"
printf 'body{}\n' > "$T/web/sub/a.css"
printf 'TOP-SECRET-OUTSIDE\n' > "$T/secret.txt"
ln -s ../secret.txt "$T/web/link.txt"
printf 'TOP-SECRET-HIDDEN\n' > "$T/web/.hidden"

"$ALAQAT" serve --bogus >/dev/null 2>&1; check "serve: unknown option exits 2" '[ $? -eq 2 ]'
"$ALAQAT" serve --db "$T/none.db" --port 0 >/dev/null 2>"$T/err"; rc=$?
check "serve: a missing store exits 1 with a message" '[ $rc -eq 1 ] && [ -s "$T/err" ] && [ ! -e "$T/none.db" ]'

# start on a port the kernel picks (no race for a free port); wait for it
"$ALAQAT" serve --db "$DB" --port 0 --web "$T/web" >"$T/out" 2>"$T/log" &
PID=$!
PORT=""
i=0
while [ $i -lt 600 ]; do  # up to 60 s (sanitizer builds start slowly)
  PORT=$(sed -n 's|.*http://127\.0\.0\.1:\([0-9][0-9]*\)/.*|\1|p' "$T/out" 2>/dev/null)
  [ -n "$PORT" ] && break
  kill -0 "$PID" 2>/dev/null || break
  sleep 0.1; i=$((i + 1))
done
[ -n "$PORT" ] || { cat "$T/log"; echo "FAIL - server did not start"; exit 1; }
B="http://127.0.0.1:$PORT"
echo "# server pid $PID on $B"

# get PATH: status in $code, body in $T/body (30 s limit per request)
get() { code=$(curl -s -g --path-as-is -m 30 -o "$T/body" -w '%{http_code}' "$@") || code=000; }
isjson() { python3 -c 'import json,sys; json.load(open(sys.argv[1], encoding="utf-8"))' "$T/body" 2>/dev/null; }
jq_() { python3 -c 'import json,sys; d=json.load(open(sys.argv[1], encoding="utf-8")); print(eval(sys.argv[2]))' "$T/body" "$1"; }
alive() { get "$B/api/stats"; [ "$code" = 200 ]; }

# ---- every endpoint: status and JSON --------------------------------------
for u in /api/stats /api/actors "/api/actors?new=1&limit=5" "/api/graph?at=2015-06-30" /api/graph \
         "/api/timeline?a=isis&b=nusra" "/api/claims?a=isis&limit=5&offset=1" \
         "/api/claims?type=conflict&polarity=affirmed&modality=asserted&from=2013&to=2016-12" \
         "/api/search?q=%D8%AF%D8%A7%D8%B9%D8%B4" /api/contradictions "/api/doc/004_b9e23872a078d78b"; do
  get "$B$u"
  check "GET $u is 200 JSON" '[ "$code" = 200 ] && isjson'
done
get -I "$B/api/stats"; check "HEAD /api/stats is 200" '[ "$code" = 200 ]'
ct=$(curl -s -m 30 -o /dev/null -w '%{content_type}' "$B/api/stats")
check "API content type is JSON" 'echo "$ct" | grep -q "application/json"'

get "$B/api/stats"
check "stats: 5 documents" '[ "$(jq_ "d[\"documents\"]")" = 5 ]'
nclaims=$(jq_ 'd["claims"]')

# agreement with the CLI
get "$B/api/timeline?a=isis&b=nusra&limit=1000"
check "timeline total = alaqat timeline rows" \
  '[ "$(jq_ "d[\"total\"]")" = "$("$ALAQAT" timeline isis nusra --db "$DB" --json | wc -l)" ]'
check "timeline page holds the total" '[ "$(jq_ "len(d[\"items\"]) == d[\"total\"]")" = True ]'
cp "$T/body" "$T/tl.json"
"$ALAQAT" timeline isis nusra --db "$DB" --json > "$T/tl.jsonl"
check "timeline: the same claims in the same order as alaqat timeline" "python3 - '$T/tl.json' '$T/tl.jsonl' <<'EOF'
import json, sys
k = ('doc', 'span_start', 'span_end', 'type', 'polarity', 'when')
api = [tuple(c[x] for x in k) for c in json.load(open(sys.argv[1], encoding='utf-8'))['items']]
cli = [tuple(json.loads(l)[x] for x in k) for l in open(sys.argv[2], encoding='utf-8')]
assert api == cli and api
EOF"
n=$(wc -l < "$T/tl.jsonl")
get "$B/api/timeline?a=isis&b=nusra&limit=5&offset=$((n - 3))"; cp "$T/body" "$T/tl3.json"
check "timeline: a page past the middle (counted from the end) = the last items" "python3 -c 'import json,sys; a=json.load(open(sys.argv[1]))[\"items\"]; b=json.load(open(sys.argv[2])); assert a[-3:]==b[\"items\"] and b[\"total\"]==len(a) and len(a) > 6' '$T/tl.json' '$T/tl3.json'"
get "$B/api/timeline?a=isis&b=nusra&limit=4&offset=$((n - 6))"; cp "$T/body" "$T/tl3.json"
check "timeline: limit 4 at offset total-6 = items total-6 .. total-3" "python3 -c 'import json,sys; a=json.load(open(sys.argv[1]))[\"items\"]; b=json.load(open(sys.argv[2]))[\"items\"]; assert a[-6:-2]==b' '$T/tl.json' '$T/tl3.json'"
get "$B/api/timeline?a=isis&b=nusra&limit=4&offset=$n"
check "timeline: offset = total gives an empty page" '[ "$code" = 200 ] && [ "$(jq_ "len(d[\"items\"])")" = 0 ]'
get "$B/api/timeline?a=isis&b=nusra&limit=2&offset=1"; cp "$T/body" "$T/tl2.json"
check "timeline pages: limit 2 offset 1 = items 1..2" "python3 -c 'import json,sys; a=json.load(open(sys.argv[1]))[\"items\"]; b=json.load(open(sys.argv[2]))[\"items\"]; assert a[1:3]==b' '$T/tl.json' '$T/tl2.json'"
get "$B/api/search?q=%D8%A7%D9%84%D9%86%D8%B5%D8%B1%D8%A9&limit=1"
check "search: one item of a larger total" '[ "$(jq_ "len(d[\"items\"]) == 1 and d[\"total\"] > 1")" = True ]'
get "$B/api/graph?at=2015-06-30"
check "graph edges = alaqat graph --at 2015-06-30 rows" \
  '[ "$(jq_ "len(d[\"edges\"])")" = "$("$ALAQAT" graph --at 2015-06-30 --db "$DB" --json | wc -l)" ]'
check "graph: nodes are the edges' ends, with Arabic names" \
  '[ "$(jq_ "{n[\"id\"] for n in d[\"nodes\"]} == {e[k] for e in d[\"edges\"] for k in (\"a\",\"b\")} and all(n[\"arabic\"] for n in d[\"nodes\"] if n[\"id\"] in (\"isis\",\"nusra\"))")" = True ]'
# the server's in-memory network equals alq_graph_at's, edge for edge
for at in 2013 2014-06 2014-09-26 2015-06-30 2016-12-31 2017-04-22 2018; do
  get "$B/api/graph?at=$at"; cp "$T/body" "$T/g.json"
  "$ALAQAT" graph --at "$at" --db "$DB" --json > "$T/g.jsonl"
  check "graph at $at: every edge field equals alaqat graph's" "python3 - '$T/g.json' '$T/g.jsonl' <<'EOF'
import json, sys
keys = ('a', 'b', 'class', 'type', 'weight', 'claims', 'first', 'last', 'docs_total')
api = [tuple(e[k] for k in keys) for e in json.load(open(sys.argv[1], encoding='utf-8'))['edges']]
cli = [tuple(json.loads(l)[k] for k in keys) for l in open(sys.argv[2], encoding='utf-8')]
assert api == cli, (len(api), len(cli), [x for x in api if x not in cli][:3], [x for x in cli if x not in api][:3])
EOF"
done
get "$B/api/graph?at=2018&limit=3&offset=2"
check "graph pages: limit 3 offset 2 gives edges 2..4" '[ "$(jq_ "[e[\"id\"] for e in d[\"edges\"]]")" = "[2, 3, 4]" ]'
get "$B/api/graph?at=2013-01-01"; e1=$(jq_ 'len(d["edges"])')
get "$B/api/graph?at=2018-12-31"; e2=$(jq_ 'len(d["edges"])')
check "graph: a later date has more edges ($e1 < $e2)" '[ "$e1" -lt "$e2" ]'
get "$B/api/claims?limit=2&offset=0"; p1=$(jq_ '[c["id"] for c in d["items"]]'); t1=$(jq_ 'd["total"]')
get "$B/api/claims?limit=2&offset=2"; p2=$(jq_ '[c["id"] for c in d["items"]]')
check "claims: pages differ, total = all claims" '[ "$p1" != "$p2" ] && [ "$t1" = "$nclaims" ]'
# the evidence of every claim of a document is its span of the text
D=004_b9e23872a078d78b
get "$B/api/doc/$D"; cp "$T/body" "$T/doc.json"
get "$B/api/claims?doc=$D&limit=1000"; cp "$T/body" "$T/claims.json"
check "doc: each claim span of the UTF-8 text equals its evidence" "python3 - '$T/doc.json' '$T/claims.json' <<'EOF'
import json, sys
doc = json.load(open(sys.argv[1], encoding='utf-8')); cl = json.load(open(sys.argv[2], encoding='utf-8'))
raw = doc['text'].encode('utf-8')
assert len(raw) == doc['bytes'] and cl['items'] and len(doc['claims']) == cl['total']
for c in cl['items']:
    assert raw[c['span_start']:c['span_end']].decode('utf-8') == c['evidence'], c['id']
EOF"

# ---- bad requests: status and JSON error body ------------------------------
errcheck() { # expected status, path
  want=$1
  get "$B$2"
  check "GET $2 -> $1 with an error body" '[ "$code" = "$want" ] && [ -n "$(jq_ "d[\"error\"]" 2>/dev/null)" ]'
}
errcheck 404 /api/nope
errcheck 404 /api/doc/no-such-document
errcheck 404 /nosuchfile.js
errcheck 400 "/api/graph?at=2015-13-45"
errcheck 400 "/api/graph?at=yesterday"
errcheck 400 "/api/timeline?a=isis"
errcheck 400 "/api/claims?limit=100000"
errcheck 400 "/api/claims?limit=0"
errcheck 400 "/api/claims?offset=-1"
errcheck 400 "/api/claims?type=friendship"
errcheck 400 "/api/claims?polarity=maybe"
errcheck 400 "/api/claims?bogus=1"
errcheck 400 "/api/claims?a=isis&a=nusra"
errcheck 400 "/api/search"
errcheck 400 "/api/search?q=%22unbalanced"
errcheck 400 "/api/graph?at=%ff"
errcheck 400 "/api/search?q=%c3%28"
errcheck 400 "/api/claims?a=%ed%a0%80"
errcheck 400 "/api/claims?a=is%00is"
errcheck 400 "/api/doc/%ff%fe"
get -X POST -d 'x=1' "$B/api/stats"; check "POST -> 405" '[ "$code" = 405 ] && isjson'
get -X DELETE "$B/api/doc/$D"; check "DELETE -> 405" '[ "$code" = 405 ]'
head -c 2000000 /dev/zero | tr '\0' x > "$T/big"
get -X POST --data-binary @"$T/big" "$B/api/stats"; check "POST of a 2 MB body -> 405" '[ "$code" = 405 ]'
get -H 'Host: attacker.example' "$B/api/stats"; check "foreign Host header -> 403" '[ "$code" = 403 ]'
long=$(head -c 100000 /dev/zero | tr '\0' a)
get "$B/api/search?q=$long"; check "100 KB URL -> 414" '[ "$code" = 414 ]'
get "$B/api/search?q=$(head -c 2000 /dev/zero | tr '\0' a)"; check "2 KB parameter -> 414" '[ "$code" = 414 ] && isjson'
get -H "X-Big: $(head -c 40000 /dev/zero | tr '\0' a)" "$B/api/stats"; check "40 KB header -> 431" '[ "$code" = 431 ]'
check "server up after bad requests" alive

# ---- path traversal: never a file outside the web root -----------------------
get "$B/"; check "/ serves index.html" '[ "$code" = 200 ] && grep -q WEBROOT-INDEX "$T/body"'
get "$B/sub/a.css"; check "a file in a subdirectory is served" '[ "$code" = 200 ]'
for u in /../secret.txt /../../../../etc/passwd /%2e%2e/secret.txt /%2e%2e%2fsecret.txt \
         /sub/%2e%2e/%2e%2e/secret.txt /%252e%252e%252fsecret.txt /%252e%252e/secret.txt \
         /..%2fsecret.txt /..%252fsecret.txt /.%2e/secret.txt /sub/..%5c..%5csecret.txt \
         '/..\secret.txt' //etc/passwd /link.txt /.hidden /%2ehidden /sub/../index.html \
         "/%c0%ae%c0%ae/secret.txt" "/index.html%00.js"; do
  get "$B$u"
  check "traversal $u -> 400/404, no file outside" \
    '{ [ "$code" = 400 ] || [ "$code" = 404 ]; } && ! grep -q TOP-SECRET "$T/body"'
done
printf 'GET /../secret.txt HTTP/1.0\r\n\r\n' > "$T/req"
python3 - "$PORT" "$T/req" > "$T/raw" <<'EOF'
import socket, sys
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=30)
s.sendall(open(sys.argv[2], "rb").read())
out = b""
while True:
    b = s.recv(65536)
    if not b: break
    out += b
sys.stdout.write(out.decode("latin-1"))
EOF
check "raw HTTP/1.0 request for /../secret.txt refused" '! grep -q TOP-SECRET "$T/raw" && head -1 "$T/raw" | grep -Eq " (400|404) "'

# ---- SQL injection through every parameter ---------------------------------
for inj in "' OR 1=1 --" "1' UNION SELECT name, sql FROM sqlite_master --" '"); DROP TABLE claims; --' "%' OR '%'='"; do
  e=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$inj")
  for u in "/api/actors?new=$e" "/api/actors?limit=$e" "/api/actors?offset=$e" "/api/graph?at=$e" \
           "/api/timeline?a=$e&b=nusra" "/api/timeline?a=isis&b=$e" "/api/search?q=$e" \
           "/api/contradictions?limit=$e" "/api/doc/$e" \
           "/api/claims?a=$e" "/api/claims?b=$e" "/api/claims?a=isis&b=$e" "/api/claims?type=$e" \
           "/api/claims?polarity=$e" "/api/claims?modality=$e" "/api/claims?source=$e" \
           "/api/claims?source_kind=$e" "/api/claims?from=$e" "/api/claims?to=$e" "/api/claims?doc=$e" \
           "/api/claims?limit=$e" "/api/claims?offset=$e"; do
    get "$B$u"
    check "injection $u -> 200 with no rows, or 400/404" \
      '{ { [ "$code" = 400 ] || [ "$code" = 404 ]; } && isjson; } || { [ "$code" = 200 ] && [ "$(jq_ "d.get(\"total\", -1)")" = 0 ]; }'
  done
done
get "$B/api/stats"
check "store unchanged and server up after the injections" '[ "$code" = 200 ] && [ "$(jq_ "d[\"claims\"]")" = "$nclaims" ]'

# ---- slow clients: half-sent requests do not block others -------------------
check "20 half-sent requests held open; other requests still answered" "python3 - '$PORT' <<'EOF'
import socket, sys, time, urllib.request
port = int(sys.argv[1])
slow = []
for i in range(20):
    s = socket.create_connection(('127.0.0.1', port), timeout=30)
    s.sendall(b'GET /api/stats HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ')
    slow.append(s)
for i in range(10):
    with urllib.request.urlopen('http://127.0.0.1:%d/api/graph?at=2016' % port, timeout=30) as r:
        assert r.status == 200
        r.read()
    slow[i].sendall(b'a')   # trickle one byte
    time.sleep(0.05)
for s in slow: s.close()
EOF"
check "server up after slow clients" alive

# ---- a second server, on a store of 5,001 short documents -------------------
# (idle connections closed after --timeout; a search with more than 5,000
# matches listed newest first instead of ranked)
python3 - "$T/many.jsonl" <<'EOF'
import json, sys
with open(sys.argv[1], "w", encoding="utf-8") as o:
    for i in range(5001):
        extra = " نادرة" * (1 + i % 3) if i in (10, 2000, 4000) else ""
        o.write(json.dumps({"id": "m%04d" % i, "text": "خبر شائع رقم %d%s" % (i, extra)}, ensure_ascii=False) + "\n")
EOF
"$ALAQAT" add -q --db "$T/many.db" "$T/many.jsonl" 2>"$T/err" || { cat "$T/err"; echo "FAIL - add many"; }
"$ALAQAT" serve -q --db "$T/many.db" --port 0 --timeout 2 >"$T/out2" 2>"$T/log2" &
PID2=$!
PORT2=""
i=0
while [ $i -lt 600 ]; do
  PORT2=$(sed -n 's|.*http://127\.0\.0\.1:\([0-9][0-9]*\)/.*|\1|p' "$T/out2" 2>/dev/null)
  [ -n "$PORT2" ] && break
  kill -0 "$PID2" 2>/dev/null || break
  sleep 0.1; i=$((i + 1))
done
check "a second server with --timeout 2 started" '[ -n "$PORT2" ]'
B2="http://127.0.0.1:$PORT2"
check "--timeout 2: a silent client and a half-sent request are disconnected after about 2 s, while requests made meanwhile are answered" "python3 - '$PORT2' <<'EOF'
import socket, sys, time, urllib.request
port = int(sys.argv[1])
silent = socket.create_connection(('127.0.0.1', port), timeout=30)   # sends nothing
half = socket.create_connection(('127.0.0.1', port), timeout=30)
half.sendall(b'GET /api/stats HTTP/1.1\r\nHost: 127.0.0.1\r\n')   # never ends its headers
t0 = time.monotonic()
for i in range(5):   # others are served while both idle
    with urllib.request.urlopen('http://127.0.0.1:%d/api/stats' % port, timeout=30) as r:
        assert r.status == 200
        r.read()
    time.sleep(0.2)
closed = []
for s in (silent, half):
    s.settimeout(20)
    try:   # b'' or a reset = closed by the server (after a 4xx answer would do too)
        while s.recv(65536):
            pass
    except ConnectionResetError:
        pass
    closed.append(time.monotonic() - t0)
assert all(1.5 <= t <= 12 for t in closed), closed
with urllib.request.urlopen('http://127.0.0.1:%d/api/stats' % port, timeout=30) as r:
    assert r.status == 200
EOF"
get "$B2/api/search?q=%D8%B4%D8%A7%D8%A6%D8%B9&limit=3&offset=1"
check "search matching 5,001 documents: not ranked, newest stored first (order recent)" \
  '[ "$code" = 200 ] && [ "$(jq_ "(d[\"order\"], d[\"total\"], [i[\"doc\"] for i in d[\"items\"]])")" = "('"'"'recent'"'"', 5001, ['"'"'m4999'"'"', '"'"'m4998'"'"', '"'"'m4997'"'"'])" ]'
get "$B2/api/search?q=%D9%86%D8%A7%D8%AF%D8%B1%D8%A9"
check "search matching 3 documents: ranked by bm25 (order rank, best first)" \
  '[ "$code" = 200 ] && [ "$(jq_ "(d[\"order\"], d[\"total\"], [i[\"score\"] for i in d[\"items\"]] == sorted(i[\"score\"] for i in d[\"items\"]))")" = "('"'"'rank'"'"', 3, True)" ]'
kill -TERM "$PID2"; wait "$PID2"; rc=$?; PID2=""
check "... and it stops cleanly (status 0, no sanitizer report)" '[ $rc -eq 0 ] && ! grep -q -E "AddressSanitizer|LeakSanitizer|runtime error" "$T/log2"'

# ---- the store changes while served: answers follow (graph index rebuilt) ----
if [ -d "$ALQ_SRC/examples/news" ]; then
  "$ALAQAT" add -q --db "$DB" "$ALQ_SRC/examples/news" 2>"$T/err"
  ndocs=$(python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT count(*) FROM documents").fetchone()[0])' "$DB")
  get "$B/api/stats"
  check "stats follow an add made while serving ($ndocs documents)" '[ "$(jq_ "d[\"documents\"]")" = "$ndocs" ] && [ "$ndocs" -gt 5 ]'
  get "$B/api/timeline?a=isis&b=nusra&limit=1"
  check "timeline total after the add (from the rebuilt index) = alaqat timeline rows" \
    '[ "$(jq_ "d[\"total\"]")" = "$("$ALAQAT" timeline isis nusra --db "$DB" --json | wc -l)" ]'
  get "$B/api/timeline?a=isis&b=no-such-actor"
  check "timeline of an unknown pair: total 0, no items" '[ "$code" = 200 ] && [ "$(jq_ "(d[\"total\"], len(d[\"items\"]))")" = "(0, 0)" ]'
  get "$B/api/graph?at=2018"; cp "$T/body" "$T/g.json"
  "$ALAQAT" graph --at 2018 --db "$DB" --json > "$T/g.jsonl"
  check "graph after the add equals alaqat graph's" "python3 - '$T/g.json' '$T/g.jsonl' <<'EOF'
import json, sys
keys = ('a', 'b', 'class', 'type', 'weight', 'claims', 'first', 'last', 'docs_total')
api = [tuple(e[k] for k in keys) for e in json.load(open(sys.argv[1], encoding='utf-8'))['edges']]
cli = [tuple(json.loads(l)[k] for k in keys) for l in open(sys.argv[2], encoding='utf-8')]
assert api == cli and api
EOF"
fi

# ---- stop: SIGTERM ends it cleanly (a sanitizer build also checks leaks) -----
kill -TERM "$PID"
i=0
while kill -0 "$PID" 2>/dev/null && [ $i -lt 600 ]; do sleep 0.1; i=$((i + 1)); done
wait "$PID"; rc=$?
check "SIGTERM stops the server with status 0" '[ $rc -eq 0 ]'
check "no server process left" '! kill -0 "$PID" 2>/dev/null'
check "no sanitizer report in the server log" '! grep -q -E "AddressSanitizer|LeakSanitizer|runtime error" "$T/log"'
PID=""

echo "# $fails failure(s)"
[ $fails -eq 0 ]
