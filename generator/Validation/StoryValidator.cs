using Site.Generator.Diagnostics;
using Site.Generator.Loading;
using Site.Generator.Model;
using Site.Generator.Vocabulary;

namespace Site.Generator.Validation;

/// <summary>content/stories/**.md → <see cref="Story"/>.</summary>
public static class StoryValidator
{
    public static IReadOnlyDictionary<string, string> Labels => StoryVocabulary.Fields.Labels;

    public static Story? Validate(SourceDocument document, SiteConfig config, ValidatedSite site, DiagnosticBag diagnostics)
    {
        var fields = new FieldReader(document.FrontMatter, diagnostics, Labels);
        var title = fields.String("title", required: true);
        var date = fields.Date("date", required: true);
        var columnName = fields.String("column", required: true);
        var column = columnName is null ? null : config.Columns.FirstOrDefault(c => c.Name == columnName || c.Slug == columnName);
        if (columnName is not null && column is null)
        {
            fields.Error(
                DiagnosticCodes.UnknownColumn,
                fields.LocationOf("column"),
                "column",
                $"没有名为“{columnName}”的专栏；input/site.yaml 中的专栏有：{string.Join("、", config.Columns.Select(c => c.Name))}");
        }

        var deputies = fields.List("deputies");
        var stations = fields.List("stations");
        var suggestions = fields.List("suggestions");
        var tags = fields.List("tags").Where(t => fields.CheckName(t.Value, t.Location, "tags")).Select(t => t.Value).Distinct().ToList();
        var cover = ImageReference.Read(fields, "cover", StoryFolder(document), site);
        var summary = fields.String("summary");
        var slug = Slug(fields, document);
        var isDraft = fields.Bool("draft");
        var author = fields.String("author");
        fields.ReportUnknownKeys();

        if (isDraft)
        {
            return null;
        }

        // Checked even when a field failed, so that one run shows every mistake of the story.
        site.References.AddRange(deputies.Select(d => new Reference(ReferenceKind.Deputy, d.Value, d.Location, "deputies（相关代表）")));
        site.References.AddRange(stations.Select(s => new Reference(ReferenceKind.Station, s.Value, s.Location, "stations（相关家站点）")));
        site.References.AddRange(suggestions.Select(s => new Reference(ReferenceKind.Suggestion, s.Value, s.Location, "suggestions（相关建议）")));
        if (fields.ErrorCount > 0 || slug is null || title is null || date is null || column is null)
        {
            site.UnpublishedBodies.Add(Body(document));
            return null;
        }

        return new Story(
            slug,
            title,
            date.Value,
            column,
            author,
            deputies.Select(d => new DeputyId(d.Value)).ToList(),
            stations.Select(s => new StationId(s.Value)).ToList(),
            tags,
            cover,
            summary,
            Body(document))
        {
            Suggestions = suggestions.Select(s => s.Value).Distinct().ToList(),
        };
    }

    /// <summary>
    /// The slug: the slug: field, or else the file name without .md; either must be a
    /// <see cref="SafeName"/> (an error names the field, or the file when its name is used).
    /// </summary>
    public static string? Slug(FieldReader fields, SourceDocument document)
    {
        if (fields.Has("slug"))
        {
            return fields.Name("slug");
        }

        fields.String("slug");
        if (SafeName.IsSafe(document.Stem))
        {
            return document.Stem;
        }

        fields.Error(DiagnosticCodes.UnsafeName, document.Location, "slug",
            SafeName.Describe(document.Stem, "文件名") + "。请改文件名，或在文件头写 slug: 给出网址名");
        return null;
    }

    public static MarkdownSource Body(SourceDocument document) => new(
        document.RelativePath,
        document.Body,
        document.BodyStartLine,
        StoryFolder(document));

    private static string StoryFolder(SourceDocument document) => Path.GetDirectoryName(document.RelativePath)!.Replace('\\', '/');
}
