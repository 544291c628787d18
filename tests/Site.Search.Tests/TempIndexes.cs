using Site.Search;

namespace Site.Search.Tests;

/// <summary>
/// Indexes a test class writes, each in a new folder under the temp folder named with
/// <paramref name="prefix"/>; every folder is removed when the class is disposed.
/// </summary>
internal sealed class TempIndexes(string prefix) : IDisposable
{
    private readonly List<string> _folders = [];

    /// <summary>Writes <paramref name="documents"/> as the build does and opens the index.</summary>
    public SearchIndex Write(IEnumerable<SearchDocument> documents)
    {
        var folder = Path.Combine(Path.GetTempPath(), prefix + Guid.NewGuid().ToString("N")[..12]);
        _folders.Add(folder);
        SearchIndexWriter.Write(folder, documents);
        return SearchIndex.Open(folder);
    }

    public void Dispose()
    {
        foreach (var folder in _folders.Where(Directory.Exists))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
