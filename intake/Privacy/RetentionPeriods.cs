namespace Site.Intake.Privacy;

/// <summary>
/// How long personal details are kept: the figures the privacy page (content/pages/privacy.md,
/// section 保存多久) states, in the one place the purge reads them from. A test reads the page and
/// fails when the page and these figures disagree, so change both together.
/// </summary>
public static class RetentionPeriods
{
    /// <summary>
    /// A comment's 姓名 and 联系方式 are kept this many years after the draft's comment period
    /// closes (drafts.json <c>closes</c>; a draft no longer in drafts.json counts from the comment's
    /// own date). The page: "征求意见截止之日起保存两年".
    /// </summary>
    public const int CommentContactYears = 2;

    /// <summary>
    /// A message's 姓名 and 联系方式 are kept this many years after the message was received. The
    /// page: "自收到留言之日起保存两年".
    /// </summary>
    public const int MessageContactYears = 2;

    /// <summary>The Chinese numeral the page writes for <paramref name="years"/> (1 to 10).</summary>
    public static string InWords(int years) => years switch
    {
        1 => "一年",
        2 => "两年",
        3 => "三年",
        4 => "四年",
        5 => "五年",
        6 => "六年",
        7 => "七年",
        8 => "八年",
        9 => "九年",
        10 => "十年",
        _ => throw new ArgumentOutOfRangeException(nameof(years), years, "1 to 10"),
    };
}
