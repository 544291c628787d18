using Site.Generator.Diagnostics;
using Site.Generator.Loading;
using Site.Generator.Model;
using Site.Generator.Vocabulary;

namespace Site.Generator.Validation;

/// <summary>input/duties/ → <see cref="DutyRecord"/>: 一人一档, one dated event per row.</summary>
public static class DutyRecordValidator
{
    private static IReadOnlyDictionary<string, string> Labels => DutyVocabulary.Fields.Labels;

    public static string[] Kinds => DutyVocabulary.Kinds;

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
