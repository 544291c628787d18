namespace Site.Search.Replacements;

/// <summary>
/// The one switch that routes around our hand-written replacements of libraries (each in a folder of
/// a Replacements/ named after the library it replaces): with it on, text is analysed by Lucene's
/// chain itself instead of <see cref="ChineseTokenizer"/>, words are segmented by SmartCn's
/// HMMChineseTokenizer instead of <see cref="WordTokenizer"/>, index files are written by FSDirectory's
/// output instead of <see cref="FileIndexOutput"/>, and the generator reads YAML with YamlDotNet
/// alone and encodes every QR code with QRCoder. Output must be the same either way; CI runs the
/// generator's and the search library's tests once with it on to prove that.
/// </summary>
/// <remarks>On with the environment variable <c>SITE_LIBRARY_PATHS=1</c> or the generator's option <c>--library-paths</c>.</remarks>
public static class LibraryPaths
{
    public const string EnvironmentVariable = "SITE_LIBRARY_PATHS";

    public static bool Enabled { get; set; } = Environment.GetEnvironmentVariable(EnvironmentVariable) is "1" or "true";
}
