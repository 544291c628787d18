using Markdig;
using Markdig.Renderers;
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
    public static string Render(MarkdownSource source, SiteUrls urls, DiagnosticBag? diagnostics, Site.Theme.Nowrap.NameSet? names = null) =>
        Render(source, urls, diagnostics, plainText: false, names).Html;

    /// <summary>
    /// HTML, and with <paramref name="plainText"/> also the text the search index takes, from one parse. The text's
    /// dates, counts and <paramref name="names"/> (people's names, e.g. the site's deputies) are kept whole on a line
    /// (<see cref="NowrapLiteralRenderer"/>).
    /// </summary>
    public static Rendered Render(MarkdownSource source, SiteUrls urls, DiagnosticBag? diagnostics, bool plainText, Site.Theme.Nowrap.NameSet? names = null)
    {
        var document = Markdig.Markdown.Parse(source.Text, SiteMarkdown.Pipeline);

        // Before links are rewritten: plain text shows no URL, and must be what Markdig's ToPlainText gives.
        var plain = plainText ? PlainText(document) : null;
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

        var html = new StringWriter();
        var renderer = new HtmlRenderer(html);
        SiteMarkdown.Pipeline.Setup(renderer);
        renderer.ObjectRenderers.Replace<Markdig.Renderers.Html.Inlines.LiteralInlineRenderer>(new NowrapLiteralRenderer(names));
        renderer.Render(document);
        html.Flush();
        return new Rendered(html.ToString(), plain);
    }

    /// <summary>Markdown source → the plain text the search index takes (Markdig's ToPlainText, trimmed).</summary>
    public static string PlainText(MarkdownSource source) => PlainText(Markdig.Markdown.Parse(source.Text, SiteMarkdown.Pipeline));

    /// <summary>What <c>Markdig.Markdown.ToPlainText</c> does after parsing, on a document already parsed.</summary>
    private static string PlainText(MarkdownDocument document)
    {
        var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer) { EnableHtmlForBlock = false, EnableHtmlForInline = false, EnableHtmlEscape = false };
        SiteMarkdown.Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return writer.ToString().Trim();
    }

    public readonly record struct Rendered(string Html, string? PlainText);
}
