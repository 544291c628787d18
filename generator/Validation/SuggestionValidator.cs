using Site.Generator.Diagnostics;
using Site.Generator.Loading;
using Site.Generator.Model;

namespace Site.Generator.Validation;

/// <summary>input/suggestions/ → <see cref="Suggestion"/>: 代表建议 and 议案 with their handling.</summary>
public static class SuggestionValidator
{
    private static readonly Dictionary<string, string> Labels = new()
    {
        ["number"] = "编号", ["title"] = "标题", ["session"] = "会议", ["type"] = "类别", ["deputies"] = "领衔及附议代表",
        ["unit"] = "承办单位", ["key"] = "重点督办", ["status"] = "办理状态", ["result"] = "办理结果分类",
        ["satisfaction"] = "代表满意度", ["reply"] = "答复摘要", ["assigned"] = "交办日期", ["answered"] = "答复日期",
    };

    public static readonly IReadOnlyDictionary<string, SuggestionStatus> Statuses = new Dictionary<string, SuggestionStatus>
    {
        ["交办"] = SuggestionStatus.Assigned, ["已交办"] = SuggestionStatus.Assigned,
        ["办理中"] = SuggestionStatus.InProgress,
        ["答复"] = SuggestionStatus.Answered, ["已答复"] = SuggestionStatus.Answered,
        ["办结"] = SuggestionStatus.Closed, ["已办结"] = SuggestionStatus.Closed,
    };

    public static readonly string[] Satisfactions = ["满意", "基本满意", "不满意"];

    public static Suggestion? Validate(RawMap map, SiteConfig config, ValidatedSite site, DiagnosticBag diagnostics)
    {
        var fields = new FieldReader(map, diagnostics, Labels);
        var number = fields.String("number", required: true);
        if (number is not null)
        {
            // The number names the suggestion's anchor (s-2026-016), with '/' and spaces made '-'.
            if (!SafeName.IsSafe(number.Replace('/', '-').Replace(' ', '-')))
            {
                fields.Error(DiagnosticCodes.UnsafeName, fields.LocationOf("number"), "number", SafeName.Describe(number, ""));
            }
        }

        var title = fields.String("title", required: true);
        var session = fields.String("session", required: true);
        var type = fields.OneOf("type", ["建议", "议案"]) ?? "建议";
        var deputies = fields.List("deputies", required: true);
        site.References.AddRange(deputies.Select(d => new Reference(ReferenceKind.Deputy, d.Value, d.Location, fields.Describe("deputies"))));
        var status = fields.OneOf("status", Statuses, required: true);
        var result = fields.OneOf("result", config.ResultClasses.Select(r => r.Code).ToList());
        var satisfaction = fields.OneOf("satisfaction", Satisfactions);
        var suggestion = new Suggestion(
            number ?? "",
            title ?? "",
            session ?? "",
            type,
            deputies.Select(d => new DeputyId(d.Value)).ToList(),
            fields.String("unit"),
            fields.Bool("key"),
            status ?? SuggestionStatus.Assigned,
            result,
            satisfaction,
            fields.String("reply"),
            fields.Date("assigned"),
            fields.Date("answered"));
        fields.ReportUnknownKeys();
        return fields.ErrorCount > 0 ? null : suggestion;
    }
}
