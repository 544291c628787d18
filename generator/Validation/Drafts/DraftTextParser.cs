using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Site.Generator.Model;

namespace Site.Generator.Validation.Drafts;

/// <summary>
/// Parses a legal text in the usual layout into chapters, sections and articles. Real texts vary:
/// no chapters at all, a missing chapter heading, one/two/full-width spaces, a 目录 before 第一章,
/// stray heading lines; each of these is handled rather than rejected. Text pasted from a PDF comes
/// hard-wrapped: a line that does not end a sentence, followed by one that starts no article, item,
/// chapter or section, continues the paragraph (a blank line always ends one). A line that begins by
/// citing an article ("依照\n第三条的规定…") is not that article's heading: headings follow their sequence.
/// </summary>
public static partial class DraftTextParser
{
    public sealed record Problem(int Line, string Message);

    public sealed record Result(string? Title, DraftText Text, IReadOnlyList<Problem> Problems);

    private const string Numeral = "[零〇一二两三四五六七八九十百千]+";

    [GeneratedRegex($@"^#*[\s\u3000]*第({Numeral})章[\s\u3000]*(.*)$")]
    private static partial Regex ChapterLine();

    [GeneratedRegex($@"^#*[\s\u3000]*第({Numeral})节[\s\u3000]*(.*)$")]
    private static partial Regex SectionLine();

    [GeneratedRegex($@"^[\s\u3000]*\**第({Numeral})条\**(.*)$")]
    private static partial Regex ArticleLine();

    [GeneratedRegex(@"^#*[\s\u3000]*目[\s\u3000]*录[\s\u3000]*$")]
    private static partial Regex ContentsLine();

    /// <summary>An item of an article: （一） (1) （1） 一、 1. 1．1、 (not 1.5米).</summary>
    [GeneratedRegex(@"^(（[零〇一二三四五六七八九十]+）|\([0-9]+\)|（[0-9]+）|[一二三四五六七八九十]+、|[0-9]+[.．、](?![0-9]))")]
    private static partial Regex ItemLine();

    /// <summary>附件 / 附件一 / 附件2：名称 — an attachment after the last article.</summary>
    [GeneratedRegex(@"^#*[\s\u3000]*附件[\s\u3000]*([一二三四五六七八九十0-9]*)[\s\u3000：:]*(.*)$")]
    private static partial Regex AttachmentLine();

    /// <summary>What follows 第N条 when the line cites the article rather than starting it (第三条的规定, 第三条第二款, 第三条、第五条).</summary>
    private const string CitationFollowers = "的规之第至和与或及、，,所中款项（(》〉”";

    /// <summary>The parts legal texts commonly have, written without 第X章 in some texts.</summary>
    private static readonly HashSet<string> KnownHeadings =
        ["总则", "附则", "法律责任", "罚则", "一般规定", "监督管理", "监督检查", "保障措施", "分则"];

    /// <summary>Characters that end a sentence, so a line ending in one does not continue on the next.</summary>
    private const string SentenceEnds = "。！？；：…!?;:";

    /// <summary>Closing marks that may follow a sentence end (……。” ；）).</summary>
    private const string Closers = "”’）)」』》〉】";

    /// <param name="firstLine">Line of the file the text starts on, so problems point into the file.</param>
    public static Result Parse(string text, int firstLine = 1)
    {
        var state = new State();
        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        var clean = new string[lines.Length];
        for (var i = 0; i < lines.Length; i++)
        {
            clean[i] = StripInvisible(lines[i], firstLine + i, state.Problems);
        }

        for (var i = 0; i < clean.Length; i++)
        {
            state.Line(clean[i], firstLine + i, NextLine(clean, i));
        }

        return state.Finish();
    }

    /// <summary>The next non-blank line after <paramref name="index"/>, trimmed, or null.</summary>
    private static string? NextLine(string[] lines, int index)
    {
        for (var j = index + 1; j < lines.Length; j++)
        {
            var line = Trim(lines[j]);
            if (line.Length > 0)
            {
                return line;
            }
        }

        return null;
    }

    private static string Trim(string line) => line.Trim().Trim('\u3000').Trim();

    private sealed class State
    {
        public List<Problem> Problems { get; } = [];

        private readonly List<string> _preamble = [];
        private readonly List<ChapterBuilder> _chapters = [];
        private readonly List<ArticleBuilder> _articles = [];
        private readonly List<AttachmentBuilder> _attachments = [];
        private readonly HashSet<int> _contentsChapters = [];
        private readonly List<string> _table = [];
        private string? _title;
        private bool _inContents;
        private ChapterBuilder? _chapter;
        private SectionBuilder? _section;
        private ArticleBuilder? _article;
        private AttachmentBuilder? _attachment;
        private int _bareHeadings;

