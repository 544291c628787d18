using System.Text.RegularExpressions;
using Site.Generator.Diagnostics;
using Site.Generator.Loading;
using Site.Generator.Model;
using Site.Generator.Validation.Drafts;
using Site.Generator.Vocabulary;

namespace Site.Generator.Validation;

/// <summary>content/drafts/*.md → <see cref="Draft"/>: the header, then the legal text parsed into articles.</summary>
public static class DraftValidator
{
    private static IReadOnlyDictionary<string, string> Labels => DraftVocabulary.Fields.Labels;

    private static IReadOnlyDictionary<string, string> FeedbackLabels => DraftVocabulary.FeedbackFields.Labels;

    private static string[] Readings => DraftVocabulary.Readings;

    public static Draft? Validate(SourceDocument document, ValidatedSite site, DiagnosticBag diagnostics)
    {
        var fields = new FieldReader(document.FrontMatter, diagnostics, Labels);
        var office = fields.String("office", required: true);
        var reading = fields.OneOf("reading", Readings, required: true);
        var opens = fields.Date("opens", required: true);
        var closes = fields.Date("closes", required: true);
        if (opens is not null && closes is not null && closes < opens)
        {
            fields.Error(DiagnosticCodes.BadDate, fields.LocationOf("closes"), "closes", "截止日期早于开始日期");
        }

        var contactPoints = fields.List("contactPoints");
        site.References.AddRange(contactPoints.Select(c =>
            new Reference(ReferenceKind.Station, c.Value, c.Location, "contactPoints（基层立法联系点）")));
        var summary = fields.String("summary");
        var explanation = fields.String("explanation");
        var explanationLine = fields.LocationOf("explanation").Line;
        var feedback = ReadFeedback(fields, document, diagnostics);
        var titleField = fields.String("title");
        var slug = StoryValidator.Slug(fields, document);
        var previous = fields.Name("previous");
        var previousLocation = fields.LocationOf("previous");
        if (previous is not null)
        {
            site.References.Add(new Reference(ReferenceKind.Draft, previous, previousLocation, "previous（上一审次草案）"));
        }

        fields.ReportUnknownKeys();

        var parsed = DraftTextParser.Parse(document.Body, document.BodyStartLine);
        if (feedback is not null)
        {
            var numbers = parsed.Text.Articles.Select(a => a.Number).ToHashSet();
            foreach (var (number, location) in feedback.ArticleLocations)
            {
                if (!numbers.Contains(number))
                {
                    fields.Error(DiagnosticCodes.BadValue, location, "feedback", $"逐条采纳情况写的是第{ChineseNumerals.Format(number)}条，但本草案正文没有这一条");
                }
            }
        }

        foreach (var problem in parsed.Problems)
        {
            diagnostics.Warning(DiagnosticCodes.DraftStructure, new SourceLocation(document.RelativePath, problem.Line), problem.Message);
        }

        if (explanation is not null)
        {
            CheckStatedCounts(explanation, parsed.Text, new SourceLocation(document.RelativePath, explanationLine), diagnostics);
        }

        var title = titleField ?? parsed.Title;
        if (title is null)
        {
            fields.Error(DiagnosticCodes.MissingField, document.FrontMatter.Location, "title", "缺少标题：请在文件头写 title，或在正文第一行写“# 标题”");
        }

        if (parsed.Text.Articles.Count == 0)
        {
            diagnostics.Error(
                DiagnosticCodes.DraftStructure,
                new SourceLocation(document.RelativePath, document.BodyStartLine),
                "正文中没有找到任何条文（第一条、第二条……），无法逐条征求意见");
            return null;
        }

        if (feedback is { Feedback: null } || fields.ErrorCount > 0 || slug is null || title is null || office is null || reading is null || opens is null || closes is null)
        {
            return null;
        }

        var titleLocation = titleField is null ? new SourceLocation(document.RelativePath, document.BodyStartLine) : fields.LocationOf("title");

        // The title as published names the reading (（草案二次审议稿）), so two readings of one regulation
        // never share a title; a title that names another reading than reading: is left as written, and said.
        var (published, otherReading) = DraftTitles.Published(title, reading);
        if (otherReading is not null)
        {
            diagnostics.Warning(
                DiagnosticCodes.DraftTitleReading,
                titleLocation,
                $"标题“{title}”写的是{otherReading}的稿本，但审次（reading）是“{reading}”：请核对，两者一致后读者才分得清各审次（{reading}的标题写作“…（{DraftTitles.Qualifier(reading)}）”）");
        }

        title = published;

        return new Draft(
            new DraftId(slug),
            document.RelativePath,
            title,
            office,
            reading,
            opens.Value,
            closes.Value,
            contactPoints.Select(c => new StationId(c.Value)).ToList(),
            summary,
            explanation is null ? null : new MarkdownSource(document.RelativePath, explanation, explanationLine + 1, Folder(document)),
            feedback?.Feedback,
            parsed.Text)
        {
            Previous = previous is null ? null : new DraftId(previous),
            PreviousLocation = previous is null ? null : previousLocation,
            TitleLocation = titleLocation,
        };
    }

