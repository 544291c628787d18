using Site.Generator.Diagnostics;
using Site.Generator.Loading;
using Site.Generator.Model;

namespace Site.Generator.Validation;

/// <summary>input/site.yaml: the site's name, address, columns and result classes.</summary>
public static class SiteConfigValidator
{
    private static readonly Dictionary<string, string> Labels = new()
    {
        ["title"] = "网站名称", ["shortTitle"] = "简称", ["description"] = "简介", ["baseUrl"] = "网址",
        ["region"] = "本级行政区划代码", ["columns"] = "专栏", ["resultClasses"] = "办理结果分类", ["intakeUrl"] = "意见接口地址",
    };

    private static readonly Dictionary<string, string> ColumnLabels = new()
    {
        ["slug"] = "网址名", ["name"] = "名称", ["description"] = "说明",
    };

    public static SiteConfig Validate(RawMap? map, DiagnosticBag diagnostics)
    {
        if (map is null)
        {
            return SiteConfig.Default;
        }

        var fields = new FieldReader(map, diagnostics, Labels);
        var title = fields.String("title", required: true) ?? SiteConfig.Default.Title;
        var config = new SiteConfig(
            title,
            fields.String("shortTitle") ?? title,
            fields.String("description") ?? "",
            fields.String("baseUrl") ?? SiteConfig.Default.BaseUrl,
            fields.String("region") is { } code ? new RegionCode(code) : null,
            ReadColumns(fields.Node("columns"), diagnostics),
            ReadResultClasses(fields.Node("resultClasses"), diagnostics));
        fields.ReportUnknownKeys();
        return config;
    }

    private static List<Column> ReadColumns(RawNode? node, DiagnosticBag diagnostics)
    {
        var columns = new List<Column>();
        if (node is not RawList list)
        {
            return columns;
        }

        foreach (var item in list.Items.OfType<RawMap>())
        {
            var fields = new FieldReader(item, diagnostics, ColumnLabels);
            var slug = fields.Name("slug", required: true);
            var name = fields.String("name", required: true);
            if (slug is not null && name is not null)
            {
                columns.Add(new Column(slug, name, fields.String("description") ?? ""));
            }

            fields.ReportUnknownKeys();
        }

        return columns;
    }

    private static IReadOnlyList<ResultClass> ReadResultClasses(RawNode? node, DiagnosticBag diagnostics)
    {
        if (node is not RawMap map)
        {
            return ResultClass.Defaults;
        }

        return map.Entries
            .Where(e => e.Value is RawScalar)
            .Select(e => new ResultClass(e.Key, ((RawScalar)e.Value).Value))
            .ToList();
    }
}
