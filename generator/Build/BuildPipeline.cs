using System.Text;
using Site.Generator.Diagnostics;
using Site.Generator.Indexing;
using Site.Generator.Linking;
using Site.Generator.Loading;
using Site.Generator.Model;
using Site.Generator.Rendering;
using Site.Generator.Rendering.Markdown;
using Site.Generator.Rendering.Pages;
using Site.Generator.Validation;
using Site.Generator.Writing;
using Site.Theme.ViewModels;

namespace Site.Generator.Build;

/// <summary>
/// The recipe: load → validate → link → plan → render and write, with the search index built
/// beside them → commit. Every step adds to one diagnostic bag; if any error was found, nothing
/// replaces the last good site or the last good index.
/// </summary>
public static class BuildPipeline
{
    private const string SitemapFile = "sitemap.xml";

    /// <param name="cache">What the previous build in this process left (`serve`); null builds everything.</param>
    public static async Task<BuildReport> RunAsync(BuildOptions options, CancellationToken cancellationToken = default, BuildCache? cache = null)
    {
        var report = new BuildReport(new DiagnosticBag());
        var diagnostics = report.Diagnostics;
        if (!options.CheckOnly && options.OutputProblem() is { } outputProblem)
        {
            diagnostics.Error(DiagnosticCodes.UnsafeOutput, new SourceLocation("--out"), outputProblem);
            return report;
        }

        // Load: files → raw documents and records, with positions for every field.
        var content = report.Time("load", () => ContentLoader.Load(options.Root, diagnostics, cache));
        var input = report.Time("load-input", () => InputLoader.Load(options.Root, diagnostics));

        // Deputies' names go into the index with their pinyin; the transform compiles while the site renders.
        if (input.Of(RecordKind.Deputies).Count > 0)
        {
            _ = NamePinyin.WarmUp();
        }

        // Validate: raw → typed records; bad fields become diagnostics, never exceptions.
        var validated = report.Time("validate", () => SiteValidator.Validate(content, input, diagnostics, cache?.Stories));

        // Link: ids → records, back-links, roster order.
        var site = report.Time("link", () => SiteLinker.Link(validated, options.Now, diagnostics));
        report.Model = site;

        // Plan: every page's URL is known before any is rendered, so links can be checked.
        var urls = new SiteUrls();
        var assets = ThemeAssets.Load(options.Root, diagnostics);
        var context = new PageContext(site, urls, diagnostics, cache);
        var jobs = report.Time("plan", () => PagePlanner.Plan(context));
        PagePlanner.RegisterUrls(site, jobs, validated.StaticFiles, urls);
        foreach (var name in assets.Files.Keys)
        {
            urls.AddAsset("/assets/" + name);
        }

        OutputCollisions.Report(validated.StaticFiles, jobs, assets.Files.Keys, diagnostics);

        if (options.CheckOnly)
        {
            // check = everything but writing: Markdown is rendered only to find broken links and images.
            report.Time("check-links", () =>
            {
                Parallel.ForEach(MarkdownSources(site), source => MarkdownRenderer.Render(source, urls, diagnostics));
                return 0;
            });
            return report;
        }

        if (diagnostics.HasErrors)
        {
            return report;
        }

        // The cache describes the output only if the output is still the one its build wrote
        // (a `build` from another process in between writes a new stamp).
        var trusted = cache?.Stamp is { } stamp && IntakeDataWriter.ReadStamp(options.IntakeOutput) == stamp && Directory.Exists(options.Output);
        using var writer = new SiteWriter(options.Output, trusted ? cache!.OutputFiles : null, expectedFiles: jobs.Count + assets.Files.Count + validated.StaticFiles.Count + 3);
        var pageMemory = cache is null ? null : new PageRenderer.Memory(
            trusted ? cache.Pages : new Dictionary<string, UInt128>(),
            new(concurrencyLevel: 64, capacity: jobs.Count, StringComparer.Ordinal)); // sized up front: both workers add every page
        var chrome = Chrome(site, assets);

        // Index: the search index and the endpoint's data, staged beside the last good ones while the
        // pages render. Each alone left part of both cores idle (render 82-90 % busy, index 80-90 %);
        // side by side they fill each other's gaps. Stories' plain text comes from the same Markdown
        // parse as their HTML, whichever of the two steps gets to a story first.
        var newStamp = Guid.NewGuid().ToString("N");
        var indexMemory = cache is null ? null : new IntakeDataWriter.IndexMemory(trusted ? cache.SearchDocuments : null, new(), cache.SearchDocumentMemo);
        var index = report.TimeBeside("index", () => IntakeDataWriter.Stage(site, chrome, options.IntakeOutput, newStamp, indexMemory, context.PlainText), cancellationToken);

        try
        {
            await report.TimeAsync("render", async () => report.PagesRendered = await PageRenderer.RenderAsync(jobs, chrome, writer, diagnostics, pageMemory, cancellationToken));
            report.Pages = jobs.Count;

            report.Time("write", () =>
            {
                foreach (var (name, bytes) in assets.Files)
                {
                    writer.Write("assets/" + name, bytes);
                }

                foreach (var file in validated.StaticFiles)
                {
                    writer.Copy(SiteUrls.StaticUrl(file).TrimStart('/'), Path.Combine(options.Root, file));
                }

                writer.Write("feed.xml", FeedWriter.Write(site));
                // Kept, like an unchanged page, while the pages it lists and their dates stay the same.
                var sitemap = SitemapWriter.Fingerprint(site, jobs);
                if (pageMemory is null || !pageMemory.Previous.TryGetValue(SitemapFile, out var previous) || previous != sitemap || !writer.Keep(SitemapFile))
                {
                    writer.Write(SitemapFile, SitemapWriter.Write(site, jobs));
                }

                pageMemory?.Current.TryAdd(SitemapFile, sitemap);
                writer.Write("robots.txt", Encoding.UTF8.GetBytes($"User-agent: *\nAllow: /\nSitemap: {site.Config.AbsoluteUrl("/sitemap.xml")}\n"));
                return 0;
            });
        }
        catch
        {
            // The index is not left writing into its staging folder once this build is given up.
            await index.ContinueWith(_ => { }, TaskScheduler.Default);
            IntakeDataWriter.Discard(options.IntakeOutput);
            throw;
        }

        // Awaited even when a page failed: its staging folder is removed only once nothing writes into it.
        try
        {
            await report.TimeAsync("wait-index", () => index);
        }
        catch (Exception) when (diagnostics.HasErrors)
        {
            // A body the render could not convert fails the index the same way; the render's
            // diagnostic names the page, and the build ends as a content error, not a crash.
        }

        if (diagnostics.HasErrors)
        {
            IntakeDataWriter.Discard(options.IntakeOutput);
            return report;
        }

        report.Time("commit", () =>
        {
            IntakeDataWriter.SwapIn(options.IntakeOutput);
            writer.Commit();
            cache?.Commit(newStamp, pageMemory!.Current, writer.Files, indexMemory!.Current.Count > 0 ? indexMemory.Current : null);
            return 0;
        });
        report.FilesWritten = writer.FileCount;
        report.FilesUnchanged = writer.UnchangedCount;
        return report;
    }