    private const string CountNumeral = "[零〇一二两三四五六七八九十百0-9]+";

    /// <summary>“共四章二十条”, “分为四章、二十条”: the counts an explanatory note states.</summary>
    private static readonly Regex ChaptersAndArticles = new($"(?<!第)({CountNumeral})章[，、,和]?共?({CountNumeral})条", RegexOptions.CultureInvariant);

    /// <summary>“共二十条” without chapters.</summary>
    private static readonly Regex ArticlesOnly = new($"共({CountNumeral})条", RegexOptions.CultureInvariant);

    /// <summary>
    /// A warning when the 起草说明 states how many chapters or articles the draft has and the text
    /// says otherwise (a note written for an earlier version, or a text pasted incompletely).
    /// </summary>
    public static void CheckStatedCounts(string explanation, DraftText text, SourceLocation location, DiagnosticBag diagnostics)
    {
        var chapters = text.Chapters.Count(c => c.Number > 0 || c.Title.Length > 0);
        var articles = text.Articles.Count;
        var both = ChaptersAndArticles.Match(explanation);
        var stated = both.Success ? both : ArticlesOnly.Match(explanation);
        if (!stated.Success)
        {
            return;
        }

        int? Count(string value) => value.All(char.IsAsciiDigit) ? int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) : ChineseNumerals.Parse(value);
        var statedChapters = both.Success ? Count(both.Groups[1].Value) : null;
        var statedArticles = Count(stated.Groups[stated.Groups.Count - 1].Value);
        if ((statedChapters is { } c && c != chapters) || (statedArticles is { } a && a != articles))
        {
            diagnostics.Warning(
                DiagnosticCodes.DraftStructure,
                location,
                $"起草说明写的是“{stated.Value}”，正文实际是{(chapters > 0 ? $"{ChineseNumerals.Format(chapters)}章" : "")}{ChineseNumerals.Format(articles)}条：请核对说明或正文是否完整");
        }
    }

    /// <summary>“共收到意见 252 条”, “共收到意见二百五十二条”: the total a report's text states.</summary>
    private static readonly Regex StatedReceived = new($"共收到(?:各类)?(?:意见|意见建议)?\\s*({CountNumeral})\\s*条", RegexOptions.CultureInvariant);

    /// <summary>“采纳和部分采纳 31 条”, “采纳或部分采纳意见 31 条”.</summary>
    private static readonly Regex StatedAdopted = new($"采纳[和或及、]部分采纳(?:意见|意见建议)?\\s*({CountNumeral})\\s*条", RegexOptions.CultureInvariant);

    /// <summary>
    /// A warning for each figure the report's text states unlike the record beside it: its total
    /// (共收到意见 N 条 against <c>received</c>), what was adopted (采纳和部分采纳 N 条 against
    /// <c>adopted</c>) and a channel named with its count (网上征求意见 N 条 against <c>channels</c>).
    /// The page shows both, so a report written for other figures would say two things at once.
    /// </summary>
    public static void CheckReportFigures(string report, int received, int adopted, IReadOnlyList<ChannelCount> channels, SourceLocation location, DiagnosticBag diagnostics)
    {
        static int? Count(string value) => value.All(char.IsAsciiDigit)
            ? int.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null
            : ChineseNumerals.Parse(value);

        void Check(Match match, int recorded, string field)
        {
            if (match.Success && Count(match.Groups[1].Value) is { } stated && stated != recorded)
            {
                diagnostics.Warning(
                    DiagnosticCodes.DraftFeedbackFigures,
                    location,
                    $"采纳情况说明（report）写的是“{match.Value}”，但{field}是 {recorded}：页面会同时显示两个数字，请核对");
            }
        }

        Check(StatedReceived.Match(report), received, "收到意见条数（received）");
        Check(StatedAdopted.Match(report), adopted, "采纳条数（adopted）");
        foreach (var channel in channels)
        {
            Check(new Regex(Regex.Escape(channel.Channel) + $"\\s*({CountNumeral})\\s*条", RegexOptions.CultureInvariant).Match(report), channel.Count, $"各渠道意见条数（channels）中“{channel.Channel}”");
        }
    }

    /// <summary>The report, with where each of its per-article outcomes names its article (checked against the text once it is parsed).</summary>
    private sealed record FeedbackRead(DraftFeedback? Feedback, IReadOnlyList<(int Number, SourceLocation Location)> ArticleLocations);

    private static FeedbackRead? ReadFeedback(FieldReader fields, SourceDocument document, DiagnosticBag diagnostics)
    {
        if (fields.Node("feedback") is not RawMap map)
        {
            return null;
        }

        var feedback = new FieldReader(map, diagnostics, FeedbackLabels);
        var published = feedback.Date("published", required: true);
        var received = feedback.Int("received", required: true, min: 0);
        var adopted = feedback.Int("adopted", required: true, min: 0);
        var report = feedback.String("report", required: true);
        if (received is not null && adopted > received)
        {
            feedback.Error(DiagnosticCodes.BadNumber, feedback.LocationOf("adopted"), "adopted", $"采纳条数（{adopted}）多于收到的意见条数（{received}）");
        }

        var bad = false;
        var outcomes = new List<ArticleOutcome>();
        var locations = new List<(int, SourceLocation)>();
        foreach (var item in Items(feedback, "articles"))
        {
            var entry = new FieldReader(item, diagnostics, DraftVocabulary.OutcomeFields.Labels);
            var articleText = entry.String("article", required: true);
            var outcome = entry.OneOf("outcome", DraftVocabulary.Outcomes, required: true);
            var reason = entry.String("reason");
            entry.ReportUnknownKeys();
            int? number = articleText is null ? null : ArticleNumber(articleText);
            if (articleText is not null && number is null)
            {
                entry.Error(DiagnosticCodes.BadValue, entry.LocationOf("article"), "article", $"“{articleText}”不是条文序号，请写成 第三条 或 3");
            }
            else if (number is { } n && locations.Any(l => l.Item1 == n))
            {
                entry.Error(DiagnosticCodes.DuplicateId, entry.LocationOf("article"), "article", $"第{ChineseNumerals.Format(n)}条的采纳情况写了两次");
            }

            if (number is not null)
            {
                locations.Add((number.Value, entry.LocationOf("article")));
            }

            if (entry.ErrorCount > 0 || number is null || outcome is null)
            {
                bad = true;
                continue;
            }

            outcomes.Add(new ArticleOutcome(number.Value, outcome, reason));
        }

        var channels = new List<ChannelCount>();
        foreach (var item in Items(feedback, "channels"))
        {
            var entry = new FieldReader(item, diagnostics, DraftVocabulary.ChannelFields.Labels);
            var channel = entry.String("channel", required: true);
            var count = entry.Int("count", required: true, min: 0);
            entry.ReportUnknownKeys();
            if (entry.ErrorCount > 0 || channel is null || count is null)
            {
                bad = true;
                continue;
            }

            channels.Add(new ChannelCount(channel, count.Value));
        }

        if (received is not null && channels.Count > 0 && channels.Sum(c => c.Count) != received)
        {
            feedback.Error(
                DiagnosticCodes.BadNumber,
                feedback.LocationOf("channels"),
                "channels",
                $"各渠道意见条数之和（{channels.Sum(c => c.Count)}）与收到意见条数（{received}）不一致");
        }

        if (report is not null && received is not null && adopted is not null)
        {
            CheckReportFigures(report, received.Value, adopted.Value, channels, feedback.LocationOf("report"), diagnostics);
        }

        feedback.ReportUnknownKeys();
        if (bad || feedback.ErrorCount > 0 || published is null || received is null || adopted is null || report is null)
        {
            return new FeedbackRead(null, locations);
        }

        return new FeedbackRead(
            new DraftFeedback(
                published.Value,
                received.Value,
                adopted.Value,
                new MarkdownSource(document.RelativePath, report, feedback.LocationOf("report").Line + 1, Folder(document)),
                outcomes,
                channels),
            locations);
    }

    /// <summary>The maps of a list field; anything else in it is an error at its position.</summary>
    private static IEnumerable<RawMap> Items(FieldReader fields, string key)
    {
        var node = fields.Node(key);
        if (node is null or RawScalar { IsEmpty: true })
        {
            yield break;
        }

        if (node is not RawList list)
        {
            fields.Error(DiagnosticCodes.WrongShape, node.Location, key, "应为列表，每项一行“- 字段: 值”");
            yield break;
        }

        foreach (var item in list.Items)
        {
            if (item is RawMap map)
            {
                yield return map;
            }
            else
            {
                fields.Error(DiagnosticCodes.WrongShape, item.Location, key, "列表中的每一项应包含若干字段");
            }
        }
    }

    /// <summary>第三条, 三, 3 or 第3条 → 3; null when it is not an article number.</summary>
    internal static int? ArticleNumber(string text)
    {
        var core = text.Trim();
        if (core.StartsWith('第'))
        {
            core = core[1..];
        }

        if (core.EndsWith('条'))
        {
            core = core[..^1];
        }

        core = core.Trim();
        if (int.TryParse(core, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var arabic))
        {
            return arabic > 0 ? arabic : null;
        }

        return ChineseNumerals.Parse(core) is > 0 and var n ? n : null;
    }

    private static string Folder(SourceDocument document) =>
        Path.GetDirectoryName(document.RelativePath)!.Replace('\\', '/');
}
