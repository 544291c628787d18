namespace Site.Generator.Loading;

/// <summary>
/// Which files from content/ the site publishes as they are, beside the pages made from Markdown.
/// The site's origin is shared with the comment form, so nothing a browser would run (HTML, SVG,
/// scripts, style sheets) is published from content/; and a web host's control files, which could
/// loosen the security headers or redirect /drafts/ elsewhere, are never copied.
/// </summary>
public static class ContentFileTypes
{
    /// <summary>Images a page may show: covers, photos, Markdown images (lower case, with the dot).</summary>
    public static readonly IReadOnlySet<string> Images = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        ".jpg", ".jpeg", ".png", ".webp", ".gif",
    };

    /// <summary>
    /// Attachments offices publish: office documents (including WPS and OFD, common in government
    /// work), PDF, plain text and tables, audio and video, archives. Anything else is refused.
    /// </summary>
    public static readonly IReadOnlySet<string> Attachments = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        ".pdf", ".ofd", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".odt", ".ods", ".odp",
        ".wps", ".et", ".dps", ".txt", ".csv", ".mp3", ".m4a", ".mp4", ".webm", ".zip", ".rar", ".7z",
    };

    /// <summary>
    /// Files a static host reads as its own configuration (Netlify, Cloudflare Pages, Vercel, IIS,
    /// Apache). The site's own netlify.toml lives at the repository root, never in content/.
    /// </summary>
    public static readonly IReadOnlySet<string> HostControlFiles = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "_headers", "_redirects", "netlify.toml", "_routes.json", "_worker.js", "vercel.json", "web.config", ".htaccess",
    };

    public static bool IsImage(string path) => Images.Contains(Path.GetExtension(path));

    /// <summary>Null if the file may be published; otherwise why not (Chinese, for the diagnostic).</summary>
    public static string? Refusal(string path)
    {
        var extension = Path.GetExtension(path);
        if (Images.Contains(extension) || Attachments.Contains(extension))
        {
            return null;
        }

        if (extension.Equals(".svg", StringComparison.OrdinalIgnoreCase) || extension.Equals(".svgz", StringComparison.OrdinalIgnoreCase))
        {
            return "不发布 SVG 图片：SVG 文件里可以藏有脚本。请转换为 PNG（或 JPG、WebP）后再放入";
        }

        var what = extension.Length == 0 ? "没有扩展名的文件" : $" {extension} 文件";
        return $"不发布{what}：content/ 中除 Markdown 外只发布图片（{Join(Images)}）和附件（{Join(Attachments)}）";
    }

    private static string Join(IEnumerable<string> extensions) => string.Join(" ", extensions.Select(e => e.TrimStart('.')));
}
