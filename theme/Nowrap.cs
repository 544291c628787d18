using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;

namespace Site.Theme;

/// <summary>
/// Keeps what must be read in one piece on one line: a browser may break Chinese text between any two
/// characters, so on a 375 px phone "截止 2026年12月20日" came out as "截止 2026" / "年12月20日" and
/// "不满意 1 票" as "不满" / "意 1 票". Dates (2026年12月20日, 2026年12月, 1月12日, 每月8日), counts with their unit
/// (1 票, 3 名, 38 人), money (120 万元), time ranges (8:30—17:30), telephone numbers (0731-5xxx1101, which
/// broke after the hyphen) and rates (满意率 90%) in a text are wrapped in <c>&lt;span class="nw"&gt;</c>
/// (<c>white-space: nowrap</c> in site.css); the rest of the text is HTML-encoded as Razor would.
/// <para>
/// Also kept whole: a date written with spaces as office documents often are ("2026 年 10 月", which broke before
/// 月), a bracketed or quoted short term of up to four characters (（草案）, （试行）, “代表”, “履职课堂”: "（草" / "案）"
/// read as two words), names the caller gives (deputies' names in a story: "赵" / "大勇"). In a search snippet,
/// closing punctuation also stays with the character before it (outside highlights and pieces): W3C CLREQ (Requirements for Chinese Text Layout) and
/// GB/T 15834 forbid a line to start with ，。、；：！？）》」』”’, which browsers follow in running text, but a snippet
/// breaks anywhere once a run is too long for the line (<c>word-break: keep-all; overflow-wrap: anywhere</c> in
/// site.css), and there only the span kept "，" from starting a line.
/// </para>
/// </summary>
public static partial class Nowrap
{
    // A time range (8:30—17:30), a telephone number with its area code (0731-5xxx1101: the sample data masks digits
    // with x), a Chinese date (年 with 月 and 日 optional, or 月 and 日 without the year), or a count with its unit, or a label + count + unit
    // such as "不满意 1 票" (the label is the part people misread when it is split; only a label that is a whole word, with
    // no Chinese character before it: "其中网上征求意见 186 条" kept "上征求意见 186 条" and broke "网" / "上").
    private const string Times = @"\d{1,2}:\d{2}\s*[—–~～-]{1,2}\s*\d{1,2}:\d{2}|0\d{2,3}-[\dxX]{7,8}";
    private const string Dates = @"\d{4}[ \u00a0]?年(?:[ \u00a0]?\d{1,2}[ \u00a0]?月(?:[ \u00a0]?\d{1,2}[ \u00a0]?日)?)?|\d{1,2}[ \u00a0]?月(?:[ \u00a0]?\d{1,2}[ \u00a0]?日)?|\d{1,2}日";
    private const string Label = @"(?:(?<!\p{IsCJKUnifiedIdeographs})\p{IsCJKUnifiedIdeographs}{1,5}[\s\u00a0]?)?";
    private const string Count = @"\d+(?:[.,]\d+)*[\s\u00a0]?(?:[票名人件条项个次天位元组届岁%％]|万元|亿元)";
    private const string Terms = @"（[^（）\s]{1,4}）|“[^“”\s]{1,4}”";

    [GeneratedRegex(Times + "|" + Dates + "|" + Label + Count + "|" + Terms)]
    private static partial Regex Pieces();

    // Running text (Markdown): a count keeps its unit but not the word before it, which in a paragraph pushed
    // "收集意见 57 条" to a line of its own and left a ragged gap.
    [GeneratedRegex(Times + "|" + Dates + "|" + Count + "|" + Terms)]
    private static partial Regex ProsePieces();

    // W3C CLREQ's characters not allowed at the start of a line (the full-width ones Chinese text uses).
    private const string ClosingSet = "，。、；：！？）》」』”’…";

    private static bool IsClosing(char c) => ClosingSet.Contains(c);

    /// <summary>The text as HTML with its dates and counts in nowrap spans; null or empty gives empty markup.</summary>
    public static MarkupString Html(string? text) => new(Write(text, null));

