using Site.Intake.Privacy;

namespace Site.Intake.Tests;

/// <summary>The purge keeps contact details exactly as long as the privacy page tells people: the page and <see cref="RetentionPeriods"/> agree.</summary>
public sealed class RetentionPeriodsTests
{
    private static readonly string Page = File.ReadAllText(Path.Combine(ProxyAndHeadersTests.RepositoryRoot(), "content", "pages", "privacy.md"));

    [Fact]
    public void PrivacyPage_StatesTheCommentPeriodThePurgeApplies() =>
        Assert.Contains($"意见的姓名和联系方式，自该法规草案征求意见截止之日起保存{RetentionPeriods.InWords(RetentionPeriods.CommentContactYears)}，期满删除", Page);

    [Fact]
    public void PrivacyPage_StatesTheMessagePeriodThePurgeApplies() =>
        Assert.Contains($"留言的姓名和联系方式，自收到留言之日起保存{RetentionPeriods.InWords(RetentionPeriods.MessageContactYears)}，期满删除", Page);
}
