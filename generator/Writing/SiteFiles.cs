using System.Text;
using Site.Generator.Model;
using Site.Generator.Rendering;
using Site.Generator.Rendering.Markdown;
using Site.Generator.Rendering.Pages;
using Site.Generator.Vocabulary;

namespace Site.Generator.Writing;

/// <summary>Everything the site holds besides its pages: theme assets, content files, the feed, the sitemap and robots.txt.</summary>
public static class SiteFiles
{
    private const string SitemapFile = "sitemap.xml";

    /// <summary>The URL of each file the build makes besides pages and content files, so the planner can tell a page that lands on one.</summary>
    public static IEnumerable<string> Urls(ThemeAssets assets) =>
        assets.Files.Keys.Select(SiteRoutes.Asset).Concat([SiteRoutes.Feed, SiteRoutes.Sitemap, SiteRoutes.Robots, SiteRoutes.Manifest, SiteRoutes.ManifestSignature]);

    public static int Write(
        Build.BuildOptions options, SiteModel site, IReadOnlyList<PageJob> jobs, ThemeAssets assets, IEnumerable<string> staticFiles, SiteOutput writer, PageRenderer.Memory? pageMemory)
    {
        foreach (var (name, bytes) in assets.Files)
        {
            writer.Write(SiteRoutes.OutputPath(SiteRoutes.Asset(name)), bytes);
        }

        foreach (var file in staticFiles)
        {
            writer.Copy(SiteRoutes.OutputPath(SiteUrls.StaticUrl(file)), Path.Combine(options.Root, file));
        }

        writer.Write(SiteRoutes.OutputPath(SiteRoutes.Feed), FeedWriter.Write(site));

        // Kept, like an unchanged page, while the pages it lists and their dates stay the same.
        var sitemap = SitemapWriter.Fingerprint(site, jobs);
        if (pageMemory is null || !pageMemory.Previous.Files.TryGetValue(SitemapFile, out var previous) || previous != sitemap || !writer.Keep(SitemapFile))
        {
            writer.Write(SitemapFile, SitemapWriter.Write(site, jobs));
        }

        pageMemory?.Files.TryAdd(SitemapFile, sitemap);
        writer.Write(SiteRoutes.OutputPath(SiteRoutes.Robots), Encoding.UTF8.GetBytes($"User-agent: *\nAllow: /\nSitemap: {site.Config.AbsoluteUrl(SiteRoutes.Sitemap)}\n"));
        return 0;
    }
}
