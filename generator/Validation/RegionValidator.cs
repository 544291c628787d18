using Site.Generator.Diagnostics;
using Site.Generator.Loading;
using Site.Generator.Model;
using Site.Generator.Vocabulary;

namespace Site.Generator.Validation;

/// <summary>input/regions/: 行政区划 with official statistical codes (county 6, township 9, village 12 digits).</summary>
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

        level ??= code.Length switch { <= 2 => "province", 4 => "city", 6 => "county", 9 => "town", _ => "village" };
        return new Region(new RegionCode(code), name, parent is null ? null : new RegionCode(parent), level);
    }
}
