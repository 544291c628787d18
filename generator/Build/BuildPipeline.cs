using Site.Generator.Diagnostics;
using Site.Generator.Indexing;
using Site.Generator.Linking;
using Site.Generator.Loading;
using Site.Generator.Model;
using Site.Generator.Rendering;
using Site.Generator.Rendering.Markdown;
using Site.Generator.Rendering.Pages;
using Site.Generator.Validation;
using Site.Generator.Vocabulary;
using Site.Generator.Writing;
using Site.Search;
using Site.Theme.ViewModels;

namespace Site.Generator.Build;

/// <summary>
/// The recipe: load → validate → link → plan → render ∥ index → write → commit. Every step adds to
/// one diagnostic bag; content errors are diagnostics, and any error keeps the last good site and
/// index in place. An exception is an internal failure and names its step (<see cref="BuildStepException"/>).
/// </summary>
public static class BuildPipeline
{
    /// <param name="cache">What the previous build in this process left (`serve`); null builds everything.</param>
    public static async Task<BuildReport> RunAsync(BuildOptions options, CancellationToken cancellationToken = default, BuildCache? cache = null)
    {
        var report = new BuildReport(new DiagnosticBag()) { Progress = options.Progress };
        var diagnostics = report.Diagnostics;

        // Root: a mistyped --root is an error, not an empty site.
        if (options.RootProblem() is { } rootProblem)
        {
            diagnostics.Error(DiagnosticCodes.MissingRoot, new SourceLocation("--root"), rootProblem);
            return report;
        }

        // Output: never replace a folder that holds the site's sources (--out . or --out content).
        if (!options.CheckOnly && options.OutputProblem() is { } outputProblem)
        {
            diagnostics.Error(DiagnosticCodes.UnsafeOutput, new SourceLocation("--out"), outputProblem);
            return report;
        }

        // Load: files → raw documents and records, with a position for every field.
        var (content, input) = report.Time("load", () => Load(options, diagnostics, cache));

        // Validate: raw → typed records; a bad field is a diagnostic, never an exception.
        var validated = report.Time("validate", () => SiteValidator.Validate(content, input, diagnostics, cache?.Stories, options.Now));

        // Link: ids → records, back-links, roster order.
        var site = report.Model = report.Time("link", () => SiteLinker.Link(validated, options.Now, diagnostics));

        // Photos: each deputy's photo found and its header checked (pixels are decoded only when written).
        var photos = report.Time("photos", () => DeputyPhotos.Inspect(options.Root, validated, site, diagnostics));

        // Signing key (configuration, or an ephemeral one for preview): its public half is published on /verify/.
        using var key = options.CheckOnly ? null : SigningKey.Load(options.Root, out var keyProblem) is { } loaded ? loaded : Problem(diagnostics, keyProblem);
        report.SigningKeyEphemeral = key?.IsEphemeral ?? false;

        // Plan: every page's URL, each claimed once, before any page renders, so links and clashes are checked.
        var plan = report.Time("plan", () => Plan(options, site, validated, diagnostics, cache, key?.PublicKey, photos));

        if (options.CheckOnly || diagnostics.HasErrors)
        {
            // check = all of the above, and Markdown rendered only to find broken links and images; a build
            // that already failed does the same, so its one run also reports every broken link (those of
            // stories that failed validation included).
            report.Time("check-links", () => CheckLinks(site, validated, plan.Urls, diagnostics));
            return report;
        }

        // Render ∥ index: the pages go to the site's staging folder while the search index and the
        // endpoint's data are staged beside it; each step alone leaves part of the cores idle.
        using var output = BuildOutput.Open(options, cache, plan.Jobs.Count + plan.Reserved.Count + validated.StaticFiles.Count);
        var index = report.TimeBeside("index", () => IntakeDataWriter.Stage(site, plan.Chrome, options.IntakeOutput, output.Stamp, output.IndexMemory, plan.Context.PlainText), cancellationToken);
        await output.DiscardIndexIfThrows(index, async () =>
        {
            // Photos: each size of every deputy's photo, encoded beside the render (they need nothing it
            // makes); after it, their encoding was all a small site's build did at its end.
            var photosWritten = report.TimeBeside("photos-write", () => report.PhotosEncoded = photos.Write(options.Root, output.Site, diagnostics), cancellationToken);
            try
            {
                await report.TimeAsync("render", async () => report.PagesRendered = await PageRenderer.RenderAsync(plan.Jobs, plan.Chrome, output.Site, diagnostics, output.PageMemory, cancellationToken, options.Progress));
                report.Pages = plan.Jobs.Count;

                // Write: what is not a page (assets, content files, feed, sitemap, robots.txt).
                report.Time("write", () => SiteFiles.Write(options, site, plan.Jobs, plan.Assets, photos.Published(validated.StaticFiles), output.Site, output.PageMemory));
            }
            finally
            {
                // Never leave the photos writing into a staging folder that a failed render discards.
                await Task.WhenAny(photosWritten);
            }

            await photosWritten;

            // Sign: every file's SHA-256, taken as it was written, in site-manifest.json signed with
            // Ed25519 (checked by `verify`), staged with the site so it is swapped in with it.
            report.Time("sign", () => output.Site.StageManifest(key!));
        });
        await report.TimeAsync("wait-index", () => output.WaitForIndex(index, diagnostics));

        // Commit: both staged folders swapped in together, only if no step found an error (else both are discarded).
        if (diagnostics.HasErrors)
        {
            return report;
        }

        report.Time("commit", () => output.Commit(cache));
        report.FilesWritten = output.Site.Writer.FileCount;
        report.FilesUnchanged = output.Site.Writer.UnchangedCount;
        return report;
    }

