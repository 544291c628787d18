using System.Text.Json;
using Site.Search;
using Site.Theme.ViewModels;

namespace Site.Intake.Search;

/// <summary>
/// The index and site chrome the last build wrote (index/ and chrome.json in the data folder),
/// reopened after each rebuild; searches in flight keep the index they started on.
/// </summary>
public sealed class SearchService(string dataPath) : IDisposable
{
    public const string IndexFolder = BuildContract.IndexFolder;
    public const string ChromeFile = BuildContract.ChromeFile;

    private readonly BuildData<SearchIndex> _index = new(
        Path.Combine(dataPath, IndexFolder), SearchIndex.Open, release: index => index.Dispose());

    private readonly BuildData<SiteChrome> _chrome = new(
        Path.Combine(dataPath, ChromeFile),
        path => JsonSerializer.Deserialize<SiteChrome>(File.ReadAllText(path), ChromeJson) ?? throw new InvalidDataException(path));

    public static JsonSerializerOptions ChromeJson => BuildContract.ChromeJson;

    /// <summary>The site chrome the build used, for pages the endpoint renders itself; null before any build.</summary>
    public SiteChrome? Chrome => _chrome.Current;

    /// <summary>Queries the search box suggests, from the index's own content (none before any build).</summary>
    public IReadOnlyList<string> Examples => _index.Current?.Examples ?? [];

    /// <summary>Null when no build has written an index yet.</summary>
    public SearchResponse? Search(SearchRequest request)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            if (_index.Current is not { } index)
            {
                return null;
            }

            // A rebuild may have released this index between the two lines: take the new one.
            if (!index.TryAcquire())
            {
                continue;
            }

            try
            {
                return index.Search(request);
            }
            finally
            {
                index.Release();
            }
        }

        return null;
    }

    public void Dispose() => _index.Current?.Dispose();
}
