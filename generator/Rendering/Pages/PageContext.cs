using System.Globalization;
using Site.Generator.Diagnostics;
using Site.Generator.Model;
using Site.Generator.Rendering.Markdown;
using Site.Theme.ViewModels;
using Site.Generator.Vocabulary;

namespace Site.Generator.Rendering.Pages;

/// <summary>What page kinds share while building view models: the model, the URL set, and common mappings.</summary>
public sealed class PageContext(SiteModel site, SiteUrls urls, DiagnosticBag diagnostics, RenderMemo? cache = null)
{
    // Taken when the first page is rendered: by then every URL of the site is registered.
    private readonly Lazy<UInt128> _urlSet = new(urls.Fingerprint);

    // Without a cache, a page's code is still encoded once per build.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, QrMatrix> _qrCodes = new(64, 1024, StringComparer.Ordinal);

    public const int PageSize = 20;

    public SiteModel Site { get; } = site;

    public SiteUrls Urls { get; } = urls;

    public DiagnosticBag Diagnostics { get; } = diagnostics;

    /// <summary>The public key (base64) the build signs its manifest with; null in `check`.</summary>
    public string? SigningPublicKey { get; init; }

    /// <summary>Deputies' resized photos (the build inspects them before planning); none in tests that build pages directly.</summary>
    public DeputyPhotos Photos { get; init; } = DeputyPhotos.None;

    // Each Markdown body is parsed once per build for both its HTML (the page) and its plain text (the
    // search index). The render and the index run side by side, so whichever asks first converts the
    // body and leaves the other half here; each half is let go as it is taken. Keyed by the body
    // string itself.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<Conversion>> _conversions = new(ReferenceEqualityComparer.Instance);

    /// <summary>What a body's HTML depends on besides its text: the URL set its links resolve in, and the deputies' names kept whole in it.</summary>
    private UInt128 MarkdownKey => _markdownKey.Value;

    private readonly Lazy<UInt128> _markdownKey = new(() =>
    {
        var names = System.IO.Hashing.XxHash128.HashToUInt128(System.Text.Encoding.UTF8.GetBytes(string.Join('\n', site.Deputies.Select(d => d.Name))));
        return urls.Fingerprint() ^ names;
    });

    /// <summary>Every deputy's name (kept whole on a line where Markdown text names them).</summary>
    private Site.Theme.Nowrap.NameSet DeputyNames => _deputyNames.Value;

    private readonly Lazy<Site.Theme.Nowrap.NameSet> _deputyNames = new(() => new Site.Theme.Nowrap.NameSet(site.Deputies.Select(d => d.Name)));

    /// <summary>A Markdown body as HTML; with a cache, an unchanged body in an unchanged URL set is not converted again.</summary>
    public string Html(MarkdownSource source)
    {
        if (cache is null)
        {
            return Take(source, html: true).Text;
        }

        // Reused only if clean: a broken link must be reported by every build until it is fixed.
        return cache.Markdown(source.Folder, source.Text, MarkdownKey, () => Take(source, html: true));
    }

    /// <summary>
    /// Whether a rebuild may take a body's HTML as unchanged: it is kept from an earlier conversion in
    /// the same URL set that reported nothing. A body with a warning or a broken link is never kept,
    /// so every build converts it again and reports it again.
    /// </summary>
    public bool KeepsHtml(MarkdownSource source) => cache is not null && cache.HasMarkdown(source.Folder, source.Text, MarkdownKey);

    /// <summary>The fingerprint of every URL of the site (pages, files, sources): what links and cover images resolve against.</summary>
    public UInt128 UrlSet => _urlSet.Value;

    /// <summary>A Markdown body as the plain text the search index takes; with a cache, an unchanged body is not converted again.</summary>
    public string PlainText(MarkdownSource source) =>
        cache is null ? Take(source, html: false).Text : cache.PlainText(source.Text, () => Take(source, html: false).Text);