    /// <summary>
    /// The same, also keeping whole each of <paramref name="names"/> (people's names: a deputy's name in running text,
    /// which a browser breaks between any two characters) where it occurs outside a date or count.
    /// </summary>
    public static string Html(string? text, NameSet? names) => Write(text, names);

    /// <summary>
    /// Where <see cref="Html(string?, NameSet?)"/> puts its nowrap spans in <paramref name="text"/>: each piece's start and
    /// length, in order, not overlapping (for writers with their own HTML escaping, such as Markdown's).
    /// </summary>
    public static List<(int Index, int Length)> Find(string text, NameSet? names) => Find(text, names, prose: false);

    /// <summary>
    /// The same for running text (<paramref name="prose"/>: a paragraph of a story or page): a count is kept with its
    /// unit only, not with the label before it.
    /// </summary>
    public static List<(int Index, int Length)> Find(string text, NameSet? names, bool prose)
    {
        var pieces = new List<(int Index, int Length)>();
        foreach (Match match in (prose ? ProsePieces() : Pieces()).Matches(text))
        {
            pieces.Add((match.Index, match.Length));
        }

        names?.AddMatches(text, pieces);
        return pieces;
    }

    private static string Write(string? text, NameSet? names)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var pieces = Find(text, names);
        var html = new StringBuilder(text.Length + 32);
        var at = 0;
        foreach (var (index, length) in pieces)
        {
            html.Append(WebUtility.HtmlEncode(text[at..index]));
            html.Append("<span class=\"nw\">").Append(WebUtility.HtmlEncode(text.Substring(index, length))).Append("</span>");
            at = index + length;
        }

