using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Site.Generator.Diagnostics;
using Site.Generator.Model;

namespace Site.Generator.Rendering.Markdown;

/// <summary>
/// Markdown source → HTML through <see cref="SiteMarkdown.Pipeline"/>. Between parse and render every
/// link and image is rewritten: relative paths become site paths (an image beside a story resolves
/// from the story's pretty URL), links to .md files become page URLs, unsafe schemes are dropped,
/// and missing targets are reported at their line.
/// </summary>
public static class MarkdownRenderer
{
    public static string Render(MarkdownSource source, SiteUrls urls, DiagnosticBag? diagnostics)
    {
        var document = Markdig.Markdown.Parse(source.Text, SiteMarkdown.Pipeline);
        var resolver = new LinkResolver(urls, source, diagnostics);
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (link.Url is { } url)
            {
                link.Url = resolver.Resolve(url, link.IsImage, link.Line);
            }
        }

        foreach (var autolink in document.Descendants<AutolinkInline>())
        {
            autolink.Url = resolver.Resolve(autolink.Url, false, autolink.Line);
        }

        return document.ToHtml(SiteMarkdown.Pipeline);
    }
}