        /// <summary>The paragraph list whose last paragraph is still open (did not end a sentence), or null.</summary>
        private List<string>? _open;

        public void Line(string raw, int lineNumber, string? next)
        {
            var line = Trim(raw);
            if (line.StartsWith('|'))
            {
                _table.Add(line);
                _open = null;
                return;
            }

            FlushTable();
            if (line.Length == 0)
            {
                _open = null; // a blank line always ends a paragraph
                return;
            }

            if (line.StartsWith("<!--", StringComparison.Ordinal))
            {
                return;
            }

            if (_title is null && line.StartsWith("# ", StringComparison.Ordinal) && _articles.Count == 0)
            {
                _title = line[2..].Trim();
                return;
            }

            if (ContentsLine().IsMatch(line))
            {
                _inContents = true;
                _open = null;
                return;
            }

            if (_attachment is null && Chapter(line) || _attachment is null && Section(line))
            {
                _open = null;
                return;
            }

            if (_inContents && _articles.Count == 0 && !ArticleLine().IsMatch(line) && line.Length <= 20)
            {
                return; // 目录 entries such as 附则 without a chapter number
            }

            _inContents = false;
            if (_attachment is null && _articles.Count > 0 && _open is null && AttachmentLine().Match(line) is { Success: true } attachment)
            {
                var number = attachment.Groups[1].Value;
                var name = attachment.Groups[2].Value.Trim();
                _attachment = new AttachmentBuilder(
                    name.Length == 0 ? $"附件{number}" : $"附件{number} {name}",
                    $"attachment-{_attachments.Count + 1}");
                _attachments.Add(_attachment);
                _article = null;
                return;
            }

            if (_attachment is null && Article(line, lineNumber))
            {
                return;
            }

            var plain = line.TrimStart('#').Trim();
            if (_attachment is null && IsBareHeading(plain, next))
            {
                _bareHeadings++;
                _chapter = new ChapterBuilder(0, plain, $"part-{_bareHeadings}");
                _chapters.Add(_chapter);
                _section = null;
                _article = null;
                _open = null;
                return;
            }

            var headingLike = _attachment is null && _article is not null && _open is null && KnownHeadings.Contains(Regex.Replace(plain, @"[\s\u3000]+", ""));
            if (headingLike)
            {
                Problems.Add(new Problem(lineNumber, $"“{plain}”像是一个标题，但下一行不是第{ChineseNumerals.Format(_articles[^1].Number + 1)}条，已按第{ChineseNumerals.Format(_article!.Number)}条的段落处理；若是标题，请写成“第X章 {plain}”"));
            }

            var target = _attachment?.Paragraphs ?? _article?.Paragraphs
                ?? (_articles.Count == 0 && _chapters.Count == 0 ? _preamble : null);
            if (target is null)
            {
                Problems.Add(new Problem(lineNumber, $"无法归入任何条文的文字：“{Visible(Shorten(plain))}”"));
                return;
            }

            Add(target, plain, ItemLine().IsMatch(plain));
            if (headingLike)
            {
                _open = null; // a heading's line never runs on into the next
            }
        }

        /// <summary>Adds a paragraph, or continues the open one when the line carries on a wrapped sentence.</summary>
        private void Add(List<string> target, string text, bool startsItem)
        {
            var continues = target.Count > 0 && ReferenceEquals(target, _open) && !startsItem;
            var orphanPunctuation = target.Count > 0 && "。，；：、！？”’）」』》".Contains(text[0]);
            if (continues || orphanPunctuation)
            {
                target[^1] = JoinWrapped(target[^1], text);
            }
            else
            {
                target.Add(text);
            }

            _open = EndsSentence(target[^1]) ? null : target;
        }

        private bool Chapter(string line)
        {
            var match = ChapterLine().Match(line);
            if (!match.Success || IsCitation(match, _open is not null))
            {
                return false;
            }

            var number = ChineseNumerals.Parse(match.Groups[1].Value) ?? 0;
            if (_inContents && _contentsChapters.Add(number))
            {
                return true; // an entry of the 目录, not the chapter itself
            }

            _inContents = false;
            _chapter = new ChapterBuilder(number, Clean(match.Groups[2].Value), $"chapter-{number}");
            _chapters.Add(_chapter);
            _section = null;
            _article = null;
            return true;
        }