        html.Append(WebUtility.HtmlEncode(text[at..]));
        return html.ToString();
    }

    /// <summary>
    /// Names to keep whole in running text (the site's deputies: 赵大勇, 欧阳红梅), made once and shared by every text
    /// written with them. A name is found by looking up each two to <see cref="Longest"/> characters in a hash set, so a
    /// roster of thousands costs no more per character than a few; the longest name at a place wins; names of one
    /// character are left out (they would keep every such character of the text).
    /// </summary>
    public sealed class NameSet
    {
        private readonly HashSet<string> _names;

        public NameSet(IEnumerable<string> names)
        {
            _names = new HashSet<string>(names.Where(n => n.Length is > 1 and <= 8 && !n.Any(char.IsWhiteSpace)), StringComparer.Ordinal);
            Longest = _names.Count == 0 ? 0 : _names.Max(n => n.Length);
        }

        /// <summary>The length of the longest name, in UTF-16 units (at most 8).</summary>
        public int Longest { get; }

        /// <summary>Adds each name found in <paramref name="text"/> outside the given pieces (sorted, not overlapping), keeping the list sorted.</summary>
        internal void AddMatches(string text, List<(int Index, int Length)> pieces)
        {
            if (Longest == 0)
            {
                return;
            }

            var lookup = _names.GetAlternateLookup<ReadOnlySpan<char>>();
            var found = new List<(int Index, int Length)>();
            var next = 0;
            var piece = 0;
            for (var i = 0; i < text.Length - 1; i++)
            {
                while (piece < pieces.Count && pieces[piece].Index + pieces[piece].Length <= i)
                {
                    piece++;
                }

                if (i < next || (piece < pieces.Count && pieces[piece].Index <= i))
                {
                    continue;
                }

                var limit = Math.Min(Longest, text.Length - i);
                if (piece < pieces.Count)
                {
                    limit = Math.Min(limit, pieces[piece].Index - i);
                }

                for (var length = limit; length > 1; length--)
                {
                    if (lookup.Contains(text.AsSpan(i, length)))
                    {
                        found.Add((i, length));
                        next = i + length;
                        break;
                    }
                }
            }

            if (found.Count > 0)
            {
                pieces.AddRange(found);
                pieces.Sort((a, b) => a.Index.CompareTo(b.Index));
            }
        }
    }

    /// <summary>
    /// A search snippet (escaped text with &lt;mark&gt; around matches, as <c>Snippets.Build</c> makes it) with its
    /// dates, times, telephone numbers and counts in nowrap spans, as <see cref="Html"/> does for plain text. A mark
    /// that starts or ends inside such a piece is split at the piece's edge (2025<c>&lt;mark&gt;</c>年花<c>&lt;/mark&gt;</c>
    /// becomes <c>&lt;span class="nw"&gt;2025&lt;mark&gt;年&lt;/mark&gt;&lt;/span&gt;&lt;mark&gt;花&lt;/mark&gt;</c>), so the
    /// markup stays well nested and the same characters are highlighted. Any other tag is kept as text.
    /// </summary>
    public static MarkupString Snippet(string? html)
    {
        if (string.IsNullOrEmpty(html))
        {
            return new MarkupString(string.Empty);
        }

        // Back to plain text and the character ranges that were marked.
        var text = new StringBuilder(html.Length);
        var marked = new List<bool>();
        var inMark = false;
        foreach (var part in MarkTags().Split(html))
        {
            if (part is "<mark>" or "</mark>")
            {
                inMark = part == "<mark>";
                continue;
            }

            var plain = WebUtility.HtmlDecode(part);
            text.Append(plain);
            marked.AddRange(Enumerable.Repeat(inMark, plain.Length));
        }

        var source = text.ToString();
        // Each piece by its number (0: none), so two pieces side by side are two spans: one span over both would hold
        // "…站：" and the piece after it as one unbreakable run, wider than a phone.
        var kept = new int[source.Length];
        var number = 0;
        foreach (Match match in Pieces().Matches(source))
        {
            Array.Fill(kept, ++number, match.Index, match.Length);
        }

        // Closing punctuation stays with the character before it, where neither is in a piece or a mark (a mark is not
        // split for it): "班，" in "…培训班，邀请…" (a surrogate pair is taken whole: "😀，").
        for (var i = 1; i < source.Length; i++)
        {
            if (!IsClosing(source[i]) || kept[i] != 0 || marked[i] || IsClosing(source[i - 1]))
            {
                continue;
            }

            var from = char.IsLowSurrogate(source[i - 1]) && i >= 2 && char.IsHighSurrogate(source[i - 2]) ? i - 2 : i - 1;
            if (char.IsWhiteSpace(source[from]) || char.IsSurrogate(source[from]) && from == i - 1 || kept[from] != 0 || kept[i - 1] != 0 || marked[from] || marked[i - 1])
            {
                continue;
            }

            var to = i + 1;
            while (to < source.Length && IsClosing(source[to]) && kept[to] == 0 && !marked[to])
            {
                to++;
            }

            Array.Fill(kept, ++number, from, to - from);
            i = to - 1;
        }

        // Runs of characters alike in both respects; a mark is closed and reopened where a piece begins or ends.
        var output = new StringBuilder(html.Length + 32);
        var (openNw, openMark) = (0, false);
        var at = 0;
        while (at < source.Length)
        {
            var end = at + 1;
            while (end < source.Length && kept[end] == kept[at] && marked[end] == marked[at])
            {
                end++;
            }

            if (openMark && (!marked[at] || openNw != kept[at]))
            {
                output.Append("</mark>");
                openMark = false;
            }

            if (openNw != kept[at])
            {
                output.Append(openNw != 0 ? "</span>" : "").Append(kept[at] != 0 ? "<span class=\"nw\">" : "");
                openNw = kept[at];
            }

            if (marked[at] && !openMark)
            {
                output.Append("<mark>");
                openMark = true;
            }

            output.Append(WebUtility.HtmlEncode(source[at..end]));
            at = end;
        }

        output.Append(openMark ? "</mark>" : "").Append(openNw != 0 ? "</span>" : "");
        return new MarkupString(output.ToString());
    }

    [GeneratedRegex("(<mark>|</mark>)")]
    private static partial Regex MarkTags();
}
