using System.Security.Cryptography;
using Site.Generator.Diagnostics;
using Site.Generator.Loading;

namespace Site.Generator.Writing;

/// <summary>
/// The theme's CSS, JS and icons: read from theme/assets on disk when the site root has it (so a
/// designer's edit shows on the next rebuild), otherwise from the copy embedded in Site.Theme.
/// URLs carry a content hash so browsers can cache them for a year.
/// </summary>
public sealed class ThemeAssets
{
    private readonly Dictionary<string, byte[]> _files;

    private ThemeAssets(Dictionary<string, byte[]> files) => _files = files;

    public IReadOnlyDictionary<string, byte[]> Files => _files;

    /// <param name="diagnostics">Where a link under theme/assets is reported (it is not read).</param>
    public static ThemeAssets Load(string root, DiagnosticBag diagnostics)
    {
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var folder = Path.Combine(root, "theme", "assets");
        var assembly = typeof(Site.Theme.ViewModels.PageMeta).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("assets/", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            files[name["assets/".Length..]] = copy.ToArray();
        }

        if (Directory.Exists(folder))
        {
            foreach (var file in SafeTree.Files(root, folder, diagnostics))
            {
                files[Path.GetRelativePath(folder, file).Replace('\\', '/')] = File.ReadAllBytes(file);
            }
        }

        return new ThemeAssets(files);
    }

    /// <summary>/assets/site.css?v=1a2b3c4d: changes whenever the file does.</summary>
    public string Url(string name) =>
        _files.TryGetValue(name, out var bytes)
            ? $"/assets/{name}?v={Convert.ToHexStringLower(SHA256.HashData(bytes))[..10]}"
            : $"/assets/{name}";
}
