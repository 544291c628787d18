using Site.Generator.Diagnostics;
using Site.Generator.Loading;
using Site.Generator.Model;

namespace Site.Generator.Validation;

/// <summary>input/duties/ → <see cref="DutyRecord"/>: 一人一档, one dated event per row.</summary>
public static class DutyRecordValidator
{
    private static readonly Dictionary<string, string> Labels = new()
    {
        ["deputy"] = "代表编号", ["date"] = "日期", ["kind"] = "类型", ["title"] = "事项", ["place"] = "地点",
        ["summary"] = "内容", ["evaluation"] = "评议结果",
    };

    public static readonly string[] Kinds = ["会议", "列席", "视察", "调研", "执法检查", "接待选民", "走访", "培训", "述职评议", "其他"];

    public static DutyRecord? Validate(RawMap map, ValidatedSite site, DiagnosticBag diagnostics)
    {
        var fields = new FieldReader(map, diagnostics, Labels);
        var deputy = fields.String("deputy", required: true);
        var date = fields.Date("date", required: true);
        var kind = fields.OneOf("kind", Kinds, required: true);
        var title = fields.String("title", required: true);
        var record = new DutyRecord(
            new DeputyId(deputy ?? ""), date ?? default, kind ?? "", title ?? "",
            fields.String("place"), fields.String("summary"), fields.String("evaluation"));
        fields.ReportUnknownKeys();
        if (deputy is not null)
        {
            site.References.Add(new Reference(ReferenceKind.Deputy, deputy, fields.LocationOf("deputy"), fields.Describe("deputy")));
        }

        return fields.ErrorCount > 0 ? null : record;
    }
}
