using System.Collections.Concurrent;
using Site.Generator.Rendering;
using Site.Search;

namespace Site.Generator.Indexing;

/// <summary>
/// What `serve` keeps of the last build's search documents, so a rebuild after a one-story edit does
/// not rebuild and re-hash every other document of a large site.
/// <list type="bullet">
/// <item>A story's document is reused while its Markdown body is the very same string (the build
/// cache hands back the same loaded file while the file is unchanged) and its header fields and
/// region are equal.</item>
/// <item>A document's fingerprint is computed once per document instance.</item>
/// </list>
/// Entries the last build did not use are dropped when it commits (<see cref="Trim"/>). Plain
/// dictionaries by reference, not weak tables: tens of thousands of weak entries made every garbage
/// collection of the rebuild slower than the work they saved.
/// </summary>
public sealed class SearchDocumentMemo
{
    private ConcurrentDictionary<string, StoryEntry> _stories = new(ReferenceEqualityComparer.Instance);
    private ConcurrentDictionary<SearchDocument, UInt128> _fingerprints = new(ReferenceEqualityComparer.Instance);
    private ConcurrentDictionary<string, StoryEntry> _usedStories = new(ReferenceEqualityComparer.Instance);
    private ConcurrentDictionary<SearchDocument, UInt128> _usedFingerprints = new(ReferenceEqualityComparer.Instance);

    /// <param name="body">The story's Markdown text, compared by reference.</param>
    /// <param name="header">Everything else the document is made of, compared by value.</param>
    public SearchDocument Story(string body, object header, Func<SearchDocument> build)
    {
        if (!_stories.TryGetValue(body, out var entry) || !entry.Header.Equals(header))
        {
            entry = new StoryEntry(header, build());
        }

        _usedStories[body] = entry;
        return entry.Document;
    }

    public UInt128 Fingerprint(SearchDocument document)
    {
        if (!_fingerprints.TryGetValue(document, out var fingerprint))
        {
            fingerprint = ModelFingerprint.Of(document);
        }

        _usedFingerprints[document] = fingerprint;
        return fingerprint;
    }

    /// <summary>Keeps only what the build that just committed used.</summary>
    public void Trim()
    {
        // The next build asks for about as many: sized up front, with lock stripes for both cores.
        (_stories, _usedStories) = (_usedStories, new(64, _usedStories.Count, ReferenceEqualityComparer.Instance));
        (_fingerprints, _usedFingerprints) = (_usedFingerprints, new(64, _usedFingerprints.Count, ReferenceEqualityComparer.Instance));
    }

    private sealed record StoryEntry(object Header, SearchDocument Document);
}
