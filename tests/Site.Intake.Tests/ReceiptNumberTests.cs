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
}
