using Site.Generator.Diagnostics;
using Site.Generator.Model;
using Site.Generator.Vocabulary;
using Site.Generator.Rendering.Markdown;

namespace Site.Generator.Rendering.Pages;

/// <summary>
/// Decides every page of the site. Adding a page kind = a view-model record, a template, and one
/// line here.
/// </summary>
public static class PagePlanner
{
    private static readonly Func<PageContext, IEnumerable<PageJob>>[] Kinds =
    [
        HomePages.Plan,
        StoryPages.Plan,
        DraftPages.Plan,
        DeputyPages.Plan,
        DutyFigurePages.Plan,
        ReportBackPages.Plan,
        StationPages.Plan,
        StationPosterPages.Plan,
        RegionPages.Plan,
        SuggestionPages.Plan,
        BallotPages.Plan,
        OpenDataPages.Plan,
        SearchPages.Plan,
        ReceiptPages.Plan,
        VerifyPages.Plan,
    ];

    /// <summary>
    /// Every page and generated file, each at a URL of its own. A page that would land on a URL
    /// already taken (a page named deputies) is a content error at its file, reported by `check`
    /// too, and is left out.
    /// </summary>
    /// <param name="reserved">URLs of files the build writes besides pages (assets, feed, sitemap); content files are checked by <c>OutputCollisions</c>.</param>
    public static IReadOnlyList<PageJob> Plan(PageContext context, IEnumerable<string> reserved)
    {
        var jobs = new List<PageJob>();
        var claimed = new Dictionary<string, SourceLocation?>(StringComparer.Ordinal);
        foreach (var job in Kinds.SelectMany(kind => kind(context)))
        {
            if (Claim(claimed, job.Url, job.Source, context.Diagnostics))
            {
                jobs.Add(job);
            }
        }

        foreach (var url in reserved)
        {
            Claim(claimed, url, null, context.Diagnostics);
        }

        return jobs;
    }

    /// <summary>Takes a URL's output file for one claimant, or reports the clash where an author can fix it.</summary>
    private static bool Claim(Dictionary<string, SourceLocation?> claimed, string url, SourceLocation? source, DiagnosticBag diagnostics)
    {
        var path = SiteRoutes.OutputPath(url);
        if (claimed.TryAdd(path, source))
        {
            return true;
        }

        // Reported at the file an author wrote (a generated page has none to point at).
        const string Generated = "网站按代表、家站点等记录生成的页面";
        var first = claimed[path];
        var (at, other) = source is { } s ? (s, first is { } f ? $" {f.Path} " : Generated)
            : first is { } g ? (g, Generated)
            : throw new InvalidOperationException($"Two generated outputs claim {path}.");
        diagnostics.Error(DiagnosticCodes.UrlClash, at, $"网址 {url} 与{other}重复，两者会写到同一个文件；请给这个页面换一个网址名（slug）");
        return false;
    }

    /// <summary>Registers every page, static file and content source, so links can be checked while rendering.</summary>
    public static void RegisterUrls(SiteModel site, IReadOnlyList<PageJob> jobs, IEnumerable<string> staticFiles, SiteUrls urls)
    {
        foreach (var job in jobs)
        {
            urls.AddPage(job.Url);
        }

        foreach (var file in staticFiles)
        {
            urls.AddStaticFile(file);
        }

        foreach (var story in site.Stories)
        {
            urls.AddSource(story.Body.Path, story.Url);
        }

        foreach (var page in site.Pages)
        {
            urls.AddSource(page.Body.Path, page.Url);
        }

        foreach (var draft in site.Drafts)
        {
            urls.AddSource(draft.SourcePath, draft.Url);
        }
    }
}
