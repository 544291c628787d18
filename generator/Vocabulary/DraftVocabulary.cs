namespace Site.Generator.Vocabulary;

/// <summary>法规草案: draft regulations open for comment, content/drafts/.</summary>
public static class DraftVocabulary
{
    public const string Section = "drafts";

    public static readonly FieldSet Fields = new(
        new("title", "标题"), new("office", "起草/发布单位"), new("reading", "审次"), new("opens", "开始征求意见日期"),
        new("closes", "截止日期"), new("contactPoints", "基层立法联系点"), new("summary", "摘要"), new("explanation", "起草说明"),
        new("feedback", "意见采纳情况"), new("slug", "网址名"), new("previous", "上一审次草案"));

    /// <summary>意见采纳情况: what the office published after the comment period.</summary>
    public static readonly FieldSet FeedbackFields = new(
        new("published", "发布日期"), new("received", "收到意见条数"), new("adopted", "采纳条数"), new("report", "采纳情况说明"),
        new("articles", "逐条采纳情况"), new("channels", "各渠道意见条数"));

    /// <summary>One item of <c>feedback.articles</c>: which article, its outcome, the reason.</summary>
    public static readonly FieldSet OutcomeFields = new(new("article", "条文"), new("outcome", "采纳情况"), new("reason", "理由"));

    /// <summary>One item of <c>feedback.channels</c>.</summary>
    public static readonly FieldSet ChannelFields = new(new("channel", "渠道"), new("count", "条数"));

    /// <summary>The outcomes a legislative office reports for the views on an article (the terms of 立法意见采纳情况反馈).</summary>
    public static readonly string[] Outcomes = ["采纳", "部分采纳", "未采纳", "已在其他条款体现"];

    public static readonly string[] Readings = ["征求意见稿", "一审", "二审", "三审", "草案修改稿", "表决稿"];
}
