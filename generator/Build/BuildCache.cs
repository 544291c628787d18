using Site.Generator.Indexing;
using Site.Generator.Loading;
using Site.Generator.Rendering;
using Site.Generator.Validation;

namespace Site.Generator.Build;

/// <summary>
/// What one build leaves for the next, so `serve` rebuilds only what an edit affects. Held in memory
/// by the process across builds; a fresh `build` starts without one and does everything. Only the
/// holder: each stage owns its memo and is handed that, not the cache.
/// <list type="bullet">
/// <item>Loading: unchanged Markdown files are not reparsed (<see cref="LoadedFileMemo"/>).</item>
/// <item>Validation: validated stories of unchanged files (<see cref="StoryMemo"/>).</item>
/// <item>Rendering: Markdown as HTML and plain text, QR codes (<see cref="RenderMemo"/>); each output
/// page's model fingerprint, so a page whose model is unchanged is kept as it is; and the inputs of
/// pages that name them (stories), so a page whose inputs are unchanged is kept without building its model.</item>
/// <item>Indexing: each search document's fingerprint, so only changed documents are re-analysed, and
/// unchanged stories' documents (<see cref="SearchDocumentMemo"/>).</item>
/// <item>Writing: every file of the output and its SHA-256, so kept files are signed unread.</item>
/// </list>
/// Entries for pages and search documents are replaced only when a build commits, and are trusted
/// only while the output still carries the stamp of the build that recorded them.
/// </summary>
public sealed class BuildCache
{
    /// <summary>The stamp written beside the last committed build; null before the first.</summary>
    public string? Stamp { get; private set; }

    /// <summary>Every page of the last committed build: output path, model fingerprint and inputs, in the plan's order.</summary>
    public PageRenderer.PageLedger Pages { get; private set; } = PageRenderer.PageLedger.Empty;

    /// <summary>Every file of the last committed output, '/' separated.</summary>
    public IReadOnlySet<string> OutputFiles { get; private set; } = new HashSet<string>();

    /// <summary>Path → SHA-256 (lowercase hex) of every file of the last committed output but the manifest: kept files are signed with these unread.</summary>
    public IReadOnlyDictionary<string, string> FileHashes { get; private set; } = new Dictionary<string, string>();

    /// <summary>The paths of the last committed manifest in their order: a rebuild with the same files does not sort them again.</summary>
    public string[]? ManifestOrder { get; private set; }

    /// <summary>URL → fingerprint of every document in the last committed search index.</summary>
    public IReadOnlyDictionary<string, UInt128>? SearchDocuments { get; private set; }

    public LoadedFileMemo Files { get; } = new();

    /// <summary>How many loaded Markdown files are kept.</summary>
    public int LoadedDocumentCount => Files.Count;

    /// <summary>Validated stories of unchanged files.</summary>
    public StoryMemo Stories { get; } = new();

    public RenderMemo Rendering { get; } = new();

    /// <summary>Search documents of unchanged stories, and fingerprints of documents already seen.</summary>
    public SearchDocumentMemo SearchDocumentMemo { get; } = new();

    /// <summary>Called once a build has committed: what it produced becomes the baseline for the next.</summary>
    public void Commit(
        string stamp, PageRenderer.PageLedger pages, IReadOnlySet<string> outputFiles,
        IReadOnlyDictionary<string, string> fileHashes, IReadOnlyDictionary<string, UInt128>? searchDocuments, string[]? manifestOrder)
    {
        Stamp = stamp;
        Pages = pages;
        OutputFiles = outputFiles;
        FileHashes = fileHashes;
        SearchDocuments = searchDocuments;
        ManifestOrder = manifestOrder;

        // Drop what the committed build no longer used, so a long `serve` does not grow without bound.
        Rendering.Trim();
        SearchDocumentMemo.Trim();
        Stories.Trim();
    }
}
