using System.Text.Json;
using Site.Generator.Model;
using Site.Generator.Rendering;
using Site.Generator.Writing;
using Site.Contracts;
using Site.Search;
using Site.Theme.ViewModels;

namespace Site.Generator.Indexing;

/// <summary>
/// Writes what the endpoint reads (drafts.json, the search index, the site chrome for the pages it
/// renders) into a staging folder, then swaps it in, so a running endpoint never sees half a build.
/// </summary>
public static class IntakeDataWriter
{
    /// <summary>
    /// The previous index's documents (URL → fingerprint; null: build the index from scratch) and where
    /// this build's go. With a previous index, only documents whose fingerprint changed are analysed.
    /// </summary>
    public sealed record IndexMemory(IReadOnlyDictionary<string, UInt128>? Previous, Dictionary<string, UInt128> Current, SearchDocumentMemo? Documents = null);

    public static string? ReadStamp(string folder) => BuildContract.ReadStamp(folder);

    /// <summary>
    /// Writes everything into <paramref name="folder"/>.staging, leaving <paramref name="folder"/> as it
    /// is: the build swaps it in (<see cref="SwapIn"/>) only once it knows the site has no errors.
    /// </summary>
    // The endpoint's settings (BuildContract), with the generator's source-generated metadata.
    private static readonly JsonSerializerOptions ManifestJson = GeneratorJson.With(BuildContract.ManifestJson);
    private static readonly JsonSerializerOptions ChromeJson = GeneratorJson.With(BuildContract.ChromeJson);

    public static void Stage(SiteModel site, SiteChrome chrome, string folder, string stamp, IndexMemory? memory = null, Func<MarkdownSource, string>? plainText = null)
    {
        var staging = StagingFolder.Create(folder);
        File.WriteAllText(Path.Combine(staging, BuildContract.DraftsFile), JsonSerializer.Serialize(Manifest(site), GeneratorJson.Info<DraftManifest>(ManifestJson)));
        File.WriteAllText(Path.Combine(staging, BuildContract.DeputiesFile), JsonSerializer.Serialize(DeputyManifest(site), GeneratorJson.Info<DeputyManifest>(ManifestJson)));
        File.WriteAllText(Path.Combine(staging, BuildContract.StationsFile), JsonSerializer.Serialize(StationManifest(site), GeneratorJson.Info<StationManifest>(ManifestJson)));
        File.WriteAllText(Path.Combine(staging, BuildContract.ChromeFile), JsonSerializer.Serialize(chrome, GeneratorJson.Info<SiteChrome>(ChromeJson)));
        WriteIndex(Path.Combine(staging, BuildContract.IndexFolder), Path.Combine(folder, BuildContract.IndexFolder), SearchDocuments.From(site, plainText, memory?.Documents), memory);
        File.WriteAllText(Path.Combine(staging, BuildContract.StampFile), stamp);
    }

    /// <summary>Replaces <paramref name="folder"/> with what <see cref="Stage"/> wrote beside it.</summary>
    public static void SwapIn(string folder) => StagingFolder.SwapIn(folder);

    /// <summary>Removes what <see cref="Stage"/> wrote, for a build that failed after staging.</summary>
    public static void Discard(string folder) => StagingFolder.Discard(folder);

    private static void WriteIndex(string target, string previousIndex, IEnumerable<SearchDocument> documents, IndexMemory? memory)
    {
        if (memory is null)
        {
            SearchIndexWriter.Write(target, documents);
            return;
        }

        var all = documents.ToList();

        // Fingerprints of documents kept from the last build are remembered; new ones take both cores.
        var fingerprints = all.AsParallel().AsOrdered()
            .Select(document => memory.Documents?.Fingerprint(document) ?? ModelFingerprint.Of(document))
            .ToArray();
        for (var i = 0; i < all.Count; i++)
        {
            // A URL is the document's key in the index; two documents with one URL cannot be updated apart.
            if (!memory.Current.TryAdd(all[i].Url, fingerprints[i]))
            {
                memory.Current.Clear();
                SearchIndexWriter.Write(target, all);
                return;
            }
        }

        if (memory.Previous is not { } previous || !Directory.Exists(previousIndex))
        {
            SearchIndexWriter.Write(target, all);
            return;
        }

        var changed = all.Where(d => !previous.TryGetValue(d.Url, out var before) || before != memory.Current[d.Url]).ToList();
        var removed = previous.Keys.Where(url => !memory.Current.ContainsKey(url)).ToList();
        SearchIndexWriter.Update(target, previousIndex, changed, removed);
    }

    public static DraftManifest Manifest(SiteModel site) => new(site.Drafts
        .Select(d => new DraftEntry(
            d.Id.Value,
            d.Title,
            d.Url,
            d.OpensAt,
            d.ClosesAt,
            d.Text.Articles.Select(a => new ArticleEntry(a.Anchor, a.Label, string.Join('\n', a.Paragraphs))).ToList(),
            d.Feedback is { } feedback
                ? new DraftFeedbackEntry(feedback.Published, d.Url + "#feedback", feedback.Received, feedback.Adopted,
                    feedback.Articles.Select(o => new ArticleOutcomeEntry(DraftArticle.AnchorFor(o.Article), o.Outcome, o.Reason)).ToList())
                : null,
            d.Reading))
        .ToList());

    public static DeputyManifest DeputyManifest(SiteModel site) => new(site.Deputies
        .Select(d => new DeputyEntry(d.Id.Value, d.Name, d.Url, d.Station?.Value, d.TermEnded))
        .ToList());

    public static StationManifest StationManifest(SiteModel site) => new(site.Stations
        .Select(s => new StationEntry(s.Id.Value, s.Name, s.Url, s.Region?.Value))
        .ToList());
}