        private bool Section(string line)
        {
            var match = SectionLine().Match(line);
            if (!match.Success || IsCitation(match, _open is not null))
            {
                return false;
            }

            if (!_inContents)
            {
                _chapter ??= AddImplicitChapter();
                _section = new SectionBuilder(ChineseNumerals.Parse(match.Groups[1].Value) ?? 0, Clean(match.Groups[2].Value));
                _chapter.Sections.Add(_section);
                _article = null;
            }

            return true;
        }

        /// <summary>A line starting 第N条 is the next article's heading, or text that cites an article.</summary>
        private bool Article(string line, int lineNumber)
        {
            var match = ArticleLine().Match(line);
            if (!match.Success)
            {
                return false;
            }

            var number = ChineseNumerals.Parse(match.Groups[1].Value) ?? 0;
            var rest = match.Groups[2].Value;
            var spaced = rest.Length == 0 || char.IsWhiteSpace(rest[0]);
            if (!spaced && CitationFollowers.Contains(rest[0]))
            {
                return false; // 第三条的规定…, 第三条第二款…: a citation
            }

            var last = _articles.Count == 0 ? 0 : _articles[^1].Number;
            var expected = last + 1;
            var continuing = _open is not null;
            if (number == expected && (spaced || !continuing))
            {
                Start(number, rest, lineNumber);
                return true;
            }

            if (!spaced || continuing)
            {
                return false; // a citation that begins a wrapped line: 依照\n第五条规定…
            }

            if (number <= last)
            {
                Problems.Add(new Problem(lineNumber, $"第{ChineseNumerals.Format(number)}条重复出现（上一条是第{ChineseNumerals.Format(last)}条），按上一条的段落处理"));
                return false;
            }

            Problems.Add(new Problem(lineNumber, $"条文编号不连续：应为第{ChineseNumerals.Format(expected)}条，实为第{ChineseNumerals.Format(number)}条"));
            Start(number, rest, lineNumber);
            return true;
        }

        private void Start(int number, string rest, int lineNumber)
        {
            _article = new ArticleBuilder(number, lineNumber, _chapter, _section);
            _articles.Add(_article);
            (_section?.Articles ?? _chapter?.Articles)?.Add(number);
            _open = null;
            rest = Trim(rest);
            if (rest.Length > 0)
            {
                Add(_article.Paragraphs, rest, startsItem: false);
            }
        }

        /// <summary>
        /// "法律责任" or "附则" on a line of its own, as texts without 第X章 write their parts: short, no
        /// punctuation, after a finished paragraph, and followed by the next article.
        /// </summary>
        private bool IsBareHeading(string line, string? next)
        {
            if (_open is not null || line.Length > 15 || line.Any(c => char.IsPunctuation(c) || char.IsDigit(c))
                || (_articles.Count == 0 && _preamble.Count == 0 && _title is null) || next is null)
            {
                return false;
            }

            var match = ArticleLine().Match(next);
            var rest = match.Groups[2].Value;
            return match.Success
                && ChineseNumerals.Parse(match.Groups[1].Value) == (_articles.Count == 0 ? 1 : _articles[^1].Number + 1)
                && (rest.Length == 0 || char.IsWhiteSpace(rest[0]));
        }

        private void FlushTable()
        {
            if (_table.Count == 0)
            {
                return;
            }

            var table = string.Join('\n', _table);
            _table.Clear();
            var target = _attachment?.Paragraphs ?? _article?.Paragraphs ?? _preamble;
            target.Add(table);
        }

        private ChapterBuilder AddImplicitChapter()
        {
            var chapter = new ChapterBuilder(0, "", "chapter-0");
            _chapters.Add(chapter);
            return chapter;
        }

        public Result Finish()
        {
            FlushTable();

            // Articles before the first chapter heading, in a text that has chapters, get an unnamed chapter.
            var orphans = _articles.Where(a => a.Chapter is null).Select(a => a.Number).ToList();
            var builtChapters = _chapters.Select(c => c.Build()).ToList();
            if (orphans.Count > 0 && _chapters.Count > 0)
            {
                builtChapters.Insert(0, new DraftChapter(0, "", "chapter-0", [], orphans));
            }

            var built = _articles.Select(a => a.Build()).ToList();
            var attachments = _attachments.Select(a => new DraftAttachment(a.Title, a.Anchor, a.Paragraphs)).ToList();
            return new Result(_title, new DraftText(_preamble, builtChapters, built, attachments), Problems);
        }
    }

    /// <summary>Two pieces of one wrapped line: Chinese joins as written; a space only between two Latin letters.</summary>
    public static string JoinWrapped(string before, string after) =>
        before.Length > 0 && after.Length > 0 && char.IsAsciiLetter(before[^1]) && char.IsAsciiLetter(after[0])
            ? before + " " + after
            : before + after;

