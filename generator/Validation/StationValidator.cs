using System.Text.RegularExpressions;
using Site.Generator.Diagnostics;
using Site.Generator.Loading;
using Site.Generator.Model;
using Site.Generator.Vocabulary;

namespace Site.Generator.Validation;

/// <summary>input/stations/ → <see cref="Station"/> (代表之家、代表联络站、代表联系点).</summary>
public static partial class StationValidator
{
    private static IReadOnlyDictionary<string, string> Labels => StationVocabulary.Fields.Labels;

    private static IReadOnlyDictionary<string, string> FigureLabels => StationVocabulary.FigureFields.Labels;

    private static string[] Specialties => StationVocabulary.Specialties;

    public static Station? Validate(RawMap map, ValidatedSite site, DiagnosticBag diagnostics)
    {
        var fields = new FieldReader(map, diagnostics, Labels);
        var id = fields.Name("id", required: true);
        var name = fields.String("name", required: true);
        var kind = fields.OneOf("kind", StationVocabulary.Kinds, required: true);
        var specialties = new List<string>();
        foreach (var (value, location) in fields.List("specialties"))
        {
            if (Specialties.Contains(value))
            {
                specialties.Add(value);
            }
            else
            {
                fields.Error(DiagnosticCodes.BadValue, location, "specialties", $"“{value}”不是{string.Join("/", Specialties)}");
            }
        }

        var region = fields.String("region");
        if (region is not null)
        {
            site.References.Add(new Reference(ReferenceKind.Region, region, fields.LocationOf("region"), fields.Describe("region")));
        }

        var days = new List<int>();
        foreach (Match match in Digits().Matches(DateParsing.AsciiDigits(fields.String("receptionDays") ?? "")))
        {
            // A run of digits too long for an int is out of range like any other, not an exception.
            var day = int.TryParse(match.Value, System.Globalization.CultureInfo.InvariantCulture, out var parsed) ? parsed : 0;
            if (day is < 1 or > 31)
            {
                fields.Error(DiagnosticCodes.BadNumber, fields.LocationOf("receptionDays"), "receptionDays", $"{match.Value} 不是 1 到 31 之间的日期");
            }
            else
            {
                days.Add(day);
            }
        }

        ReceptionRule? reception = days.Count > 0 ? ReceptionRule.OnMonthDays(days) : null;
        if (fields.String("receptionRule") is { } ruleText)
        {
            var (rule, error) = ReceptionRuleParser.Parse(ruleText);
            if (rule is null)
            {
                fields.Error(DiagnosticCodes.BadValue, fields.LocationOf("receptionRule"), "receptionRule", error!);
            }
            else if (days.Count > 0)
            {
                fields.Error(DiagnosticCodes.BadValue, fields.LocationOf("receptionDays"), "receptionDays", "已写了接待规则（receptionRule），请删去每月接待日，或把两者合成一条规则");
            }
            else
            {
                reception = rule;
            }
        }

        var hours = fields.String("hours");
        if (reception is not null)
        {
            CheckOpeningDays(fields, reception, days.Count > 0 && reception.Kind == ReceptionKind.MonthDays && fields.String("receptionRule") is null ? "receptionDays" : "receptionRule", hours, site.Today);
        }

        var station = new Station(
            new StationId(id ?? ""),
            name ?? "",
            kind ?? StationKind.Point,
            specialties,
            region is null ? null : new RegionCode(region),
            fields.String("address"),
            fields.Double("lat", -90, 90),
            fields.Double("lng", -180, 180),
            hours,
            fields.String("schedule"),
            days.Distinct().Order().ToList(),
            fields.String("head"),
            fields.String("liaison"),
            fields.String("phone"),
            fields.String("feature"),
            fields.String("intro"),
            ReadFigures(fields.Node("figures"), diagnostics),
            reception);
        fields.ReportUnknownKeys();
        return fields.ErrorCount > 0 ? null : station;
    }

    /// <summary>
    /// A warning at the reception rule when its days fall outside the weekdays <c>hours</c> says the
    /// station is open (每月10日 and 周一至周五: 2027年1月10日 is a Sunday): the page, its script and the
    /// calendar would send people to a closed door. Checked only where the hours name weekdays plainly
    /// (<see cref="OpeningDays.Parse"/>); the days looked at are the year from the build's date.
    /// </summary>
    private static void CheckOpeningDays(FieldReader fields, ReceptionRule rule, string key, string? hours, DateOnly today)
    {
        if (OpeningDays.Parse(hours) is not { } open || OpeningDays.Outside(rule, open, today) is not [var first, ..] outside)
        {
            return;
        }

        static string Day(DateOnly d) => $"{d.Year}年{d.Month}月{d.Day}日（{ReceptionRule.WeekdayName(d.DayOfWeek)}）";
        var when = rule.Kind is ReceptionKind.Weekly or ReceptionKind.NthWeekday
            ? $"接待日“{rule.Words()}”不在开放日内（如 {Day(first)}）"
            : outside.Count == 1
                ? $"接待日“{rule.Words()}”中的 {Day(first)} 不在开放日内"
                : $"接待日“{rule.Words()}”今后一年中有 {outside.Count} 天不在开放日内，最近的是 {Day(first)}";
        fields.Warning(
            DiagnosticCodes.ReceptionOutsideHours,
            fields.LocationOf(key),
            key,
            $"{when}，而开放时间（hours）写的是“{hours}”（{OpeningDays.Words(open)}开放）。页面和日历会把群众引到关着门的日子：请把接待日改在开放日（如“每月第二个周三”），或在开放时间中写明接待日照常开放");
    }

    private static List<StationYear> ReadFigures(RawNode? node, DiagnosticBag diagnostics)
    {
        var years = new List<StationYear>();
        foreach (var item in (node as RawList)?.Items.OfType<RawMap>() ?? [])
        {
            var fields = new FieldReader(item, diagnostics, FigureLabels);
            var year = fields.Int("year", required: true, min: 1980, max: 2100);
            var received = fields.Int("received", min: 0) ?? 0;
            var collected = fields.Int("collected", min: 0) ?? 0;
            var resolved = fields.Int("resolved", min: 0) ?? 0;
            if (resolved > collected)
            {
                fields.Error(DiagnosticCodes.BadNumber, fields.LocationOf("resolved"), "resolved", $"办结数（{resolved}）多于收集的意见建议数（{collected}）");
            }

            fields.ReportUnknownKeys();
            if (fields.ErrorCount == 0 && year is not null)
            {
                years.Add(new StationYear(year.Value, received, collected, resolved));
            }
        }

        return years.OrderByDescending(y => y.Year).ToList();
    }

    [GeneratedRegex(@"[0-9]+")]
    private static partial Regex Digits();
}
