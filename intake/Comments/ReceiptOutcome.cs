using System.Globalization;

namespace Site.Intake.Comments;

/// <summary>
/// What became of the article a comment addressed, for the comment's receipt: the draft's feedback
/// report (意见采纳情况, published by the build in drafts.json, <see cref="DraftFeedbackEntry"/>) gives
/// each article's outcome (采纳, 部分采纳, 未采纳, 已在其他条款体现) and reason.
/// </summary>
public static class ReceiptOutcome
{
    /// <summary>
    /// The outcome as the receipt states it: <paramref name="Status"/> is "pending" (no report yet),
    /// "article" (the report gives this article's outcome) or "report" (a report, silent on this
    /// article or a comment on the whole draft); <paramref name="Lines"/> say it in Chinese.
    /// </summary>
    public sealed record Answer(string Status, string? Article, string? Outcome, string? Reason, string? ReportUrl, DateOnly? Published, IReadOnlyList<string> Lines);

    public static Answer For(DraftEntry draft, string? article)
    {
        if (draft.Feedback is not { } report)
        {
            return new Answer("pending", article, null, null, null, null, ["征求意见结束后，常委会工作机构将公布意见采纳情况，届时可凭回执编号查看。"]);
        }

        var published = report.Published.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);
        if (draft.OutcomeFor(article) is { } outcome)
        {
            var label = draft.Articles.FirstOrDefault(a => a.Anchor == outcome.Anchor)?.Label ?? ArticleNumbers.LabelOf(outcome.Anchor);
            List<string> lines = [$"意见采纳情况（{published}公布）：{label}　{outcome.Outcome}"];
            if (!string.IsNullOrWhiteSpace(outcome.Reason))
            {
                lines.Add("说明：" + outcome.Reason);
            }

            return new Answer("article", article, outcome.Outcome, outcome.Reason, report.Url, report.Published, lines);
        }

        var which = article is null ? "对草案整体的意见" : $"{draft.Articles.FirstOrDefault(a => a.Anchor == article)?.Label ?? ""}的处理情况";
        return new Answer("report", article, null, null, report.Url, report.Published,
            [$"意见采纳情况已于{published}公布；报告没有逐条列出{which}，请查看报告全文。"]);
    }
}
