using System.Text.RegularExpressions;
using Site.Generator.Diagnostics;
using Site.Generator.Loading;
using Site.Generator.Model;
using Site.Generator.Vocabulary;

namespace Site.Generator.Validation;

/// <summary>
/// input/deputies/ → <see cref="Deputy"/>. Rosters are messy: blank cells load, bad values are named.
/// Only 代表编号, 姓名 and 层级 keep a deputy off the site; a bad value in an optional field
/// (出生年月, 性别) is a warning and is left out, so one typo never holds back a whole roster.
/// </summary>
public static partial class DeputyValidator
{
    private static IReadOnlyDictionary<string, string> Labels => DeputyVocabulary.Fields.Labels;

    private static readonly string[] Genders = ["男", "女"];

    /// <summary>Where a photo: written as a bare file name (D0001.jpg, as a roster's 照片 column has it) is looked for.</summary>
    public const string PhotoFolder = "content/deputies";

    /// <summary>
    /// A bare five-digit number read from a CSV: an .xlsx cell may hold a date as Excel's serial, but
    /// a CSV holds text, so 44900 there is a number someone typed or a cell Excel showed as a number,
    /// never a date to guess at.
    /// </summary>
    private static bool CsvSerial(FieldReader fields, string key, string text) =>
        fields.LocationOf(key).Path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) && DateParsing.IsSerial(text);

    private static string NotASerial(FieldReader fields, string key, string text) => CsvSerial(fields, key, text)
        ? "（CSV 文件中的数字不是日期；若在 Excel 中它显示为日期，请把该列设为日期格式后重新另存为 CSV）"
        : "";

    /// <summary>
    /// Why a birth (as <see cref="DateParsing.NormalizeYearMonth"/> writes it) cannot be a deputy's,
    /// or null: younger than 18 at <paramref name="today"/> (the age to stand for election, Constitution
    /// of the PRC Art. 34), or older than 100. With the month or year unknown, the age most in the
    /// deputy's favour is taken, so only a certainly wrong date is named.
    /// </summary>
    internal static string? ImplausibleAge(string birth, DateOnly today)
    {
        if (BirthParts().Match(birth) is not { Success: true } match)
        {
            return null;
        }

        var year = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var month = match.Groups[2].Success ? int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
        var oldest = today.Year - year - (month > today.Month ? 1 : 0);
        var youngest = today.Year - year - (month == 0 || month >= today.Month ? 1 : 0);
        return oldest < 18 ? $"到 {today.Year}年{today.Month}月{today.Day}日 不满 18 周岁，不会是代表的出生年月"
            : youngest > 100 ? $"到 {today.Year}年{today.Month}月{today.Day}日 已超过 100 周岁"
            : null;
    }

    [GeneratedRegex(@"^([0-9]{4})年(?:([0-9]{1,2})月)?$")]
    private static partial Regex BirthParts();

    public static Deputy? Validate(RawMap map, ValidatedSite site, DiagnosticBag diagnostics)
    {
        var fields = new FieldReader(map, diagnostics, Labels);
        var id = fields.Name("id", required: true);
        var name = fields.String("name", required: true);
        if (name is not null && name.AsSpan().IndexOfAny(Spaces) >= 0 && HanNameSpaces().IsMatch(name))
        {
            var joined = HanNameSpaces().Replace(name, "");
            fields.Warning(DiagnosticCodes.NameSpaces, fields.LocationOf("name"), "name", $"“{name}”中的空格已去掉，按“{joined}”发布（名册对齐用的空格不是名字的一部分）");
            name = joined;
        }

        var genderText = fields.String("gender");
        var gender = genderText is null || Genders.Contains(genderText) ? genderText : null;
        if (genderText is not null && gender is null)
        {
            fields.Warning(DiagnosticCodes.BadValue, fields.LocationOf("gender"), "gender", $"“{genderText}”不是 男/女，本项不发布，这位代表照常发布");
        }

        var birthText = fields.String("birth");
        string? birth = null;
        if (birthText is not null)
        {
            birth = CsvSerial(fields, "birth", birthText) ? null : DateParsing.NormalizeYearMonth(birthText);
            if (birth is null)
            {
                fields.Warning(DiagnosticCodes.BadDate, fields.LocationOf("birth"), "birth", $"“{birthText}”不是有效的出生年月（可写 1967年3月、1967.03、1967-3 或 1967），本项不发布，这位代表照常发布{NotASerial(fields, "birth", birthText)}");
            }
            else if (ImplausibleAge(birth, site.Today) is { } problem)
            {
                fields.Warning(DiagnosticCodes.BadDate, fields.LocationOf("birth"), "birth", $"“{birthText}”（{birth}）{problem}，请核对；本项不发布，这位代表照常发布");
                birth = null;
            }
        }

        var levels = new List<DeputyLevel>();
        foreach (var (value, location) in fields.List("levels", required: true))
        {
            if (DeputyVocabulary.LevelNames.TryGetValue(value, out var level))
            {
                levels.Add(level);
            }
            else
            {
                fields.Error(DiagnosticCodes.BadValue, location, "levels", $"“{value}”不是 全国/省/市/县/乡");
            }
        }

        var term = fields.String("term");
        if (term is null)
        {
            fields.Warning(DiagnosticCodes.MissingField, fields.LocationOf("term"), "term", "届次是空的：代表页上不显示是第几届代表（可在 site.yaml 的 roster: files: 下为整个文件写一次）");
        }
        else if (LevelOfTerm(term) is { } termLevel && levels.Count > 0 && !levels.Contains(termLevel))
        {
            fields.Warning(DiagnosticCodes.LevelMismatch, fields.LocationOf("levels"), "levels",
                $"届次“{term}”是{LevelLabels[termLevel]}人大的届次，层级却是“{string.Join("、", levels.Distinct().Select(l => LevelLabels[l]))}”，请核对");
        }

        var station = fields.String("station");
        if (station is not null)
        {
            site.References.Add(new Reference(ReferenceKind.Station, station, fields.LocationOf("station"), fields.Describe("station")));
        }

        var region = fields.String("region");
        if (region is not null)
        {
            site.References.Add(new Reference(ReferenceKind.Region, region, fields.LocationOf("region"), fields.Describe("region")));
        }

        var termEndedText = fields.String("termEnded");
        DateOnly? termEnded = null;
        if (termEndedText is not null)
        {
            if (!CsvSerial(fields, "termEnded", termEndedText) && DateParsing.TryParse(termEndedText, out var ended))
            {
                termEnded = ended;
            }
            else
            {
                fields.Warning(DiagnosticCodes.BadDate, fields.LocationOf("termEnded"), "termEnded", $"“{termEndedText}”不是有效的离任日期（可写 2026年3月15日 或 2026-03-15），本项不发布，这位代表照常发布，仍可接收留言{NotASerial(fields, "termEnded", termEndedText)}");
            }
        }

        var deputy = new Deputy(
            new DeputyId(id ?? ""),
            name ?? "",
            gender,
            fields.String("ethnicity"),
            birth,
            ImageReference.Read(fields, "photo", PhotoFolder, site),
            levels.Distinct().Order().ToList(),
            term,
            fields.String("constituency"),
            fields.String("group"),
            fields.String("title"),
            fields.String("sector"),
            fields.String("party"),
            station is null ? null : new StationId(station),
            region is null ? null : new RegionCode(region),
            fields.String("bio"),
            fields.String("pledge"),
            termEnded);
        fields.ReportUnknownKeys();
        if (fields.ErrorCount > 0)
        {
            return null;
        }

        site.Records<DeputySource>().Add(new DeputySource(deputy.Id, map.Context, fields.LocationOf("termEnded"), fields.LocationOf("pledge"), fields.Describe("pledge"))
        {
            Region = fields.LocationOf("region"),
            RegionField = fields.Describe("region"),
        });
        return deputy;
    }

    private static readonly Dictionary<DeputyLevel, string> LevelLabels = new()
    {
        [DeputyLevel.National] = "全国", [DeputyLevel.Provincial] = "省级", [DeputyLevel.City] = "市级",
        [DeputyLevel.County] = "县级", [DeputyLevel.Township] = "乡镇级",
    };

    /// <summary>
    /// The level a 届次 names, if it names one: the level word nearest before 第 (湘潭县第十八届 → 县,
    /// 省第十四届 → 省, 全国第十四届 → 全国); 第十八届 alone names none.
    /// </summary>
    internal static DeputyLevel? LevelOfTerm(string term)
    {
        var end = term.IndexOf('第');
        var prefix = end < 0 ? term.AsSpan() : term.AsSpan(0, end);
        if (prefix.Contains("全国", StringComparison.Ordinal))
        {
            return DeputyLevel.National;
        }

        for (var i = prefix.Length - 1; i >= 0; i--)
        {
            switch (prefix[i])
            {
                case '乡' or '镇':
                    return DeputyLevel.Township;
                case '县' or '区' or '旗':
                    return DeputyLevel.County;
                case '市' or '州' or '盟':
                    return DeputyLevel.City;
                case '省':
                    return DeputyLevel.Provincial;
            }
        }

        return null;
    }

    private static readonly System.Buffers.SearchValues<char> Spaces = System.Buffers.SearchValues.Create(" \t\u3000\u00A0");

    /// <summary>Spaces (ASCII, full-width, non-breaking) between Han characters, as lists pad 赵  敏.</summary>
    [GeneratedRegex(@"(?<=\p{IsCJKUnifiedIdeographs})[\s\u3000\u00A0]+(?=\p{IsCJKUnifiedIdeographs})")]
    private static partial Regex HanNameSpaces();
}
