using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax.Inlines;
using Site.Theme;

namespace Site.Generator.Rendering.Markdown;

/// <summary>
/// Writes Markdown text as <see cref="Nowrap.Html(string?, Nowrap.NameSet?)"/> does for template text:
/// dates, counts with their unit (not the word before it), telephone numbers, bracketed and quoted short terms and the given names (the
/// site's deputies) in nowrap spans, so running text in stories and pages breaks as the rest of the site does
/// (a tester found "赵" / "大勇", "0731-" / "5xxxxxxx" and "2026 年 10" / "月" at 375 px). Replaces Markdig's
/// <see cref="LiteralInlineRenderer"/> in a renderer that writes HTML; plain text (the search index) is unchanged.
/// </summary>
public sealed class NowrapLiteralRenderer(Nowrap.NameSet? names) : HtmlObjectRenderer<LiteralInline>
{
    protected override void Write(HtmlRenderer renderer, LiteralInline obj)
    {
        if (!renderer.EnableHtmlEscape)
        {
            renderer.Write(ref obj.Content);
            return;
        }

        if (!renderer.EnableHtmlForInline)
        {
            renderer.WriteEscape(ref obj.Content);
            return;
        }

        var text = obj.Content.ToString();
        var at = 0;
        foreach (var (index, length) in Nowrap.Find(text, names, prose: true))
        {
            renderer.WriteEscape(text.AsSpan(at, index - at));
            renderer.Write("<span class=\"nw\">");
            renderer.WriteEscape(text.AsSpan(index, length));
            renderer.Write("</span>");
            at = index + length;
        }

        renderer.WriteEscape(text.AsSpan(at));
    }
}
