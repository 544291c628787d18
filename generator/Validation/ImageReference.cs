using Site.Generator.Diagnostics;
using Site.Generator.Loading;

namespace Site.Generator.Validation;

/// <summary>
/// An image a record names (a story's cover:, a deputy's photo:, a progress photo:): it must be a
/// local file in content/ of an allowed type (<see cref="ContentFileTypes.Images"/>). Web addresses
/// (http:, https:, //host/…), other schemes (javascript:, data:) and SVG are refused here; whether
/// the file exists is checked by the linker, once every static file is known (a
/// <see cref="ReferenceKind.Image"/> reference).
/// </summary>
public static class ImageReference
{
    /// <summary>
    /// The image's site path (/stories/2026/cover.jpg), or null after reporting why not. A value
    /// starting with '/' is a path from content/; any other is relative to <paramref name="folder"/>
    /// (a path from the site root, such as content/stories/2026).
    /// </summary>
    public static string? Read(FieldReader fields, string key, string folder, ValidatedSite site)
    {
        var value = fields.String(key);
        if (value is null)
        {
            return null;
        }

        var location = fields.LocationOf(key);
        if (Problem(value) is { } problem)
        {
            fields.Error(DiagnosticCodes.BadImage, location, key, problem);
            return null;
        }

        var path = Resolve(folder, value);
        site.References.Add(new Reference(ReferenceKind.Image, path, location, fields.Describe(key)));
        return path;
    }

    /// <summary>Why <paramref name="value"/> cannot be a local image (Chinese), or null if its shape is fine.</summary>
    public static string? Problem(string value)
    {
        var colon = value.IndexOf(':');
        var slash = value.IndexOf('/');
        if (value.StartsWith("http:", StringComparison.OrdinalIgnoreCase) || value.StartsWith("https:", StringComparison.OrdinalIgnoreCase)
            || value.StartsWith("//", StringComparison.Ordinal) || value.StartsWith(@"\\", StringComparison.Ordinal))
        {
            return $"“{value}”是外部网站的图片：网站只显示自己的图片，请把图片下载后放进 content/ 并写它的路径";
        }

        if (colon > 0 && (slash < 0 || colon < slash))
        {
            return $"“{value}”不是图片路径：只能写 content/ 中图片文件的路径（不能用 javascript:、data: 等）";
        }

        if (value.Contains('\\'))
        {
            return $"“{value}”中有反斜杠 \\：路径请用 / 分隔";
        }

        var extension = Path.GetExtension(StripSuffix(value));
        if (extension.Equals(".svg", StringComparison.OrdinalIgnoreCase) || extension.Equals(".svgz", StringComparison.OrdinalIgnoreCase))
        {
            return $"“{value}”是 SVG 图片：SVG 文件里可以藏有脚本，网站不发布。请转换为 PNG（或 JPG、WebP）";
        }

        if (!ContentFileTypes.Images.Contains(extension))
        {
            return $"“{value}”不是允许的图片类型：只能用 {string.Join("、", ContentFileTypes.Images.Select(e => e.TrimStart('.')))}";
        }

        return null;
    }

    /// <summary>The site path of <paramref name="value"/> read from <paramref name="folder"/> (site-root relative), as links are resolved.</summary>
    public static string Resolve(string folder, string value)
    {
        var path = StripSuffix(value);
        if (path.StartsWith('/'))
        {
            return Uri.UnescapeDataString(new Uri(new Uri("http://site/"), path).AbsolutePath);
        }

        var basePath = "/" + (folder.StartsWith("content/", StringComparison.Ordinal) ? folder["content/".Length..] : folder == "content" ? "" : folder);
        if (!basePath.EndsWith('/'))
        {
            basePath += "/";
        }

        return Uri.UnescapeDataString(new Uri(new Uri("http://site" + basePath), path).AbsolutePath);
    }

    private static string StripSuffix(string value)
    {
        var cut = value.IndexOfAny(['#', '?']);
        return cut < 0 ? value : value[..cut];
    }
}
