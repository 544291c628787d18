namespace Site.Generator.Replacements;

/// <summary>
/// The one switch that routes around our hand-written replacements of libraries (each in a folder
/// of Replacements/ named after the library it replaces): with it on, YAML is read by YamlDotNet
/// alone, every QR code is encoded by QRCoder (and its PNG by SkiaSharp), text is analysed by Lucene's own chain and names'
/// pinyin is ICU's transform's, not its table's (<see cref="Indexing.NamePinyin"/>). Output must
/// be the same either way; CI runs the generator's tests once with it on to prove that. The switch
/// itself is the search library's (<see cref="Site.Search.Replacements.LibraryPaths"/>), so the
/// index's analyzer follows it too.
/// </summary>
/// <remarks>On with the environment variable <c>SITE_LIBRARY_PATHS=1</c> or the CLI option <c>--library-paths</c>.</remarks>
public static class LibraryPaths
{
    public const string EnvironmentVariable = Site.Search.Replacements.LibraryPaths.EnvironmentVariable;

    public static bool Enabled
    {
        get => Site.Search.Replacements.LibraryPaths.Enabled;
        set => Site.Search.Replacements.LibraryPaths.Enabled = value;
    }
}
