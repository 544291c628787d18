using Microsoft.Playwright;

namespace Site.EndToEnd.Tests;

/// <summary>
/// Finds what a reader must see on one line but the browser wrapped: numbers (2026-001, 0731-5xxx1101,
/// 36%, 2,100, 9:00—12:00), dates (2026年1月12日, 2026年, 1月12日) and short terms (four characters or fewer between spaces or
/// punctuation: 已办结, 马志强, 县民政局; seven for a figure's label, 答复用时中位数). Two characters are
/// on different lines when one starts below the other's bottom. One script for every browser test that
/// checks this (table cells, figures, breadcrumbs, search hits).
/// </summary>
internal static class BrokenLines
{
    /// <summary>Each broken token, with the element it is in, inside the visible elements <paramref name="selector"/> matches.</summary>
    public static Task<string[]> FindAsync(IPage page, string selector) => page.EvaluateAsync<string[]>(Script, selector);

    /// <summary>
    /// For running text (paragraphs, notices, list items, headings), where a line may break between any two Chinese
    /// characters: each number with its unit (186 条, 10 个, 14130万元, 0731-5xxx1101), date (2026 年 10 月, spaces
    /// and all), bracketed or quoted short term (（草案）, “代表”), or name from <paramref name="names"/> (deputies:
    /// 赵大勇, 王建国) that the browser wrapped, and each line that starts with closing punctuation (，。、；：！？）》”
    /// may not begin a line: GB/T 15834 and W3C CLREQ's 行首禁则), inside the visible elements <paramref name="selector"/>
    /// matches.
    /// </summary>
    public static Task<string[]> FindInTextAsync(IPage page, string selector, IEnumerable<string> names) =>
        page.EvaluateAsync<string[]>(TextScript, new object[] { selector, names.ToArray() });

    // The text of an element is read across inline elements (a <mark> or a span.nw inside a number or a name: "花" / "石镇"
    // split at a highlight's edge), but not across blocks (two cells' figures are two tokens).
    private const string Script = """
        selector => {
          const out = [];
          const token = /\d{4}年(?:\d{1,2}月(?:\d{1,2}日)?)?|\d{1,2}月\d{1,2}日|\d[\dx]*(?:[-.:/,—–~][\dx]+)*%?|[^\s\p{P}\p{S}\d]+/gu;
          const range = document.createRange();
          const block = node => {
            let el = node.parentElement;
            while (el && getComputedStyle(el).display.startsWith('inline')) el = el.parentElement;
            return el;
          };
          for (const el of document.querySelectorAll(selector)) {
            if (!el.getClientRects().length) continue;
            const max = el.closest('.figures') ? 7 : 4;
            // Runs of text within one block: the characters with the text node and offset each came from.
            const runs = [];
            let run = null, last = null;
            const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
            for (let node; (node = walker.nextNode());) {
              const b = block(node);
              if (!run || b !== last) runs.push(run = { text: '', at: [] });
              last = b;
              for (let i = 0; i < node.data.length; i++) { run.text += node.data[i]; run.at.push([node, i]); }
            }
            for (const { text: all, at } of runs) {
              for (const m of all.matchAll(token)) {
                const text = m[0];
                if (!/^\d/.test(text) && [...text].length > max) continue;
                let first = null, wrapped = false;
                for (let i = m.index; i < m.index + text.length; i++) {
                  const [node, offset] = at[i];
                  range.setStart(node, offset); range.setEnd(node, offset + 1);
                  const r = range.getClientRects()[0];
                  if (!r || r.width === 0) continue;
                  if (!first) first = r; else if (r.top >= first.bottom - 1) wrapped = true;
                }
                if (wrapped) out.push(`"${text}" in <${el.tagName.toLowerCase()}> ${el.textContent.trim().slice(0, 40)}`);
              }
            }
          }
          return out;
        }
        """;

    private const string TextScript = """
        ([selector, names]) => {
          const out = [];
          const escape = s => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
          const parts = [
            String.raw`\d{4}\s*年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?`, String.raw`\d{1,2}\s*月\s*\d{1,2}\s*日`,
            String.raw`\d[\dx]*(?:[-.:/,—–~][\dx]+)*(?:\s?(?:%|％|万元|亿元|[个条名人件项票次天位元组期届所家户篇岁]))?`,
            String.raw`（[^（）\s]{1,4}）`, String.raw`“[^“”\s]{1,4}”`,
            ...names.filter(n => n).map(escape),
          ];
          const token = new RegExp(parts.join('|'), 'gu');
          const closing = /[，。、；：！？）》」』”’…]/u;
          const range = document.createRange();
          const block = node => {
            let el = node.parentElement;
            while (el && getComputedStyle(el).display.startsWith('inline')) el = el.parentElement;
            return el;
          };
          const seen = new Set();
          for (const el of document.querySelectorAll(selector)) {
            if (!el.getClientRects().length) continue;
            const runs = [];
            let run = null, last = null;
            const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
            for (let node; (node = walker.nextNode());) {
              // Text only screen readers get (.sr is one pixel wide) is not on a line.
              if (node.parentElement.closest('.sr, .skip, script, style, template')) continue;
              const b = block(node);
              if (!run || b !== last) runs.push(run = { text: '', at: [] });
              last = b;
              for (let i = 0; i < node.data.length; i++) { run.text += node.data[i]; run.at.push([node, i]); }
            }
            for (const { text: all, at } of runs) {
              const boxes = at.map(([node, offset]) => {
                range.setStart(node, offset); range.setEnd(node, offset + 1);
                const r = range.getClientRects()[0];
                return r && r.width > 0 && !/\s/.test(node.data[offset]) ? r : null;
              });
              const say = (what, i) => {
                const line = `${what} in <${el.tagName.toLowerCase()}> …${all.slice(Math.max(0, i - 12), i + 12).replace(/\s+/g, ' ')}…`;
                if (!seen.has(line)) { seen.add(line); out.push(line); }
              };
              for (const m of all.matchAll(token)) {
                let first = null, wrapped = false;
                for (let i = m.index; i < m.index + m[0].length; i++) {
                  const r = boxes[i];
                  if (!r) continue;
                  if (!first) first = r; else if (r.top >= first.bottom - 1) wrapped = true;
                }
                if (wrapped) say(`"${m[0]}"`, m.index);
              }
              let previous = null;
              for (let i = 0; i < all.length; i++) {
                const r = boxes[i];
                if (!r) continue;
                if (previous && r.top >= previous.bottom - 1 && closing.test(all[i])) say(`a line starting with "${all[i]}"`, i);
                previous = r;
              }
            }
          }
          return out;
        }
        """;
}
