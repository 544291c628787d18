using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace Site.Generator.Rendering.Markdown;

/// <summary>
/// Every URL the site will have: pages (ending in '/'), static files and assets, and which page a
/// content Markdown file becomes. Built before rendering so links can be checked while rendering.
/// </summary>
public sealed class SiteUrls
{
    private readonly HashSet<string> _urls = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _pageBySource = new(StringComparer.Ordinal);

    public void AddPage(string url) => _urls.Add(url);

    /// <summary>A content file (content/stories/a.jpg) served at its path without the content/ prefix.</summary>
    public void AddStaticFile(string contentRelativePath) => _urls.Add(StaticUrl(contentRelativePath));

    public void AddAsset(string url) => _urls.Add(url);

    /// <summary>Remembers that content/…/x.md becomes <paramref name="url"/>, so links to the .md file work.</summary>
    public void AddSource(string sourcePath, string url) => _pageBySource["/" + sourcePath] = url;

    public bool Exists(string path) =>
        _urls.Contains(path) || _pageBySource.ContainsKey("/content" + path) || _urls.Contains(path.TrimEnd('/') + "/");

    /// <summary>The page URL for a resolved path: a .md file maps to its page; a directory gets its slash.</summary>
    public string PageFor(string path) =>
        _pageBySource.TryGetValue("/content" + path, out var page) ? page
        : _urls.Contains(path) ? path
        : path.TrimEnd('/') + "/";

    /// <summary>Resolves an author's link against the folder of the Markdown file (content/stories/2025).</summary>
    public string Resolve(string folder, string link)
    {
        if (link.StartsWith('/'))
        {
            return Uri.UnescapeDataString(link);
        }

        var basePath = "/" + (folder.StartsWith("content/", StringComparison.Ordinal) ? folder["content/".Length..] : folder == "content" ? "" : folder);
        if (!basePath.EndsWith('/'))
        {
            basePath += "/";
        }

        var resolved = new Uri(new Uri("http://site" + basePath), link).AbsolutePath;
        return Uri.UnescapeDataString(resolved);
    }

    /// <summary>
    /// One hash of the whole URL set, in any order: rendered Markdown can be reused only while every
    /// link in it resolves the same way, i.e. while no page, file or source was added or removed.
    /// </summary>
    public UInt128 Fingerprint()
    {
        UInt128 sum = 0;
        foreach (var url in _urls)
        {
            sum += XxHash128.HashToUInt128(MemoryMarshal.AsBytes(url.AsSpan()));
        }

        foreach (var (source, page) in _pageBySource)
        {
            sum += XxHash128.HashToUInt128(MemoryMarshal.AsBytes($"{source}\0{page}".AsSpan()), seed: 1);
        }

        return sum;
    }

    public static string StaticUrl(string contentRelativePath) =>
        "/" + (contentRelativePath.StartsWith("content/", StringComparison.Ordinal) ? contentRelativePath["content/".Length..] : contentRelativePath);
}