    private static IEnumerable<MarkdownSource> MarkdownSources(SiteModel site) =>
        site.Stories.Select(s => s.Body)
            .Concat(site.Pages.Select(p => p.Body))
            .Concat(site.Drafts.SelectMany(d => new[] { d.Explanation, d.Feedback?.Report }).OfType<MarkdownSource>());

    public static SiteChrome Chrome(SiteModel site, ThemeAssets assets) => new(
        site.Config.Title,
        site.Config.ShortTitle,
        site.Config.BaseUrl.TrimEnd('/'),
        assets.Url("site.css"),
        assets.Url("site.js"),
        [
            new NavItem("首页", "/", "home"),
            new NavItem("代表", "/deputies/", "deputies"),
            new NavItem("家站点", "/stations/", "stations"),
            new NavItem("建议办理", "/suggestions/", "suggestions"),
            .. site.Ballots.Count > 0 ? [new NavItem("民生实事", "/ballots/", "ballots")] : Array.Empty<NavItem>(),
            new NavItem("征求意见", "/drafts/", "drafts"),
            new NavItem("履职故事", "/stories/", "stories"),
        ],
        site.Pages.Select(p => new NavItem(p.Title, p.Url, p.Slug)).Append(new NavItem("订阅", "/feed.xml", "feed")).ToList(),
        $"© {site.Config.Title}");
}
