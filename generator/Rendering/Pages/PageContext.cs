using System.Globalization;
using Site.Generator.Build;
using Site.Generator.Diagnostics;
using Site.Generator.Model;
using Site.Generator.Rendering.Markdown;
using Site.Theme.ViewModels;

namespace Site.Generator.Rendering.Pages;

/// <summary>What page kinds share while building view models: the model, the URL set, and common mappings.</summary>
public sealed class PageContext(SiteModel site, SiteUrls urls, DiagnosticBag diagnostics, BuildCache? cache = null)
{
    // Taken when the first page is rendered: by then every URL of the site is registered.
    private readonly Lazy<UInt128> _urlSet = new(urls.Fingerprint);

    // Without a cache, a page's code is still encoded once per build.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, QrMatrix> _qrCodes = new(64, 1024, StringComparer.Ordinal);

    public const int PageSize = 20;

    public SiteModel Site { get; } = site;

    public SiteUrls Urls { get; } = urls;

    public DiagnosticBag Diagnostics { get; } = diagnostics;

    // Plain text of bodies rendered in this build, for the search index: one Markdown parse gives
    // both (the index step parsed every story again; 20,000 stories indexed in 6.5-6.7 s instead of
    // 7.3-8.0 once it stopped). Keyed by the body string itself, which the index step is handed
    // again; taken out as it is used.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _plainTexts = new(ReferenceEqualityComparer.Instance);

    /// <summary>A Markdown body as HTML; with a cache, an unchanged body in an unchanged URL set is not rendered again.</summary>
    public string Html(MarkdownSource source)
    {
        if (cache is null)
        {
            return Keep(source, MarkdownRenderer.Render(source, Urls, Diagnostics, plainText: true));
        }

        return cache.Markdown(source.Folder, source.Text, _urlSet.Value, () =>
        {
            // Reused only if clean: a broken link must be reported by every build until it is fixed.
            var local = new DiagnosticBag();
            var html = Keep(source, MarkdownRenderer.Render(source, Urls, local, plainText: true));
            Diagnostics.AddRange(local);
            return (html, local.Count == 0);
        });
    }

    /// <summary>The plain text of a body this build rendered (once: it is handed out and forgotten), or null.</summary>
    public string? TakePlainText(MarkdownSource source) => _plainTexts.TryRemove(source.Text, out var plain) ? plain : null;

    private string Keep(MarkdownSource source, MarkdownRenderer.Rendered rendered)
    {
        _plainTexts[source.Text] = rendered.PlainText!;
        return rendered.Html;
    }

    /// <summary>The QR code of a page, as SVG, pointing at its absolute URL.</summary>
    public string QrSvg(string path)
    {
        var url = Site.Config.AbsoluteUrl(path);
        return QrCodes.Svg(cache?.QrCode(url) ?? _qrCodes.GetOrAdd(url, QrCodes.Encode));
    }

    public static string ChineseDate(DateOnly date) => $"{date.Year}年{date.Month}月{date.Day}日";

    public static string IsoDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string ColumnUrl(Column column) => $"/columns/{column.Slug}/";

    public static string TagUrl(string tag) => $"/tags/{tag}/";

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
