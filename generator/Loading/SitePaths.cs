namespace Site.Generator.Loading;

/// <summary>Path conventions shared by every stage: diagnostics name files relative to the site root with '/'.</summary>
public static class SitePaths
{
    public static string Relative(string root, string fullPath) =>
        Path.GetRelativePath(root, fullPath).Replace('\\', '/');
}
