using System.Collections.Concurrent;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using Site.Generator.Indexing;
using Site.Generator.Loading;
using Site.Generator.Rendering;

namespace Site.Generator.Build;

/// <summary>
/// What one build leaves for the next, so `serve` rebuilds only what an edit affects. Held in memory
/// by the process across builds; a fresh `build` starts without one and does everything.
/// <list type="bullet">
/// <item>Loaded Markdown files, keyed by path, modification time and size: unchanged files are not reparsed.</item>
/// <item>Rendered Markdown, keyed by the text and the site's URL set (links are checked against it).</item>
/// <item>Each output page's model fingerprint: a page whose model is unchanged is kept as it is.</item>
/// <item>Each search document's fingerprint: only changed documents are re-analysed.</item>
/// <item>QR codes by URL; unchanged stories' search documents (<see cref="Indexing.SearchDocumentMemo"/>)
/// and validated stories (<see cref="Validation.StoryMemo"/>).</item>
/// </list>
/// Entries for pages and search documents are replaced only when a build commits, and are trusted
/// only while the output still carries the stamp of the build that recorded them.
/// </summary>
public sealed class BuildCache
{
    private readonly ConcurrentDictionary<string, LoadedFile> _files = new(StringComparer.Ordinal);
    private readonly Memo<string> _markdown = new();
    private readonly Memo<string> _plainText = new();
    private readonly Memo<QrMatrix> _qrCodes = new();

    /// <summary>The stamp written beside the last committed build; null before the first.</summary>
    public string? Stamp { get; private set; }

    /// <summary>Output path → model fingerprint of every page of the last committed build.</summary>
    public IReadOnlyDictionary<string, UInt128> Pages { get; private set; } = new Dictionary<string, UInt128>();

    /// <summary>Every file of the last committed output, '/' separated.</summary>
    public IReadOnlySet<string> OutputFiles { get; private set; } = new HashSet<string>();

    /// <summary>URL → fingerprint of every document in the last committed search index.</summary>
    public IReadOnlyDictionary<string, UInt128>? SearchDocuments { get; private set; }

    public SourceDocument? LoadedDocument(string fullPath, long length, DateTime modifiedUtc) =>
        _files.TryGetValue(fullPath, out var file) && file.Length == length && file.Modified == modifiedUtc
            ? file.Document
            : null;

    /// <summary>Remembers a file that loaded without any diagnostic (one with problems is reloaded, so they are reported again).</summary>
    public void RememberDocument(string fullPath, long length, DateTime modifiedUtc, SourceDocument document) =>
        _files[fullPath] = new LoadedFile(length, modifiedUtc, document);

    /// <summary>How many loaded Markdown files are kept.</summary>
    public int LoadedDocumentCount => _files.Count;

    /// <summary>Drops files that are gone (deleted or renamed), so a long `serve` session does not keep them.</summary>
    public void ForgetDocumentsExcept(IReadOnlyCollection<string> fullPaths)
    {
        var present = fullPaths.ToHashSet(StringComparer.Ordinal);
        foreach (var path in _files.Keys.Where(p => !present.Contains(p)))
        {
            _files.TryRemove(path, out _);
        }
    }

    /// <summary>HTML of a Markdown text; <paramref name="render"/> says whether its result may be reused.</summary>
    public string Markdown(string folder, string text, UInt128 urlSet, Func<(string Html, bool Reusable)> render) => _markdown.Get(Key(folder, text, urlSet), render);

    public string PlainText(string text, Func<string> render) => _plainText.Get(Key(text, 0), () => (render(), true));

    /// <summary>Validated stories of unchanged files.</summary>
    public Validation.StoryMemo Stories { get; } = new();

    /// <summary>Search documents of unchanged stories, and fingerprints of documents already seen.</summary>
    public SearchDocumentMemo SearchDocumentMemo { get; } = new();

    /// <summary>A URL's QR code, kept across rebuilds (a roster has one per deputy).</summary>
    public QrMatrix QrCode(string text) => _qrCodes.Get(Key(text, 0), () => (QrCodes.Encode(text), true));

    /// <summary>Called once a build has committed: what it produced becomes the baseline for the next.</summary>
    public void Commit(string stamp, IReadOnlyDictionary<string, UInt128> pages, IReadOnlySet<string> outputFiles, IReadOnlyDictionary<string, UInt128>? searchDocuments)
    {
        Stamp = stamp;
        Pages = pages;
        OutputFiles = outputFiles;
        SearchDocuments = searchDocuments;

        // Drop what the committed build no longer used, so a long `serve` does not grow without bound.
        _markdown.Trim();
        _plainText.Trim();
        _qrCodes.Trim();
        SearchDocumentMemo.Trim();
        Stories.Trim();
    }

    private static UInt128 Key(string text, UInt128 salt) => Key("", text, salt);

    /// <summary>Hashes the parts one after the other (with the first one's length, so parts cannot run into each other) instead of joining them into a new string.</summary>
    private static UInt128 Key(string prefix, string text, UInt128 salt)
    {
        var hash = new XxHash128();
        var length = prefix.Length;
        hash.Append(MemoryMarshal.AsBytes(new ReadOnlySpan<UInt128>(in salt)));
        hash.Append(MemoryMarshal.AsBytes(new ReadOnlySpan<int>(in length)));
        hash.Append(MemoryMarshal.AsBytes(prefix.AsSpan()));
        hash.Append(MemoryMarshal.AsBytes(text.AsSpan()));
        return hash.GetCurrentHashAsUInt128();
    }

    private sealed record LoadedFile(long Length, DateTime Modified, SourceDocument Document);

    /// <summary>Results by content hash, remembering which were asked for since the last trim.</summary>
    /// <remarks>
    /// Every page of a rebuild asks, from both render workers: the sets have many lock stripes and
    /// start at the size the last build reached, or the workers wait on each other's locks and on
    /// the sets growing, a large part of a big site's rebuild.
    /// </remarks>
    private sealed class Memo<T>
    {
        private const int Stripes = 64;
        private readonly ConcurrentDictionary<UInt128, T> _values = new(Stripes, 1024);
        private ConcurrentDictionary<UInt128, bool> _used = new(Stripes, 1024);

        public T Get(UInt128 key, Func<(T Value, bool Reusable)> compute)
        {
            _used[key] = true;
            if (_values.TryGetValue(key, out var value))
            {
                return value;
            }

            var (fresh, reusable) = compute();
            if (reusable)
            {
                _values[key] = fresh;
            }

            return fresh;
        }

        public void Trim()
        {
            foreach (var key in _values.Keys.Where(k => !_used.ContainsKey(k)))
            {
                _values.TryRemove(key, out _);
            }

            _used = new(Stripes, Math.Max(1024, _values.Count));
        }
    }
}
