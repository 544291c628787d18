using System.Text.RegularExpressions;
using Site.Generator.Model;

namespace Site.Generator.Validation.Drafts;

/// <summary>
/// Parses a legal text in the usual layout into chapters, sections and articles. Real texts vary:
/// no chapters at all, a missing chapter heading, one/two/full-width spaces, a 目录 before 第一章,
/// stray heading lines; each of these is handled rather than rejected.
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

    [GeneratedRegex($@"^[\s\u3000]*\**第({Numeral})条\**[\s\u3000]*(.*)$")]
    private static partial Regex ArticleLine();

    [GeneratedRegex(@"^#*[\s\u3000]*目[\s\u3000]*录[\s\u3000]*$")]
    private static partial Regex ContentsLine();

    /// <param name="firstLine">Line of the file the text starts on, so problems point into the file.</param>
    public static Result Parse(string text, int firstLine = 1)
    {
        var problems = new List<Problem>();
        string? title = null;
        var preamble = new List<string>();
        var chapters = new List<ChapterBuilder>();
        var articles = new List<ArticleBuilder>();
        var inContents = false;
        var contentsChapters = new HashSet<int>();
        ChapterBuilder? chapter = null;
        SectionBuilder? section = null;
        ArticleBuilder? article = null;

        var lines = text.Replace("\r\n", "\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var lineNumber = firstLine + i;
            var line = lines[i].Trim().Trim('\u3000');
            if (line.Length == 0 || line.StartsWith("<!--", StringComparison.Ordinal))
            {
                continue;
            }

            if (title is null && line.StartsWith("# ", StringComparison.Ordinal) && articles.Count == 0)
            {
                title = line[2..].Trim();
                continue;
            }

            if (ContentsLine().IsMatch(line))
            {
                inContents = true;
                continue;
            }

            var chapterMatch = ChapterLine().Match(line);
            if (chapterMatch.Success)
            {
                var number = ChineseNumerals.Parse(chapterMatch.Groups[1].Value) ?? 0;
                if (inContents && contentsChapters.Add(number))
                {
                    continue; // an entry of the 目录, not the chapter itself
                }

                inContents = false;
                chapter = new ChapterBuilder(number, Clean(chapterMatch.Groups[2].Value));
                chapters.Add(chapter);
                section = null;
                article = null;
                continue;
            }

            var sectionMatch = SectionLine().Match(line);
            if (sectionMatch.Success)
            {
                if (inContents)
                {
                    continue;
                }

                chapter ??= AddImplicitChapter(chapters);
                section = new SectionBuilder(ChineseNumerals.Parse(sectionMatch.Groups[1].Value) ?? 0, Clean(sectionMatch.Groups[2].Value));
                chapter.Sections.Add(section);
                article = null;
                continue;
            }

            if (inContents && articles.Count == 0 && !ArticleLine().IsMatch(line) && line.Length <= 20)
            {
                continue; // 目录 entries such as 附则 without a chapter number
            }

            inContents = false;
            var articleMatch = ArticleLine().Match(line);
            if (articleMatch.Success)
            {
                var number = ChineseNumerals.Parse(articleMatch.Groups[1].Value) ?? 0;
                var expected = articles.Count == 0 ? 1 : articles[^1].Number + 1;
                if (articles.Any(a => a.Number == number))
                {
                    // A paragraph that starts by citing another article ("第五条规定的…"), not a new article.
                    problems.Add(new Problem(lineNumber, $"第{ChineseNumerals.Format(number)}条重复出现，按上一条的段落处理"));
                    article?.Paragraphs.Add(line);
                    continue;
                }

                if (number != expected)
                {
                    problems.Add(new Problem(lineNumber, $"条文编号不连续：应为第{ChineseNumerals.Format(expected)}条，实为第{ChineseNumerals.Format(number)}条"));
                }

                article = new ArticleBuilder(number, lineNumber, chapter, section);
                var rest = articleMatch.Groups[2].Value.Trim();
                if (rest.Length > 0)
                {
                    article.Paragraphs.Add(rest);
                }

                articles.Add(article);
                (section?.Articles ?? chapter?.Articles)?.Add(number);
                continue;
            }

            var plain = line.TrimStart('#').Trim();
            if (article is not null)
            {
                article.Paragraphs.Add(plain);
            }
            else if (articles.Count == 0 && chapters.Count == 0)
            {
                preamble.Add(plain);
            }
            else
            {
                problems.Add(new Problem(lineNumber, $"无法归入任何条文的文字：“{Shorten(plain)}”"));
            }
        }

        // Articles before the first chapter heading, in a text that has chapters, get an unnamed chapter.
        var orphans = articles.Where(a => a.Chapter is null).Select(a => a.Number).ToList();
        var builtChapters = chapters.Select(c => c.Build()).ToList();
        if (orphans.Count > 0 && chapters.Count > 0)
        {
            builtChapters.Insert(0, new DraftChapter(0, "", "chapter-0", [], orphans));
        }

        var built = articles.Select(a => a.Build()).ToList();
        return new Result(title, new DraftText(preamble, builtChapters, built), problems);
    }

    private static ChapterBuilder AddImplicitChapter(List<ChapterBuilder> chapters)
    {
        var chapter = new ChapterBuilder(0, "");
        chapters.Add(chapter);
        return chapter;
    }

    private static string Clean(string title) => Regex.Replace(title.Trim().Trim('\u3000'), @"[\s\u3000]+", " ");

    private static string Shorten(string text) => text.Length <= 20 ? text : text[..20] + "…";

    private sealed class ChapterBuilder(int number, string title)
    {
        public int Number { get; } = number;

        public List<SectionBuilder> Sections { get; } = [];

        public List<int> Articles { get; } = [];

        public DraftChapter Build() => new(
            Number,
            title,
            $"chapter-{Number}",
            Sections.Select(s => new DraftSection(s.Number, s.Title, $"chapter-{Number}-section-{s.Number}", s.Articles)).ToList(),
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
}
