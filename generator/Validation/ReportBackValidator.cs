using System.Globalization;
using Site.Generator.Diagnostics;
using Site.Generator.Loading;
using Site.Generator.Model;
using Site.Generator.Vocabulary;

namespace Site.Generator.Validation;

/// <summary>input/reports/ → <see cref="ReportBack"/>: one 述职评议 per row, its appraisal checked to add up.</summary>
public static class ReportBackValidator
{
    private static IReadOnlyDictionary<string, string> Labels => ReportBackVocabulary.Fields.Labels;

    public static ReportBack? Validate(RawMap map, ValidatedSite site, DiagnosticBag diagnostics)
    {
        var fields = new FieldReader(map, diagnostics, Labels);
        var deputy = fields.String("deputy", required: true);
        var date = fields.Date("date", required: true);
        var place = fields.String("place", required: true);
        var voters = fields.Int("voters", min: 0);
        var satisfied = fields.Int("satisfied", min: 0);
        var fairly = fields.Int("fairly", min: 0);
        var dissatisfied = fields.Int("dissatisfied", min: 0);
        var rate = Rate(fields);
        var rating = fields.OneOf("rating", ReportBackVocabulary.Ratings);
        var report = new ReportBack(
            new DeputyId(deputy ?? ""), date ?? default, place ?? "", voters, satisfied, fairly, dissatisfied, rate, rating,
            fields.String("term"), fields.String("summary"));
        fields.ReportUnknownKeys();
        if (deputy is not null)
        {
            site.References.Add(new Reference(ReferenceKind.Deputy, deputy, fields.LocationOf("deputy"), fields.Describe("deputy")));
        }

        if (fields.ErrorCount > 0)
        {
            return null;
        }

        // The appraisal adds up: no more appraisals than voters present, and a stated rate the counts agree with.
        if (report.Appraised is { } appraised && voters is { } present && appraised > present)
        {
            fields.Error(DiagnosticCodes.ReportBackArithmetic, fields.LocationOf("satisfied"), "satisfied",
                $"满意、基本满意、不满意合计 {appraised} 票，多于参加选民人数 {present} 人：请核对测评票数");
            return null;
        }

        if (rate is { } stated && report.Appraised is > 0 and var total)
        {
            var computed = 100m * (satisfied ?? 0) / total;
            if (Math.Abs(computed - stated) > 1)
            {
                fields.Error(DiagnosticCodes.ReportBackArithmetic, fields.LocationOf("rate"), "rate",
                    $"满意率写的是 {stated.ToString("0.#", CultureInfo.InvariantCulture)}%，但按票数算是 {computed.ToString("0.#", CultureInfo.InvariantCulture)}%（满意 {satisfied ?? 0} ÷ 合计 {total}）：请核对");
                return null;
            }
        }

        if (report.Appraised is null && rate is null && rating is null)
        {
            diagnostics.Warning(DiagnosticCodes.ReportBackUnappraised, map.Location,
                $"{map.Context} 这次述职没有评议结果：请填写满意、基本满意、不满意的票数，或满意率，或评议结果（{string.Join("、", ReportBackVocabulary.Ratings)}）");
        }

        return report;
    }

    /// <summary>满意率: "96" with or without a percent sign (half- or full-width), or "0.96" (a fraction, as a spreadsheet's percent cell is read).</summary>
    private static decimal? Rate(FieldReader fields)
    {
        var text = fields.String("rate");
        if (text is null)
        {
            return null;
        }

        var trimmed = text.Trim().TrimEnd('%', '％').Trim();
        if (decimal.TryParse(trimmed, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) && value >= 0)
        {
            if (value <= 1 && !text.Contains('%') && !text.Contains('％') && trimmed.Contains('.'))
            {
                value *= 100;
            }

            if (value <= 100)
            {
                return value;
            }
        }

        fields.Error(DiagnosticCodes.BadNumber, fields.LocationOf("rate"), "rate", $"“{text}”不是满意率：请写成 96% 或 96（0 到 100 之间）");
        return null;
    }
}
