using Site.Generator.Diagnostics;
using Site.Generator.Model;

namespace Site.Generator.Rendering.Markdown;

/// <summary>
/// Turns a link as an author wrote it into a site path and checks that the target exists.
/// One per Markdown document (it knows the document's folder and first line).
/// </summary>
public sealed class LinkResolver(SiteUrls urls, MarkdownSource source, DiagnosticBag? diagnostics)
{
    private static readonly string[] SafeSchemes = ["http:", "https:", "mailto:", "tel:"];

    /// <param name="line">0-based line in the Markdown text (Markdig's convention).</param>
    public string Resolve(string url, bool isImage, int line)
    {
        url = url.Trim();
        if (url.Length == 0 || url.StartsWith('#'))
        {
            return url;
        }

        // An image must be a local file of an allowed type: no other site's images, no SVG.
        if (isImage && Validation.ImageReference.Problem(url) is { } problem)
        {
            Report(DiagnosticCodes.BadImage, line, problem);
            return "#";
        }

        var colon = url.IndexOf(':');
        var slash = url.IndexOf('/');
        if (colon > 0 && (slash < 0 || colon < slash))
        {
            if (SafeSchemes.Any(s => url.StartsWith(s, StringComparison.OrdinalIgnoreCase)))
            {
                return url;
            }

            Report(DiagnosticCodes.BrokenLink, line, $"不安全的链接“{url}”已去掉：只允许 http、https、mailto、tel 链接");
            return "#";
        }

        var (path, suffix) = SplitSuffix(url);
        var resolved = urls.Resolve(source.Folder, path);
        if (!urls.Exists(resolved))
        {
            Report(
                isImage ? DiagnosticCodes.MissingImage : DiagnosticCodes.BrokenLink,
                line,
                isImage ? $"找不到图片“{url}”" : $"站内链接“{url}”指向的页面不存在");
            return url;
        }

        return urls.PageFor(resolved) + suffix;
    }

    private void Report(string code, int line, string message) =>
        diagnostics?.Error(code, new SourceLocation(source.Path, source.FirstLine + line, 0), message);

    private static (string Path, string Suffix) SplitSuffix(string url)
    {
        var cut = url.IndexOfAny(['#', '?']);
        return cut < 0 ? (url, "") : (url[..cut], url[cut..]);
    }
}