    private static (ContentLoader.Result Content, InputRecords Input) Load(BuildOptions options, DiagnosticBag diagnostics, BuildCache? cache)
    {
        // Deputies' names go into the roster pages and the index with their pinyin: its table is read
        // now, beside the loading and checking, when there is a roster to read. `check` renders and
        // indexes nothing, so it never needs it.
        var deputies = Path.Combine(options.Root, "input", RecordKind.Deputies.Folder);
        if (!options.CheckOnly && Directory.Exists(deputies) && Directory.EnumerateFiles(deputies, "*", SearchOption.AllDirectories).Any())
        {
            _ = NamePinyin.WarmUp();
        }

        // A build that writes the whole index segments every document's words: the segmenter's
        // dictionaries load now, on the core these single-threaded steps leave idle, not when the
        // index step reaches its first document. A rebuild that re-analyses a few documents, if any,
        // loads them only when it needs them (ChineseWordAnalyzer).
        if (!options.CheckOnly && cache?.SearchDocuments is null && SearchIndexWriter.WordFields)
        {
            _ = ChineseWordAnalyzer.WarmUp();
        }

        var content = ContentLoader.Load(options.Root, diagnostics, cache?.Files);
        var input = InputLoader.Load(options.Root, diagnostics);
        return (content, input);
    }

    /// <summary>The pages and files of one build, and what rendering them needs.</summary>
    private sealed record SitePlan(
        IReadOnlyList<PageJob> Jobs, IReadOnlyList<string> Reserved, SiteUrls Urls, ThemeAssets Assets, PageContext Context, SiteChrome Chrome);

    private static SigningKey? Problem(DiagnosticBag diagnostics, string? problem)
    {
        diagnostics.Error(DiagnosticCodes.SigningKey, new SourceLocation(SigningKey.EnvironmentVariable), problem ?? "签名私钥无效");
        return null;
    }

    private static SitePlan Plan(BuildOptions options, SiteModel site, ValidatedSite validated, DiagnosticBag diagnostics, BuildCache? cache, string? publicKey, DeputyPhotos photos)
    {
        var urls = new SiteUrls();
        var assets = ThemeAssets.Load(options.Root, diagnostics);
        var context = new PageContext(site, urls, diagnostics, cache?.Rendering) { SigningPublicKey = publicKey, Photos = photos };
        var reserved = SiteFiles.Urls(assets).ToList();
        var jobs = PagePlanner.Plan(context, reserved);
        PagePlanner.RegisterUrls(site, jobs, photos.Published(validated.StaticFiles), urls);
        foreach (var name in assets.Files.Keys)
        {
            urls.AddAsset(SiteRoutes.Asset(name));
        }

        // A content file on a generated file's path (the pages' clashes are found by the planner).
        OutputCollisions.Report(validated.StaticFiles, jobs, assets.Files.Keys, diagnostics);
        return new SitePlan(jobs, reserved, urls, assets, context, Chrome(site, assets, urls));
    }

    private static int CheckLinks(SiteModel site, ValidatedSite validated, SiteUrls urls, DiagnosticBag diagnostics)
    {
        Parallel.ForEach(MarkdownSources(site).Concat(validated.UnpublishedBodies), source => MarkdownRenderer.Render(source, urls, diagnostics));
        return 0;
    }

    private static IEnumerable<MarkdownSource> MarkdownSources(SiteModel site) =>
        site.Stories.Select(s => s.Body)
            .Concat(site.Pages.Select(p => p.Body))
            .Concat(site.Drafts.SelectMany(d => new[] { d.Explanation, d.Feedback?.Report }).OfType<MarkdownSource>());

    /// <summary>Title, asset URLs and navigation of every page; the main navigation is site.yaml's, without links to sections this site has no page for.</summary>
    public static SiteChrome Chrome(SiteModel site, ThemeAssets assets, SiteUrls urls) => new(
        site.Config.Title,
        site.Config.ShortTitle,
        site.Config.BaseUrl.TrimEnd('/'),
        assets.Url("site.css"),
        assets.Url("site.js"),
        site.Config.Nav.Where(link => !link.Url.StartsWith('/') || urls.Exists(link.Url)).Select(link => new NavItem(link.Title, link.Url, link.Key)).ToList(),
        site.Pages.Select(p => new NavItem(p.Title, p.Url, p.Slug)).Append(new NavItem("查询回执", SiteRoutes.Receipts, "receipts")).Append(new NavItem("开放数据", SiteRoutes.OpenData, "data")).Append(new NavItem("订阅", SiteRoutes.Feed, "feed")).ToList(),
        $"© {site.Config.Title}",
        site.Config.Description,
        site.Config.Ident.Logo,
        Footer(site.Config.Ident),
        assets.Url("care.css"),
        assets.Url("care.js"));

    private static SiteFooter Footer(SiteIdentity identity) => new(
        identity.Organizer,
        identity.Contact,
        identity.SiteCode,
        identity.Icp,
        identity.PoliceRecord,
        identity.PoliceRecord is { } record
            ? "https://beian.mps.gov.cn/#/query/webSearch?code=" + new string(record.Where(char.IsAsciiDigit).ToArray())
            : null,
        identity.WechatName,
        identity.WechatUrl);
}
