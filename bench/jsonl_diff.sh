#!/bin/sh
# End-to-end differential check of the JSON Lines reader: two builds of
# alaqat run `extract` (not quiet: messages and their byte offsets count)
# on the first 600 records of build/bench/corpus-40M.jsonl mutated N times
# (half: valid escapes, characters and members inserted into the record;
# half: cut, bytes inserted or deleted anywhere: invalid, overlong,
# surrogate and cut UTF-8, control characters, NULs, quotes, backslashes,
# \u escapes, numbers, brackets, a byte-order mark); stdout, stderr and the
# exit status must be the same, with one thread and with -j 2.
#   bench/jsonl_diff.sh NEW REF [N]      (default 20000 lines)
set -eu
cd "$(dirname "$0")/.."
NEW=${1:?NEW binary}; REF=${2:?REF binary}; N=${3:-20000}
O=build/jsonl-diff; mkdir -p $O
python3 - "$N" build/bench/corpus-40M.jsonl $O/in.jsonl <<'PY'
import random, sys
n, src_path, out_path = int(sys.argv[1]), sys.argv[2], sys.argv[3]
random.seed(8)
src = []
with open(src_path, 'rb') as f:
    for line in f:
        src.append(line.rstrip(b'\n'))
        if len(src) == 600:
            break
ins = [b'\xff', b'\xc0\x80', b'\xed\xa0\x80', b'\xf0\x9f\x98', b'\xe2\x82', b'\xd8', b'\t', b'\x01', b'"',
       b'\\', b'\\u', b'\\ud800', b'\\u0627', b'\\ud83d\\ude00', b'\\n', b'\\"', b'\\\\', b'\x00', b'\\u0000',
       b'\\uZZZZ', b'\\u00', b'\xf4\x90\x80\x80', b'\xe2\x82\xac', b'\xf0\x9f\x98\x80', b'}', b'{', b'[', b']',
       b',', b':', b'a', b' ', b'0', b'01', b'1.', b'-', b'1e999', b'99999999999999999999', b'true', b'null',
       b'\xef\xbb\xbf', b'\r']
good = [b'\\n', b'\\u0627', b'\\ud83d\\ude00', b'\xe2\x82\xac', b'\xf0\x9f\x98\x80', b'\\"', b'\\\\', b'\\/', b'a',
        b' ', b'\\u00e9', b'\\\\u0000', b'\\t']
members = [b', "n": 1', b', "n": [true, {"a": null}]', b', "id": "again"', b', "text": "last"', b', "id": -7',
           b', "id": 12345678901234567', b', "x": 2.5e3', b', "t": []']
with open(out_path, 'wb') as out:
    for i in range(n):
        l = bytearray(random.choice(src))
        if i % 2:
            if random.random() < 0.5:
                l = l[:random.randint(1, min(len(l), 3000))]
            for _ in range(random.randint(1, 4)):
                p = random.randint(0, len(l))
                if random.random() < 0.85:
                    l[p:p] = random.choice(ins)
                else:
                    del l[p:p + random.randint(1, 3)]
        else:
            base = l.find(b'"text": "') + 9
            for _ in range(random.randint(1, 6)):
                if random.random() < 0.2:
                    l[len(l) - 1:len(l) - 1] = random.choice(members)
                    continue
                p = random.randint(base, len(l) - 2)
                while (l[p] & 0xC0) == 0x80:
                    p += 1
                if l[p - 1:p] != b'\\':
                    l[p:p] = random.choice(good)
        out.write(bytes(l).replace(b'\n', b' ') + b'\n')
PY
fail=0
for j in 1 2; do
  for b in new ref; do
    bin=$NEW; [ $b = ref ] && bin=$REF
    rc=0; "$bin" extract -j $j --data data $O/in.jsonl > $O/$b.out 2> $O/$b.err || rc=$?
    echo $rc > $O/$b.rc
  done
  for x in out err rc; do cmp -s $O/new.$x $O/ref.$x || { echo "jsonl_diff: -j $j: $x DIFFERENT (diff $O/new.$x $O/ref.$x)"; fail=1; }; done
done
[ $fail = 0 ] && echo "jsonl_diff: $N lines ($(wc -l < $O/ref.err) messages, $(wc -l < $O/ref.out) claims): identical, -j 1 and -j 2"
exit $fail
