using Markdig;
using Markdig.Extensions.AutoIdentifiers;

namespace Site.Generator.Rendering.Markdown;

/// <summary>
/// The one Markdig pipeline of the site, built once and shared (it is immutable and thread-safe).
/// Raw HTML in content is not trusted: it is shown as text, never passed through.
/// </summary>
public static class SiteMarkdown
{
    public static MarkdownPipeline Pipeline { get; } = new MarkdownPipelineBuilder()
        .UseCjkFriendlyEmphasis()                          // **强调**：works next to Chinese punctuation
        .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)  // GitHub mode keeps Chinese letters in heading ids
        .UsePipeTables()
        .UseListExtras()
        .DisableHtml()
        .Use<CjkSoftBreakExtension>()                      // 桂花\n坪 reads 桂花坪, in the HTML and in the index
        .Build();
}
