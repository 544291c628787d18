using Site.Generator.Diagnostics;
using Site.Generator.Indexing;
using Site.Generator.Rendering;
using Site.Generator.Writing;

namespace Site.Generator.Build;

/// <summary>
/// The two folders one build stages, the site and the endpoint's data (<see cref="StagingFolder"/>),
/// with the memos of the render and the index: committed together, or discarded together.
/// </summary>
internal sealed class BuildOutput : IDisposable
{
    private readonly BuildOptions _options;
    private bool _committed;

    private BuildOutput(BuildOptions options, SiteOutput site, PageRenderer.Memory? pageMemory, IntakeDataWriter.IndexMemory? indexMemory)
    {
        _options = options;
        Site = site;
        PageMemory = pageMemory;
        IndexMemory = indexMemory;
    }

    /// <summary>The site's files, each hashed as it is written for the signed manifest.</summary>
    public SiteOutput Site { get; }

    /// <summary>With `serve`: the last build's page fingerprints and this build's.</summary>
    public PageRenderer.Memory? PageMemory { get; }

    /// <summary>With `serve`: the last index's document fingerprints and this build's.</summary>
    public IntakeDataWriter.IndexMemory? IndexMemory { get; }

    /// <summary>Written beside the endpoint's data, so the next build knows whether its cache describes the output.</summary>
    public string Stamp { get; } = Guid.NewGuid().ToString("N");

    public static BuildOutput Open(BuildOptions options, BuildCache? cache, int expectedFiles)
    {
        // The cache describes the output only if the output is still the one its build wrote
        // (a `build` from another process in between writes a new stamp).
        var trusted = cache?.Stamp is { } stamp && IntakeDataWriter.ReadStamp(options.IntakeOutput) == stamp && Directory.Exists(options.Output);
        var writer = new SiteWriter(options.Output, trusted ? cache!.OutputFiles : null, expectedFiles);
        var site = new SiteOutput(writer, options.Output, trusted ? cache!.FileHashes : null, expectedFiles) { PreviousManifestOrder = trusted ? cache!.ManifestOrder : null };
        var pageMemory = cache is null ? null : new PageRenderer.Memory(trusted ? cache.Pages : PageRenderer.PageLedger.Empty);
        // Sized to the last index: a rebuild adds every document's fingerprint again.
        var indexMemory = cache is null ? null : new IntakeDataWriter.IndexMemory(trusted ? cache.SearchDocuments : null, new(cache.SearchDocuments?.Count ?? 0), cache.SearchDocumentMemo);
        return new BuildOutput(options, site, pageMemory, indexMemory);
    }

    /// <summary>Runs the steps beside the index; if one throws, the index is not left writing into its staging folder.</summary>
    public async Task DiscardIndexIfThrows(Task index, Func<Task> steps)
    {
        try
        {
            await steps();
        }
        catch
        {
            await index.ContinueWith(_ => { }, TaskScheduler.Default);
            IntakeDataWriter.Discard(_options.IntakeOutput);
            throw;
        }
    }

    /// <summary>Awaited even when a page failed: the staging folder is removed only once nothing writes into it.</summary>
    public async Task WaitForIndex(Task index, DiagnosticBag diagnostics)
    {
        try
        {
            await index;
        }
        catch (Exception) when (diagnostics.HasErrors)
        {
            // A body the render could not convert fails the index the same way; the render's
            // diagnostic names the page, and the build ends as a content error, not a crash.
        }
    }

    public int Commit(BuildCache? cache)
    {
        IntakeDataWriter.SwapIn(_options.IntakeOutput);
        Site.Writer.Commit();
        _committed = true;
        cache?.Commit(Stamp, PageMemory!.Current(), Site.Writer.Files, Site.Hashes, IndexMemory!.Current.Count > 0 ? IndexMemory.Current : null, Site.ManifestOrder);
        return 0;
    }

    public void Dispose()
    {
        if (!_committed)
        {
            IntakeDataWriter.Discard(_options.IntakeOutput);
        }

        Site.Writer.Dispose();
    }
}
