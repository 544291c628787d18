using Site.Generator.Loading;
using Site.Generator.Model;
using Site.Generator.Rendering;

namespace Site.Generator.Validation;

/// <summary>
/// What `serve` keeps of the last build's validated stories: a story whose loaded file is the very
/// same document (the build cache hands back the same one while the file is unchanged), validated
/// against the same columns, without a diagnostic, is not read field by field again: validating every
/// story again was a noticeable part of a large site's rebuild. Entries the last committed build did not
/// use are dropped (<see cref="Trim"/>).
/// </summary>
public sealed class StoryMemo
{
    private Dictionary<SourceDocument, Entry> _entries = new(ReferenceEqualityComparer.Instance);
    private Dictionary<SourceDocument, Entry> _used = new(ReferenceEqualityComparer.Instance);

    /// <summary>The story, with the references it adds to <paramref name="site"/>, from the last build or validated now.</summary>
    public Story? Validate(SourceDocument document, ValidatedSite site, UInt128 columns, Diagnostics.DiagnosticBag diagnostics)
    {
        if (_entries.TryGetValue(document, out var entry) && entry.Columns == columns)
        {
            site.References.AddRange(entry.References);
            _used[document] = entry;
            return entry.Story;
        }

        var references = site.References.Count;
        var problems = diagnostics.Count;
        var story = StoryValidator.Validate(document, site.Config, site, diagnostics);
        if (diagnostics.Count == problems)
        {
            _used[document] = new Entry(columns, story, site.References.GetRange(references, site.References.Count - references));
        }

        return story;
    }

    /// <summary>What the validation of stories depends on besides the file: the columns.</summary>
    public static UInt128 Columns(SiteConfig config) => ModelFingerprint.Of(config.Columns);

    /// <summary>Keeps only what the build that just committed used.</summary>
    public void Trim()
    {
        _entries = _used;
        _used = new(ReferenceEqualityComparer.Instance);
    }

    private sealed record Entry(UInt128 Columns, Story? Story, IReadOnlyList<Reference> References);
}
