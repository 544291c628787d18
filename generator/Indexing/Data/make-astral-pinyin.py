#!/usr/bin/env python3
"""Regenerates astral-pinyin.txt from Debian's unicode-data package (apt-get install unicode-data).

ICU's Han-Latin transform has readings for the Basic Multilingual Plane only; names also use
characters of the CJK extensions beyond it (王𠮷, U+20BB7). One line per code point from U+20000
up: "<hex code point> <pinyin>", the pinyin in lower-case ASCII without tones (ü as u, as ICU's
Latin-ASCII writes it), taken from Unihan (Unihan_Readings.txt): kMandarin, else the first
kHanyuPinyin reading, else kXHC1983 or kTGHZ2013. A character with none of these (𠮷 is only listed
as a variant of 吉) takes the reading of the variant Unihan_Variants.txt gives for it (kZVariant,
kSemanticVariant, kSpecializedSemanticVariant, kSimplifiedVariant, kTraditionalVariant,
kSpoofingVariant, in that order), read the same way from the whole of Unihan.
"""
import bz2
import unicodedata

UNIHAN = "/usr/share/unicode/"
FIRST = 0x20000
FIELDS = ["kMandarin", "kHanyuPinyin", "kXHC1983", "kTGHZ2013"]
VARIANTS = ["kZVariant", "kSemanticVariant", "kSpecializedSemanticVariant",
            "kSimplifiedVariant", "kTraditionalVariant", "kSpoofingVariant"]


def lines(name):
    with bz2.open(UNIHAN + name, "rt", encoding="utf-8") as f:
        for line in f:
            if line.startswith("U+"):
                code, field, value = line.rstrip("\n").split("\t", 2)
                yield int(code[2:], 16), field, value


def ascii_pinyin(reading):
    plain = "".join(c for c in unicodedata.normalize("NFD", reading) if not unicodedata.combining(c))
    return "".join(c for c in plain.lower() if "a" <= c <= "z")


def first_reading(field, value):
    first = value.split()[0]
    if field in ("kHanyuPinyin", "kXHC1983", "kTGHZ2013"):
        first = first.split(":", 1)[1]
    return ascii_pinyin(first.split(",")[0])


readings = {}
for cp, field, value in lines("Unihan_Readings.txt.bz2"):
    if field in FIELDS:
        readings.setdefault(cp, {})[field] = first_reading(field, value)
best = {cp: next(r[f] for f in FIELDS if f in r) for cp, r in readings.items()}

variants = {}
for cp, field, value in lines("Unihan_Variants.txt.bz2"):
    if field in VARIANTS and cp >= FIRST:
        targets = [int(v.split("<")[0][2:], 16) for v in value.split()]
        variants.setdefault(cp, {})[field] = targets

table = {cp: r for cp, r in best.items() if cp >= FIRST and r}
for cp, fields in variants.items():
    if cp in table:
        continue
    for field in VARIANTS:
        found = [best[t] for t in fields.get(field, []) if best.get(t)]
        if found:
            table[cp] = found[0]
            break

with open("astral-pinyin.txt", "w", encoding="ascii", newline="\n") as out:
    for cp in sorted(table):
        out.write(f"{cp:X} {table[cp]}\n")