    /// <summary>Whether a paragraph ends a sentence (。；： and the like, possibly followed by ”）).</summary>
    public static bool EndsSentence(string text)
    {
        var end = text.AsSpan().TrimEnd(Closers);
        return !end.IsEmpty && SentenceEnds.Contains(end[^1]);
    }

    /// <summary>
    /// 第三章规定的… or, on a wrapped line, 第三章有关…: a chapter or section cited, not its heading. A
    /// heading has a space (or nothing) after 章/节.
    /// </summary>
    private static bool IsCitation(Match match, bool continuing)
    {
        var title = match.Groups[2];
        var spaced = title.Length == 0 || title.Index > match.Groups[1].Index + match.Groups[1].Length + 1;
        return !spaced && (continuing || CitationFollowers.Contains(title.Value[0]));
    }

    /// <summary>
    /// Characters that show nothing but change the text (found in real texts copied from web pages and
    /// PDFs): zero-width space/joiners, word joiner, soft hyphen, bidirectional marks, byte order mark.
    /// </summary>
    public static bool IsInvisible(char c) =>
        c is '\u200B' or '\u200C' or '\u200D' or '\u200E' or '\u200F' or '\u00AD' or '\u180E' or '\uFEFF'
        || c is >= '\u2060' and <= '\u2064' || c is >= '\u202A' and <= '\u202E' || c is >= '\u2066' and <= '\u2069';

    private static readonly Dictionary<char, string> InvisibleNames = new()
    {
        ['\u200B'] = "零宽空格", ['\u200C'] = "零宽不连字", ['\u200D'] = "零宽连字", ['\u2060'] = "字连接符",
        ['\uFEFF'] = "零宽不换行空格（BOM）", ['\u00AD'] = "软连字符", ['\u200E'] = "从左到右标记", ['\u200F'] = "从右到左标记",
    };

    private static string StripInvisible(string line, int lineNumber, List<Problem> problems)
    {
        if (!line.Any(IsInvisible))
        {
            return line;
        }

        var found = line.Where(IsInvisible).Distinct().Select(Name);
        problems.Add(new Problem(lineNumber, $"这一行有看不见的字符 {string.Join("、", found)}，已去掉"));
        return new string(line.Where(c => !IsInvisible(c)).ToArray());
    }

    /// <summary>U+200B（零宽空格）: how a message names a character it cannot show.</summary>
    public static string Name(char c) =>
        InvisibleNames.TryGetValue(c, out var name) ? $"U+{(int)c:X4}（{name}）" : $"U+{(int)c:X4}";

    /// <summary>Text for a message: any character that shows nothing is named, never printed as an empty quote.</summary>
    public static string Visible(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var category = char.GetUnicodeCategory(c);
            if (IsInvisible(c) || category is UnicodeCategory.Format or UnicodeCategory.Control)
            {
                builder.Append('[').Append(Name(c)).Append(']');
            }
            else
            {
                builder.Append(c);
            }
        }

        return string.IsNullOrWhiteSpace(builder.ToString())
            ? $"（只有空白字符 {string.Join("、", text.Distinct().Select(Name))}）"
            : builder.ToString();
    }

    private static string Clean(string title) => Regex.Replace(title.Trim().Trim('\u3000'), @"[\s\u3000]+", " ");

    private static string Shorten(string text) => text.Length <= 20 ? text : text[..20] + "…";

    private sealed class ChapterBuilder(int number, string title, string anchor)
    {
        public int Number { get; } = number;

        public List<SectionBuilder> Sections { get; } = [];

        public List<int> Articles { get; } = [];

        public DraftChapter Build() => new(
            Number,
            title,
            anchor,
            Sections.Select(s => new DraftSection(s.Number, s.Title, $"{anchor}-section-{s.Number}", s.Articles)).ToList(),
            Articles);
    }

    private sealed class SectionBuilder(int number, string title)
    {
        public int Number { get; } = number;

        public string Title { get; } = title;

        public List<int> Articles { get; } = [];
    }

    private sealed class ArticleBuilder(int number, int line, ChapterBuilder? chapter, SectionBuilder? section)
    {
        public int Number { get; } = number;

        public ChapterBuilder? Chapter { get; } = chapter;

        public SectionBuilder? Section { get; } = section;

        public List<string> Paragraphs { get; } = [];

        public DraftArticle Build() =>
            new(Number, $"第{ChineseNumerals.Format(Number)}条", DraftArticle.AnchorFor(Number), Paragraphs, line);
    }

    private sealed class AttachmentBuilder(string title, string anchor)
    {
        public string Title { get; } = title;

        public string Anchor { get; } = anchor;

        public List<string> Paragraphs { get; } = [];
    }
}
