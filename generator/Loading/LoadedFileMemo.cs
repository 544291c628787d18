using System.Collections.Concurrent;

namespace Site.Generator.Loading;

/// <summary>
/// Loading's memo across `serve` rebuilds: Markdown files that loaded without any diagnostic, keyed
/// by full path, modification time and size, so an unchanged file is not read and parsed again.
/// </summary>
public sealed class LoadedFileMemo
{
    private readonly ConcurrentDictionary<string, LoadedFile> _files = new(StringComparer.Ordinal);

    /// <summary>How many loaded Markdown files are kept.</summary>
    public int Count => _files.Count;

    public SourceDocument? Find(string fullPath, long length, DateTime modifiedUtc) => Find(fullPath, length, modifiedUtc, out _);

    /// <param name="known">Whether the memo holds the path at all (if not of this version).</param>
    public SourceDocument? Find(string fullPath, long length, DateTime modifiedUtc, out bool known)
    {
        known = _files.TryGetValue(fullPath, out var file);
        return known && file!.Length == length && file.Modified == modifiedUtc ? file.Document : null;
    }

    /// <summary>Remembers a file that loaded without any diagnostic (one with problems is reloaded, so they are reported again).</summary>
    public void Remember(string fullPath, long length, DateTime modifiedUtc, SourceDocument document) =>
        _files[fullPath] = new LoadedFile(length, modifiedUtc, document);

    /// <summary>Drops files that are gone (deleted or renamed), so a long `serve` session does not keep them.</summary>
    /// <param name="count">How many paths <paramref name="fullPaths"/> holds, each once.</param>
    /// <param name="presentKnown">How many of <paramref name="fullPaths"/> the memo holds, if the caller counted them while loading; else they are counted here.</param>
    public void ForgetExcept(int count, IEnumerable<string> fullPaths, int? presentKnown = null)
    {
        // Every kept file is among the present ones, so equal counts mean nothing is gone (the
        // usual rebuild), without a set of every path of the site.
        if (_files.Count <= count && (presentKnown ?? fullPaths.Count(_files.ContainsKey)) == _files.Count)
        {
            return;
        }

        var present = fullPaths.ToHashSet(StringComparer.Ordinal);
        foreach (var path in _files.Keys.Where(p => !present.Contains(p)))
        {
            _files.TryRemove(path, out _);
        }
    }

    private sealed record LoadedFile(long Length, DateTime Modified, SourceDocument Document);
}
