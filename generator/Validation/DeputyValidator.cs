using Site.Generator.Diagnostics;
using Site.Generator.Loading;
using Site.Generator.Model;

namespace Site.Generator.Validation;

/// <summary>input/deputies/ → <see cref="Deputy"/>. Rosters are messy: blank cells load, bad values are named.</summary>
public static class DeputyValidator
{
    private static readonly Dictionary<string, string> Labels = new()
    {
        ["id"] = "代表编号", ["name"] = "姓名", ["gender"] = "性别", ["ethnicity"] = "民族", ["birth"] = "出生年月",
        ["photo"] = "照片", ["levels"] = "层级", ["term"] = "届次", ["constituency"] = "选区", ["group"] = "代表组",
        ["title"] = "职务", ["sector"] = "界别", ["party"] = "政治面貌", ["station"] = "所在联络站",
        ["region"] = "所在地区", ["bio"] = "简介", ["pledge"] = "履职承诺",
    };

    public static readonly IReadOnlyDictionary<string, DeputyLevel> LevelNames = new Dictionary<string, DeputyLevel>
    {
        ["全国"] = DeputyLevel.National, ["全国人大"] = DeputyLevel.National,
        ["省"] = DeputyLevel.Provincial, ["省级"] = DeputyLevel.Provincial,
        ["市"] = DeputyLevel.City, ["市级"] = DeputyLevel.City,
        ["县"] = DeputyLevel.County, ["县级"] = DeputyLevel.County, ["区"] = DeputyLevel.County,
        ["乡"] = DeputyLevel.Township, ["镇"] = DeputyLevel.Township, ["乡镇"] = DeputyLevel.Township, ["乡级"] = DeputyLevel.Township,
    };

    private static readonly string[] Genders = ["男", "女"];

    /// <summary>Where a photo: written as a bare file name (D0001.jpg, as a roster's 照片 column has it) is looked for.</summary>
    public const string PhotoFolder = "content/deputies";

    public static Deputy? Validate(RawMap map, ValidatedSite site, DiagnosticBag diagnostics)
    {
        var fields = new FieldReader(map, diagnostics, Labels);
        var id = fields.Name("id", required: true);
        var name = fields.String("name", required: true);
        var gender = fields.OneOf("gender", Genders);
        var birthText = fields.String("birth");
        string? birth = null;
        if (birthText is not null)
        {
            birth = DateParsing.NormalizeYearMonth(birthText);
            if (birth is null)
            {
                fields.Error(DiagnosticCodes.BadDate, fields.LocationOf("birth"), "birth", $"“{birthText}”不是有效的出生年月，请写成 1967年3月 或 1967-03");
            }
        }

        var levels = new List<DeputyLevel>();
        foreach (var (value, location) in fields.List("levels", required: true))
        {
            if (LevelNames.TryGetValue(value, out var level))
            {
                levels.Add(level);
            }
            else
            {
                fields.Error(DiagnosticCodes.BadValue, location, "levels", $"“{value}”不是 全国/省/市/县/乡");
            }
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

        var deputy = new Deputy(
            new DeputyId(id ?? ""),
            name ?? "",
            gender,
            fields.String("ethnicity"),
            birth,
            ImageReference.Read(fields, "photo", PhotoFolder, site),
            levels.Distinct().Order().ToList(),
            fields.String("term"),
            fields.String("constituency"),
            fields.String("group"),
            fields.String("title"),
            fields.String("sector"),
            fields.String("party"),
            station is null ? null : new StationId(station),
            region is null ? null : new RegionCode(region),
            fields.String("bio"),
            fields.String("pledge"));
        fields.ReportUnknownKeys();
        return fields.ErrorCount > 0 ? null : deputy;
    }
}
