// Regenerates first-strokes.bin from the stroke-order data of the npm package cnchar-order (MIT):
//   npm pack cnchar-order@3.2.6 && tar xzf cnchar-order-3.2.6.tgz && node make-first-strokes.mjs package/cnchar.order.min.js
//
// Two bytes per code point from U+3400 to U+9FFF: the first five strokes in the five classes of the
// mainland standard (GB 13000.1 笔顺规范: 1 横, 2 竖, 3 撇, 4 点, 5 折; 提 counts as 横, 竖钩 as 竖,
// 捺 as 点, every turning stroke as 折), three bits each, first stroke in the highest bits; 0 where
// the data has no entry. Ties in 姓氏笔画 order are broken by these, stroke by stroke.
import { readFileSync, writeFileSync } from "node:fs";

const source = readFileSync(process.argv[2], "utf8");
const json = source.match(/JSON\.parse\('(\{"一":.*?\})'\)/)[1];
const orders = JSON.parse(json);
const classOf = { j: 1, i: 1, d: 1, f: 2, g: 2, s: 3, k: 4, l: 4 }; // everything else is a 折
const FIRST = 0x3400, LAST = 0x9fff;
const table = Buffer.alloc((LAST - FIRST + 1) * 2);
let count = 0;
for (const [char, letters] of Object.entries(orders)) {
  const cp = char.codePointAt(0);
  if (cp < FIRST || cp > LAST || char.length !== 1) continue;
  let packed = 0;
  for (let i = 0; i < 5; i++) {
    packed = (packed << 3) | (i < letters.length ? (classOf[letters[i]] ?? 5) : 0);
  }
  table.writeUInt16LE(packed, (cp - FIRST) * 2);
  count++;
}
writeFileSync("first-strokes.bin", table);
console.log(`${count} characters`);
