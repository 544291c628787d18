// Regenerates stroke-sequences.bin from the stroke-order data of the npm package cnchar-order (MIT):
//   npm pack cnchar-order@3.2.6 && tar xzf cnchar-order-3.2.6.tgz && node make-stroke-sequences.mjs package/cnchar.order.min.js
//
// Every stroke of every character cnchar-order knows, in the five classes of the mainland standard
// (GB 13000.1 笔顺规范: 1 横, 2 竖, 3 撇, 4 点, 5 折), so 姓氏笔画 ties are broken by whole stroke
// sequences, not only the first few strokes. Each of cnchar-order's 26 stroke letters is classed
// by the stroke name in its own table (the JSON beside the orders in the same file; the script
// checks that every letter it finds there is classed here and that the names still match):
//   j 横, i 提 → 横 (提 counts as 横);  f 竖, g 竖钩 → 竖;  s 撇 → 撇;
//   k 点, d 点2 (the second form of 点, e.g. the second stroke of 宀 in 宋), l 捺 → 点;
//   every turning stroke (a b c e h m n o p q r t u v w x y z: 横折, 竖弯, 撇折, 斜钩 …) → 折.
//
// Layout: for each code point from U+3400 to U+9FFF a little-endian uint32 offset into the data
// that follows (one more offset closes the last one), then one byte per stroke (1–5); a character
// without data has an empty range.
import { readFileSync, writeFileSync } from "node:fs";

const source = readFileSync(process.argv[2], "utf8");
const orders = JSON.parse(source.match(/JSON\.parse\('(\{"一":.*?\})'\)/)[1]);
const letters = JSON.parse(source.match(/JSON\.parse\('(\{"a":\{"shape".*?\}\})'\)/)[1]);
const classOf = {
  j: [1, "横"], i: [1, "提"], f: [2, "竖"], g: [2, "竖钩"], s: [3, "撇"], k: [4, "点"], d: [4, "点2"], l: [4, "捺"],
};
for (const [letter, info] of Object.entries(letters)) {
  const known = classOf[letter];
  if (known ? known[1] !== info.name : info.type !== "折笔") {
    throw new Error(`cnchar-order's letter ${letter} is ${info.name} (${info.type}): class it by hand`);
  }
}

const FIRST = 0x3400, LAST = 0x9fff, COUNT = LAST - FIRST + 1;
const sequences = new Array(COUNT).fill("");
for (const [char, strokes] of Object.entries(orders)) {
  const cp = char.codePointAt(0);
  if (char.length === 1 && cp >= FIRST && cp <= LAST) sequences[cp - FIRST] = strokes;
}
const total = sequences.reduce((n, s) => n + s.length, 0);
const table = Buffer.alloc((COUNT + 1) * 4 + total);
let offset = 0;
for (let i = 0; i < COUNT; i++) {
  table.writeUInt32LE(offset, i * 4);
  for (const letter of sequences[i]) table[(COUNT + 1) * 4 + offset++] = classOf[letter]?.[0] ?? 5;
}
table.writeUInt32LE(offset, COUNT * 4);
writeFileSync("stroke-sequences.bin", table);
console.log(`${sequences.filter(s => s).length} characters, ${total} strokes`);
