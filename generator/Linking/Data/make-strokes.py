#!/usr/bin/env python3
"""Regenerates strokes.bin from Debian's unicode-data package (apt-get install unicode-data).

One byte per code point from U+3400 to U+9FFF: the mainland (G-source) total stroke count,
the first value of Unihan's kTotalStrokes; 0 where Unihan has none.
"""
import bz2

FIRST, LAST = 0x3400, 0x9FFF
table = bytearray(LAST - FIRST + 1)
with bz2.open("/usr/share/unicode/Unihan_IRGSources.txt.bz2", "rt", encoding="utf-8") as f:
    for line in f:
        if not line.startswith("U+"):
            continue
        code, field, value = line.rstrip("\n").split("\t")
        if field != "kTotalStrokes":
            continue
        cp = int(code[2:], 16)
        if FIRST <= cp <= LAST:
            table[cp - FIRST] = min(255, int(value.split()[0]))
with open("strokes.bin", "wb") as out:
    out.write(table)
