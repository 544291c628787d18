using Site.Generator.Diagnostics;
using Site.Generator.Loading;
using Site.Generator.Model;
using Site.Generator.Vocabulary;

namespace Site.Generator.Validation;

/// <summary>input/suggestions/ → <see cref="Suggestion"/>: 代表建议 and 议案 with their handling.</summary>
public static class SuggestionValidator
{
    private static IReadOnlyDictionary<string, string> Labels => SuggestionVocabulary.Fields.Labels;

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
        var status = fields.OneOf("status", SuggestionVocabulary.Statuses, required: true);
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
            fields.Date("answered"),
            fields.Date("closed"));
        fields.ReportUnknownKeys();
        return fields.ErrorCount > 0 ? null : suggestion;
    }
}
