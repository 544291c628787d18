using Site.Generator.Diagnostics;
using Site.Generator.Loading;
using Site.Generator.Model;
using Site.Generator.Vocabulary;

namespace Site.Generator.Validation;

/// <summary>
/// input/regions/: 行政区划 with official statistical codes (province 2, city 4, county 6, township 9,
/// village 12 digits; or every level as 12 digits padded with zeros, as the statistics bureau's
/// 统计用区划代码 tables print them: 430321000000). A file without a 上级代码 column (the bureau's own
/// tables have code and name only) gets each parent from the code's prefix.
/// </summary>
public static class RegionValidator
{
    private static IReadOnlyDictionary<string, string> Labels => RegionVocabulary.Fields.Labels;

    public static Region? Validate(RawMap map, DiagnosticBag diagnostics)
    {
        var fields = new FieldReader(map, diagnostics, Labels);
        var code = fields.String("code", required: true);
        var name = fields.String("name", required: true);
        var parent = fields.String("parent");
        var level = fields.String("level");
        fields.ReportUnknownKeys();
        if (code is null || name is null)
        {
            return null;
        }

        if (!code.All(char.IsAsciiDigit))
        {
            fields.Error(DiagnosticCodes.BadValue, fields.LocationOf("code"), "code", $"“{code}”不是数字区划代码");
            return null;
        }

        var significant = SignificantLength(code);
        level ??= significant switch { <= 2 => "province", <= 4 => "city", <= 6 => "county", <= 9 => "town", _ => "village" };
        parent ??= ParentOf(code);
        return new Region(new RegionCode(code), name, parent is null ? null : new RegionCode(parent), level);
    }

    /// <summary>How many leading digits say which place a code is: 430321000000 → 6, 430321 → 6.</summary>
    internal static int SignificantLength(string code)
    {
        if (code.Length != 12)
        {
            return code.Length;
        }

        foreach (var length in (ReadOnlySpan<int>)[9, 6, 4, 2])
        {
            if (code.AsSpan(length).ContainsAnyExcept('0'))
            {
                return length == 9 ? 12 : length switch { 6 => 9, 4 => 6, _ => 4 };
            }
        }

        return 2;
    }

    /// <summary>
    /// The parent a code's prefix names: 430321100 → 430321, 4303 → 43; in padded form
    /// 430321100000 → 430321000000. Null for a province or a code of no standard length.
    /// </summary>
    internal static string? ParentOf(string code)
    {
        var significant = SignificantLength(code);
        var parentLength = significant switch { 4 => 2, 6 => 4, 9 => 6, 12 => 9, _ => 0 };
        if (parentLength == 0)
        {
            return null;
        }

        var prefix = code[..parentLength];
        return code.Length == 12 ? prefix.PadRight(12, '0') : prefix;
    }
}
