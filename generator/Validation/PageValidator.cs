using Site.Generator.Diagnostics;
using Site.Generator.Loading;
using Site.Generator.Model;
using Site.Generator.Vocabulary;

namespace Site.Generator.Validation;

/// <summary>content/pages/*.md → <see cref="PlainPage"/> served at /&lt;slug&gt;/.</summary>
public static class PageValidator
{
    private static IReadOnlyDictionary<string, string> Labels => PageVocabulary.Fields.Labels;

    public static PlainPage? Validate(SourceDocument document, DiagnosticBag diagnostics)
    {
        var fields = new FieldReader(document.FrontMatter, diagnostics, Labels);
        var title = fields.String("title", required: true);
        var summary = fields.String("summary");
        var slug = StoryValidator.Slug(fields, document);
        var order = fields.Int("order") ?? 100;
        fields.ReportUnknownKeys();
        return title is null || slug is null || fields.ErrorCount > 0 ? null : new PlainPage(slug, title, summary, order, StoryValidator.Body(document));
    }
}
