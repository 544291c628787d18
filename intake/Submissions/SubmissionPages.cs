using Site.Intake.Search;
using Site.Theme;
using Site.Theme.Templates;
using Site.Theme.ViewModels;

namespace Site.Intake.Submissions;

/// <summary>
/// The HTML answers to plain form posts (no JavaScript), rendered from the theme's
/// <see cref="SubmissionTemplate"/> in the site's layout, with the header, footer and name the last
/// build wrote (chrome.json). Before any build they use a plain stand-in chrome.
/// </summary>
public sealed class SubmissionPages(SearchService site)
{
    /// <summary>The chrome used before a build has written chrome.json.</summary>
    public static readonly SiteChrome Fallback = new("人大代表履职服务平台", "人大", "", "/assets/site.css", "/assets/site.js", [], [], "");

    /// <summary>A page with <paramref name="status"/>; the form, when given, keeps what was typed.</summary>
    public async Task<IResult> RenderAsync(SubmissionPage page, int status)
    {
        await using var renderer = StaticHtml.CreateRenderer();
        var html = await StaticHtml.RenderAsync(renderer, site.Chrome ?? Fallback, typeof(SubmissionTemplate), page);
        return Results.Content(html, "text/html; charset=utf-8", System.Text.Encoding.UTF8, status);
    }

    /// <summary>A refusal or failure: <paramref name="lead"/> says what happened, <paramref name="details"/> what to do;
    /// <paramref name="section"/>: where the page sits when there is no message form to tell (a message to an unknown or departed deputy); null: 征求意见.</summary>
    public Task<IResult> RefusedAsync(string heading, string lead, IReadOnlyList<string> details, int status, CommentFormView? form = null, Crumb? back = null, MessageFormView? messageForm = null, Crumb? section = null) =>
        RenderAsync(new SubmissionPage(messageForm is not null ? MessageMeta(heading, messageForm) : section is not null ? SectionMeta(heading, section) : Meta(heading), heading, SubmissionOutcome.Refused, lead, details, null, form, back ?? (section is null ? new Crumb("返回征求意见", "/drafts/") : new Crumb("返回" + section.Label, section.Url)), messageForm), status);

    /// <summary>A message page sits under the deputies or the stations it was written to.</summary>
    private static PageMeta MessageMeta(string title, MessageFormView form)
    {
        var section = new Crumb(form.Kind == "deputies" ? "代表" : "家站点", $"/{form.Kind}/");
        return SectionMeta(title, section);
    }

    /// <summary>A page under <paramref name="section"/> (its URL, /deputies/ or /stations/, names the nav item).</summary>
    private static PageMeta SectionMeta(string title, Crumb section) =>
        new(title, title, section.Url!, section.Url!.Trim('/'), [section, new Crumb(title, null)], NoIndex: true);

    /// <summary>查询回执: the lookup page, with what was found or why nothing was.</summary>
    public async Task<IResult> ReceiptAsync(ReceiptPage page, int status)
    {
        await using var renderer = StaticHtml.CreateRenderer();
        var html = await StaticHtml.RenderAsync(renderer, site.Chrome ?? Fallback, typeof(ReceiptTemplate), page);
        return Results.Content(html, "text/html; charset=utf-8", System.Text.Encoding.UTF8, status);
    }

    /// <summary>留言和答复 of a deputy or station, for a browser without script.</summary>
    public async Task<IResult> PublishedAsync(PublishedMessagesPage page)
    {
        await using var renderer = StaticHtml.CreateRenderer();
        var html = await StaticHtml.RenderAsync(renderer, site.Chrome ?? Fallback, typeof(PublishedMessagesTemplate), page);
        return Results.Content(html, "text/html; charset=utf-8", System.Text.Encoding.UTF8, StatusCodes.Status200OK);
    }

    /// <summary>The receipt page's meta: never indexed (a receipt is nobody else's business).</summary>
    public static PageMeta ReceiptMeta(string title) => new(title, title, "/receipts/", "receipts", [new Crumb("查询回执", "/receipts/"), new Crumb(title, null)], NoIndex: true);

    /// <summary>The receipt page: what was stored, and its number; <paramref name="more"/>: lines after the reminder (what became of it).</summary>
    public Task<IResult> StoredAsync(string lead, string receipt, Crumb back, IReadOnlyList<string>? more = null) =>
        RenderAsync(new SubmissionPage(Meta("意见已提交"), "意见已提交", SubmissionOutcome.Stored, lead, ["请记下回执编号，以便查询意见处理情况。", .. more ?? []], receipt, null, back), StatusCodes.Status200OK);

    private static PageMeta Meta(string title) => new(title, title, "/drafts/", "drafts", [new Crumb("征求意见", "/drafts/"), new Crumb(title, null)], NoIndex: true);
}
