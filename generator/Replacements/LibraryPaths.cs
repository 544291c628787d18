namespace Site.Generator.Replacements;

/// <summary>
/// The one switch that routes around our hand-written replacements of libraries (each in a folder
/// of Replacements/ named after the library it replaces): with it on, YAML is read by YamlDotNet
/// alone and every QR code is encoded by QRCoder. Output must be the same either way; CI runs the
/// generator's tests once with it on to prove that.
/// </summary>
/// <remarks>On with the environment variable <c>SITE_LIBRARY_PATHS=1</c> or the CLI option <c>--library-paths</c>.</remarks>
public static class LibraryPaths
{
    public const string EnvironmentVariable = "SITE_LIBRARY_PATHS";

    public static bool Enabled { get; set; } = Environment.GetEnvironmentVariable(EnvironmentVariable) is "1" or "true";
}
