#!/usr/bin/env python3
"""Baseline for bench/run.sh: NLTK's ISRI Arabic stemmer on every Arabic
token of a UTF-8 text (the same token definition as stem_snowball.c).
Prints: bytes tokens stemmed_chars seconds (CPU time of the loop)."""
import re
import sys
import time

from nltk.stem.isri import ISRIStemmer

TOKEN = re.compile("[\u0621-\u063A\u0640-\u065F\u0670\u066E-\u06D3\u06D5]+")


def main():
    with open(sys.argv[1], "rb") as f:
        data = f.read()
    st = ISRIStemmer()
    t0 = time.process_time()
    text = data.decode("utf-8", "replace")
    n = chars = 0
    for m in TOKEN.finditer(text):
        chars += len(st.stem(m.group()))
        n += 1
    print("%d %d %d %.3f" % (len(data), n, chars, time.process_time() - t0))


if __name__ == "__main__":
    main()