    private (string Text, bool Clean) Take(MarkdownSource source, bool html)
    {
        var lazy = _conversions.GetOrAdd(source.Text, _ => new Lazy<Conversion>(() =>
        {
            // Diagnostics are collected apart first, so the cache knows whether the HTML is clean.
            var local = new DiagnosticBag();
            var rendered = MarkdownRenderer.Render(source, Urls, local, plainText: true, DeputyNames);
            Diagnostics.AddRange(local);
            return new Conversion(rendered.Html, rendered.PlainText!, local.Count == 0);
        }));
        var conversion = lazy.Value;
        var text = html ? Interlocked.Exchange(ref conversion.Html, null) : Interlocked.Exchange(ref conversion.PlainText, null);
        if (Volatile.Read(ref conversion.Html) is null && Volatile.Read(ref conversion.PlainText) is null)
        {
            _conversions.TryRemove(new KeyValuePair<string, Lazy<Conversion>>(source.Text, lazy));
        }

        // A half asked for twice (one body on two pages) is converted again, without reporting its problems twice.
        text ??= html
            ? MarkdownRenderer.Render(source, Urls, diagnostics: null, DeputyNames)
            : MarkdownRenderer.PlainText(source);
        return (text, conversion.Clean);
    }

    /// <summary>One body converted: each half is set to null once taken.</summary>
    private sealed class Conversion(string html, string plainText, bool clean)
    {
        public string? Html = html;
        public string? PlainText = plainText;

        public bool Clean { get; } = clean;
    }

    /// <summary>The QR code of a page, as SVG, pointing at its absolute URL.</summary>
    public string QrSvg(string path)
    {
        var url = Site.Config.AbsoluteUrl(path);
        return QrCodes.Svg(cache?.QrCode(url) ?? _qrCodes.GetOrAdd(url, QrCodes.Encode));
    }

    /// <summary>The QR code of a page, as SVG with a caption under it (<see cref="QrCodes.CaptionedSvg"/>).</summary>
    public string QrSvg(string path, string title, string line)
    {
        var url = Site.Config.AbsoluteUrl(path);
        return QrCodes.CaptionedSvg(cache?.QrCode(url) ?? _qrCodes.GetOrAdd(url, QrCodes.Encode), title, line);
    }

    /// <summary>The QR code of a page as a PNG (<see cref="QrCodes.Png"/>), pointing at its absolute URL.</summary>
    public byte[] QrPng(string path)
    {
        var url = Site.Config.AbsoluteUrl(path);
        return cache?.QrPng(url) ?? QrCodes.Png(_qrCodes.GetOrAdd(url, QrCodes.Encode));
    }

    public static string ChineseDate(DateOnly date) => $"{date.Year}年{date.Month}月{date.Day}日";

    public static string IsoDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string ColumnUrl(Column column) => SiteRoutes.Column(column.Slug);

    public static string TagUrl(string tag) => SiteRoutes.Tag(tag);

    public string? CoverUrl(Story story) =>
        story.Cover is null ? null : Urls.PageFor(Urls.Resolve(story.Body.Folder, story.Cover));

    public StoryCard Card(Story story) => new(
        story.Title,
        story.Url,
        ChineseDate(story.Date),
        IsoDate(story.Date),
        story.Column.Name,
        ColumnUrl(story.Column),
        story.Summary,
        CoverUrl(story));

    public IReadOnlyList<StoryCard> Cards(IEnumerable<Story> stories) => stories.Select(Card).ToList();

    public static PageMeta Meta(string title, string description, string path, string section, params Crumb[] crumbs) =>
        new(title, description, path, section, crumbs);

    /// <summary>Splits <paramref name="items"/> into pages of <see cref="PageSize"/>: /base/, /base/page/2/ …</summary>
    public static IEnumerable<(int Page, int PageCount, string Url, IReadOnlyList<T> Items, Pager Pager)> Paginate<T>(
        IReadOnlyList<T> items, string baseUrl)
    {
        var pageCount = Math.Max(1, (items.Count + PageSize - 1) / PageSize);
        for (var page = 1; page <= pageCount; page++)
        {
            var slice = items.Skip((page - 1) * PageSize).Take(PageSize).ToList();
            var pager = new Pager(
                page,
                pageCount,
                page > 1 ? PageUrl(baseUrl, page - 1) : null,
                page < pageCount ? PageUrl(baseUrl, page + 1) : null);
            yield return (page, pageCount, PageUrl(baseUrl, page), slice, pager);
        }
    }

    public static string PageUrl(string baseUrl, int page) => page == 1 ? baseUrl : $"{baseUrl}page/{page}/";
}
