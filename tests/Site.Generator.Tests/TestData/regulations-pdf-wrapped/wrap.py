#!/usr/bin/env python3
"""Makes the PDF-wrapped form of each regulation in ../regulations, as text copied out of a PDF reads.

A PDF keeps no paragraphs, only printed lines: Markdown marks and blank lines are gone, each paragraph
starts with a two-character full-width indent and is cut every WIDTH characters, wherever that falls
(inside a word, before a lone "。", before a citation such as "第三条的规定"). Run from this folder:
    python3 wrap.py
"""
import pathlib

WIDTH = 28  # Han characters on one line of an A4 page set in 16 pt, as the official gazettes print

here = pathlib.Path(__file__).parent
source = here.parent / "regulations"
for clean in sorted(source.rglob("*.md")):
    out = []
    for line in clean.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("<!--"):
            continue
        line = line.lstrip("#").strip()
        text = "\u3000\u3000" + line
        out.extend(text[i:i + WIDTH] for i in range(0, len(text), WIDTH))
    target = here / clean.relative_to(source)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text("\n".join(out) + "\n", encoding="utf-8")
