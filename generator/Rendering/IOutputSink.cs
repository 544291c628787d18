namespace Site.Generator.Rendering;

/// <summary>
/// Where rendered files go: the renderer hands each page's output path ('/' separated, relative to
/// the site folder) and bytes to a sink and never touches the file system itself. The build's sink is
/// <c>Writing.SiteOutput</c>; a test may collect pages in memory.
/// </summary>
public interface IOutputSink
{
    /// <summary>Takes the file at <paramref name="relativePath"/>; a path outside the site or claimed twice throws.</summary>
    void Write(string relativePath, ReadOnlySpan<byte> content);

    /// <summary>Keeps the previous build's file at <paramref name="relativePath"/> as it is; false if there is none (then write it).</summary>
    bool Keep(string relativePath);
}
