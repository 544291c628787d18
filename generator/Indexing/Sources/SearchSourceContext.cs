using Site.Generator.Model;

namespace Site.Generator.Indexing.Sources;

/// <summary>What every search source reads: the linked site, Markdown as plain text, and (with `serve`) unchanged stories' documents.</summary>
public sealed record SearchSourceContext(SiteModel Site, Func<MarkdownSource, string> PlainText, SearchDocumentMemo? Memo);
