using Site.Theme.Templates;
using Site.Theme.ViewModels;
using Site.Generator.Vocabulary;

namespace Site.Generator.Rendering.Pages;

/// <summary>查询回执 (/receipts/): look up a comment's or a message's receipt number at the endpoint.</summary>
public static class ReceiptPages
{
    /// <summary>The endpoint's HTML answer for a number typed into the form (GET, <c>?number=</c>): works without JavaScript.</summary>
    public const string LookupUrl = "/api/receipts/lookup";

    /// <summary>The endpoint's JSON for one receipt; the script puts the number in place of <c>{number}</c>.</summary>
    public const string JsonUrl = "/api/receipts/{number}";

    public static IEnumerable<PageJob> Plan(PageContext context)
    {
        yield return PageJob.For<ReceiptLookupTemplate, ReceiptLookupPage>(SiteRoutes.Receipts, () => new ReceiptLookupPage(
            PageContext.Meta("查询回执", "输入回执编号，查看意见或留言的受理时间、办理进度和答复", SiteRoutes.Receipts, "receipts", new Crumb("查询回执", null)),
            LookupUrl,
            JsonUrl));
    }
}
