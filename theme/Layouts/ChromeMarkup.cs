using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Site.Theme.ViewModels;

namespace Site.Theme.Layouts;

/// <summary>
/// The site chrome, with the parts of <see cref="Layout"/> that are the same on every page rendered to
/// HTML once per chrome: <see cref="SiteHead"/>, <see cref="SiteFooter"/>, and <see cref="SiteHeader"/>
/// once for each navigation section (the item marked aria-current) and once with no item current.
/// Each page writes them in as markup: built as Razor trees per page, they were most of every page's
/// layout work, for the same HTML each time.
/// </summary>
public sealed class ChromeMarkup
{
    // One per chrome object: a build makes one chrome, `serve` one per rebuild, the endpoint one per site.
    private static readonly ConditionalWeakTable<SiteChrome, ChromeMarkup> Rendered = new();

    private readonly (string? Section, MarkupString Html)[] _headers;
    private readonly MarkupString _headerWithoutCurrent;

    private ChromeMarkup(SiteChrome chrome, MarkupString head, (string? Section, MarkupString Html)[] headers, MarkupString headerWithoutCurrent, MarkupString footer)
    {
        Chrome = chrome;
        Head = head;
        _headers = headers;
        _headerWithoutCurrent = headerWithoutCurrent;
        Footer = footer;
    }

    public SiteChrome Chrome { get; }

    /// <summary>The end of the head (<see cref="SiteHead"/>).</summary>
    public MarkupString Head { get; }

    /// <summary>The footer (<see cref="SiteFooter"/>).</summary>
    public MarkupString Footer { get; }

    /// <summary>The header (<see cref="SiteHeader"/>) of a page of <paramref name="section"/>: its navigation items marked current, or none when no item is of that section.</summary>
    public MarkupString Header(string? section)
    {
        foreach (var header in _headers)
        {
            if (header.Section == section)
            {
                return header.Html;
            }
        }

        return _headerWithoutCurrent;
    }

    /// <summary>
    /// The markup of <paramref name="chrome"/>, rendered with <paramref name="renderer"/> (on its
    /// dispatcher) the first time that chrome object is asked for. Workers asking at once may each render
    /// it; they get the same HTML, and the first one kept.
    /// </summary>
    internal static async Task<ChromeMarkup> ForAsync(HtmlRenderer renderer, SiteChrome chrome)
    {
        if (Rendered.TryGetValue(chrome, out var known))
        {
            return known;
        }

        var sections = chrome.Navigation.Select(item => item.Section).Distinct().ToList();
        var headers = new (string? Section, MarkupString Html)[sections.Count];
        for (var i = 0; i < sections.Count; i++)
        {
            var section = sections[i];
            headers[i] = (section, await RenderAsync<SiteHeader>(renderer, chrome, new Func<NavItem, bool>(item => item.Section == section)));
        }

        var markup = new ChromeMarkup(
            chrome,
            await RenderAsync<SiteHead>(renderer, chrome),
            headers,
            await RenderAsync<SiteHeader>(renderer, chrome, new Func<NavItem, bool>(_ => false)),
            await RenderAsync<SiteFooter>(renderer, chrome));
        return Rendered.GetValue(chrome, _ => markup);
    }

    private static async Task<MarkupString> RenderAsync<TComponent>(HtmlRenderer renderer, SiteChrome chrome, Func<NavItem, bool>? isCurrent = null)
        where TComponent : IComponent
    {
        var parameters = new Dictionary<string, object?> { [nameof(SiteHead.Chrome)] = chrome };
        if (isCurrent is not null)
        {
            parameters[nameof(SiteHeader.IsCurrent)] = isCurrent;
        }

        var root = await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters));
        return new MarkupString(root.ToHtmlString());
    }
}
