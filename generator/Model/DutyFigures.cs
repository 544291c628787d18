namespace Site.Generator.Model;

/// <summary>
/// 履职量化: a deputy's yearly duty figures, as offices count them for their annual rankings and
/// reports — each a count of duty records of some kinds (<see cref="Vocabulary.DutyVocabulary.Kinds"/>),
/// of suggestions signed (建议件数, by the year the suggestion was assigned or, failing that, the year
/// in its session name), and of 述职评议 held (<see cref="ReportBack"/>). A duty record of kind 述职评议
/// still counts there, so older records written as duties are not lost from the figures.
/// </summary>
public static class DutyFigures
{
    /// <summary>One column of the figures: its URL key, its Chinese heading, and what it counts.</summary>
    /// <param name="DutyKinds">Duty record kinds counted (empty: none); null counts every duty record.</param>
    public sealed record Column(string Key, string Label, IReadOnlyList<string>? DutyKinds, bool Suggestions = false, bool Reports = false);

    /// <summary>The table's columns, in order. Every duty kind is in 活动次数; the others split it by what offices report.</summary>
    public static readonly IReadOnlyList<Column> Columns =
    [
        new("activities", "活动次数", null, Reports: true),
        new("meetings", "参加会议", ["会议", "列席"]),
        new("inspections", "视察调研", ["视察", "调研", "执法检查"]),
        new("receptions", "接待选民", ["接待选民"]),
        new("visits", "走访联系", ["走访"]),
        new("suggestions", "建议件数", [], Suggestions: true),
        new("reports", "述职评议", ["述职评议"], Reports: true),
    ];

    /// <summary>Counts per column (in <see cref="Columns"/> order) of a deputy for one year.</summary>
    public static int[] Count(SiteModel site, DeputyId deputy, int year) => Count(site, deputy, y => y == year);

    /// <summary>Counts per column over every year (the term so far).</summary>
    public static int[] Total(SiteModel site, DeputyId deputy) => Count(site, deputy, _ => true);

    /// <summary>Every year the deputy has a duty record, suggestion or report in, newest first.</summary>
    public static IReadOnlyList<int> Years(SiteModel site, DeputyId deputy) =>
        site.DutiesByDeputy[deputy].Select(d => d.Date.Year)
            .Concat(site.SuggestionsByDeputy[deputy].Select(SuggestionYear).OfType<int>())
            .Concat(site.Linked<ReportBackIndex>().ByDeputy[deputy].Select(r => r.Date.Year))
            .Distinct().OrderDescending().ToList();

    /// <summary>Every year any deputy has a figure in, newest first.</summary>
    public static IReadOnlyList<int> Years(SiteModel site) =>
        site.DutiesByDeputy.SelectMany(g => g).Select(d => d.Date.Year)
            .Concat(site.Suggestions.Select(SuggestionYear).OfType<int>())
            .Concat(site.Linked<ReportBackIndex>().ByDeputy.SelectMany(g => g).Select(r => r.Date.Year))
            .Distinct().OrderDescending().ToList();

    /// <summary>The year a suggestion counts in: when it was assigned, else the first 4-digit year of its number or session.</summary>
    public static int? SuggestionYear(Suggestion suggestion)
    {
        if (suggestion.Assigned is { } assigned)
        {
            return assigned.Year;
        }

        foreach (var text in new[] { suggestion.Number, suggestion.Session })
        {
            for (var i = 0; i + 4 <= text.Length; i++)
            {
                if (text.AsSpan(i, 4) is var span && int.TryParse(span, out var year) && year is >= 1954 and <= 2100
                    && (i == 0 || !char.IsAsciiDigit(text[i - 1])) && (i + 4 == text.Length || !char.IsAsciiDigit(text[i + 4])))
                {
                    return year;
                }
            }
        }

        return null;
    }

    private static int[] Count(SiteModel site, DeputyId deputy, Func<int, bool> inYear)
    {
        var duties = site.DutiesByDeputy[deputy].Where(d => inYear(d.Date.Year)).ToList();
        var suggestions = site.SuggestionsByDeputy[deputy].Count(s => SuggestionYear(s) is { } y && inYear(y));
        var reports = site.Linked<ReportBackIndex>().ByDeputy[deputy].Count(r => inYear(r.Date.Year));
        var counts = new int[Columns.Count];
        for (var i = 0; i < Columns.Count; i++)
        {
            var column = Columns[i];
            counts[i] = (column.DutyKinds is null ? duties.Count : duties.Count(d => column.DutyKinds.Contains(d.Kind)))
                + (column.Suggestions ? suggestions : 0)
                + (column.Reports ? reports : 0);
        }

        return counts;
    }
}
