using Site.Generator.Diagnostics;

namespace Site.Generator.Loading;

/// <summary>
/// A Markdown file from content/: its front matter, its body, and where the body starts,
/// so positions in the body map back to lines of the file.
/// </summary>
public sealed record SourceDocument(
    string RelativePath,
    string Section,
    string FullPath,
    RawMap FrontMatter,
    string Body,
    int BodyStartLine)
{
    public SourceLocation Location => new(RelativePath, 1, 1);

    /// <summary>The file name without extension; the default slug.</summary>
    public string Stem => Path.GetFileNameWithoutExtension(RelativePath);
}
