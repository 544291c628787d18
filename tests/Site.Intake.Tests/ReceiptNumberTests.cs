using Site.Intake.Storage;

namespace Site.Intake.Tests;

/// <summary>回执编号: the date as Beijing time reads it, then 8 characters that cannot be misread.</summary>
public sealed class ReceiptNumberTests
{
    [Theory]
    [InlineData("2026-11-23T15:59:59Z", "YJ261123-")]
    [InlineData("2026-11-23T16:00:00Z", "YJ261124-")] // already the 24th in Beijing
    [InlineData("2030-01-05T01:00:00+08:00", "YJ300105-")]
    public void New_DatePart_IsTheDayInBeijing(string instant, string prefix)
    {
        var number = ReceiptNumbers.Comments.New(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture));

        Assert.StartsWith(prefix, number, StringComparison.Ordinal);
        Assert.Matches("^YJ[0-9]{6}-[0-9A-HJKMNP-TV-Z]{8}$", number);
    }

    [Fact]
    public void New_ManyNumbers_AreDistinct()
    {
        var now = DateTimeOffset.UtcNow;

        var numbers = Enumerable.Range(0, 10_000).Select(_ => ReceiptNumbers.Comments.New(now)).ToHashSet();

        Assert.Equal(10_000, numbers.Count);
    }

    [Theory]
    [InlineData("LY261130-SG7AW0MQ")]
    [InlineData("ly261130 sg7a w0mq")]
    [InlineData("LY261130－SG7AW0MQ")] // a full-width hyphen
    [InlineData("ＬＹ２６１１３０－ＳＧ７ＡＷ０ＭＱ")] // a phone keyboard in full-width mode
    [InlineData("LY261130-SG7AW0MQ。")] // the sentence's full stop copied with it
    [InlineData("ly261130sg7awomq")] // o for 0
    public void Normalize_NumbersAsPeopleTypeThem_AreOneNumber(string typed) =>
        Assert.Equal("LY261130-SG7AW0MQ", ReceiptNumbers.Normalize(typed));

    [Theory]
    [InlineData("XX261130-SG7AW0MQ")]
    [InlineData("LY261130-SG7AW0M")]
    [InlineData("LY26113A-SG7AW0MQ")]
    [InlineData("LY261130-SG7AW0MU")]
    public void Normalize_NotOneOfOurs_IsNull(string typed) => Assert.Null(ReceiptNumbers.Normalize(typed));
}
