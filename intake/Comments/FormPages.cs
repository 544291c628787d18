using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Site.Intake.Drafts;
using Site.Intake.Storage;

namespace Site.Intake.Comments;

/// <summary>
/// Small HTML pages for people posting without JavaScript: the receipt, or the errors with their
/// text given back so nothing typed is lost. Every value is HTML-encoded.
/// </summary>
public static class FormPages
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static IResult Receipt(DraftEntry draft, StoredComment comment) => Page(
        "意见已提交",
        $"""
        <div class="receipt"><p>您对《{E(draft.Title)}》{(comment.Article is null ? "" : E(draft.Articles.FirstOrDefault(a => a.Anchor == comment.Article)?.Label ?? ""))}的意见已保存。</p>
        <p>回执编号：<strong class="receipt-number">{E(comment.Receipt)}</strong></p><p>请记下回执编号，以便查询意见处理情况。</p></div>
        <p><a href="{E(draft.Url)}">返回草案</a></p>
        """,
        StatusCodes.Status200OK);

    public static IResult Errors(DraftEntry draft, Dictionary<string, string[]> errors, PostCommentRequest request)
    {
        var list = string.Concat(errors.SelectMany(e => e.Value).Select(m => $"<li>{E(m)}</li>"));
        var options = string.Concat(draft.Articles.Select(a =>
            $"<option value=\"{E(a.Anchor)}\"{(a.Anchor == request.Article ? " selected" : "")}>{E(a.Label)}</option>"));
        return Page(
            "提交的内容有误",
            $"""
            <div class="error"><p>意见未提交，请修改后再试：</p><ul>{list}</ul></div>
            <form class="comment" method="post" action="/api/drafts/{E(draft.Id)}/comments">
            <label for="comment-article">针对</label><select id="comment-article" name="article"><option value="">草案整体</option>{options}</select>
            <label for="comment-text">意见内容（5 至 5000 字）</label><textarea id="comment-text" name="text" rows="6" required>{E(request.Text ?? "")}</textarea>
            <label for="comment-name">姓名（选填）</label><input id="comment-name" name="name" value="{E(request.Name ?? "")}">
            <label for="comment-contact">联系方式（选填，不公开）</label><input id="comment-contact" name="contact" value="{E(request.Contact ?? "")}">
            <input type="hidden" name="identity" value="{E(request.Identity ?? "")}">
            <button type="submit" class="button primary">再次提交</button></form>
            <p><a href="{E(draft.Url)}">返回草案</a></p>
            """,
            StatusCodes.Status400BadRequest);
    }

    public static IResult Message(string title, string detail, int status) =>
        Page(title, $"<p>{E(detail)}</p><p><a href=\"/drafts/\">返回征求意见</a></p>", status);

    private static IResult Page(string title, string body, int status) => Results.Content(
        $"""
        <!DOCTYPE html>
        <html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{E(title)}</title><meta name="robots" content="noindex"><link rel="stylesheet" href="/assets/site.css"></head>
        <body><main id="main"><h1>{E(title)}</h1>{body}</main></body></html>
        """,
        "text/html; charset=utf-8",
        Encoding.UTF8,
        status);

    private static string E(string value) => Encoder.Encode(value);
}
