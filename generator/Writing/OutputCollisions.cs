using Site.Generator.Diagnostics;
using Site.Generator.Rendering.Markdown;
using Site.Generator.Rendering.Pages;

namespace Site.Generator.Writing;

/// <summary>
/// A file in content/ is published at its own path; it must not take the place of a file the build
/// makes (robots.txt, sitemap.xml, feed.xml, a theme asset, a page), nor sit where a page needs a
/// folder. Found before anything is written, as a content error at the file, in `check` too.
/// </summary>
public static class OutputCollisions
{
    /// <summary>What the build writes besides pages and theme assets (BuildPipeline's write step).</summary>
    public static readonly IReadOnlyList<string> GeneratedFiles = ["feed.xml", "sitemap.xml", "robots.txt"];

    /// <param name="staticFiles">content/ files to publish, site-root relative (content/stories/a.jpg).</param>
    /// <param name="assetNames">Theme asset names, published under assets/.</param>
    public static void Report(IEnumerable<string> staticFiles, IReadOnlyList<PageJob> jobs, IEnumerable<string> assetNames, DiagnosticBag diagnostics)
    {
        HashSet<string>? generated = null;
        foreach (var file in staticFiles)
        {
            generated ??= jobs.Select(j => j.OutputPath).Concat(assetNames.Select(a => "assets/" + a)).Concat(GeneratedFiles).ToHashSet(StringComparer.Ordinal);
            var path = SiteUrls.StaticUrl(file).TrimStart('/');
            var problem = generated.Contains(path) ? $"网站生成的文件 {path} 与它同名，两者不能同时发布：请删除或改名"
                : generated.Contains(path + "/index.html") ? $"网站在 /{path}/ 生成一个页面，需要同名的文件夹：请给这个文件改名"
                : Parents(path).FirstOrDefault(generated.Contains) is { } parent ? $"网站生成的文件 {parent} 与这个文件所在的文件夹同名：请改文件夹名"
                : null;
            if (problem is not null)
            {
                diagnostics.Error(DiagnosticCodes.OutputCollision, new SourceLocation(file), problem);
            }
        }
    }

    private static IEnumerable<string> Parents(string path)
    {
        for (var slash = path.IndexOf('/'); slash > 0; slash = path.IndexOf('/', slash + 1))
        {
            yield return path[..slash];
        }
    }
}
