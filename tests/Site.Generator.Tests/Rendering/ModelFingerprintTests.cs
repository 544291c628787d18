using Site.Generator.Rendering;

namespace Site.Generator.Tests.Rendering;

/// <summary>A page is kept on a rebuild when its model's fingerprint is unchanged: equal models must agree, any change must show.</summary>
public sealed class ModelFingerprintTests
{
    private enum Status
    {
        Open,
        Closed,
    }

    private sealed record Item(string Title, DateOnly Date, int Count, decimal Amount, bool Flag, Status Status, DateTime At, double Ratio, Uri? Link, char Mark);

    private sealed record Page(string Name, IReadOnlyList<Item> Items, long Total, Guid Id);

    private static Item Sample() => new("人大代表接待日", new DateOnly(2026, 3, 1), 3, 1.5m, true, Status.Open, new DateTime(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc), 0.25, new Uri("https://example.gov.cn/a"), '甲');

    private static Page Model(Item item) => new("page", [item, Sample()], 42L, Guid.Parse("9f5f2f3e-8d3c-4b8e-a2a6-0c6b1f3d2e11"));

    [Fact]
    public void Of_EqualModels_SameFingerprint()
    {
        Assert.Equal(ModelFingerprint.Of(Model(Sample())), ModelFingerprint.Of(Model(Sample())));
    }

    public static TheoryData<string> Changes() => ["date", "count", "scale", "flag", "status", "kind", "ratio", "link", "mark", "title"];

    [Theory]
    [MemberData(nameof(Changes))]
    public void Of_AnyScalarChanged_DifferentFingerprint(string change)
    {
        var item = Sample();
        var changed = change switch
        {
            "date" => item with { Date = item.Date.AddDays(1) },
            "count" => item with { Count = 4 },
            "scale" => item with { Amount = 1.50m }, // same number, shown differently
            "flag" => item with { Flag = false },
            "status" => item with { Status = Status.Closed },
            "kind" => item with { At = DateTime.SpecifyKind(item.At, DateTimeKind.Local) },
            "ratio" => item with { Ratio = 0.5 },
            "link" => item with { Link = new Uri("https://example.gov.cn/b") },
            "mark" => item with { Mark = '乙' },
            _ => item with { Title = "人大代表接待曰" },
        };

        Assert.NotEqual(ModelFingerprint.Of(Model(item)), ModelFingerprint.Of(Model(changed)));
    }

    [Fact]
    public void Of_ValuesMovedBetweenFields_DifferentFingerprint()
    {
        Assert.NotEqual(ModelFingerprint.Of(new Page("a", [], 1, Guid.Empty)), ModelFingerprint.Of(new Page("a", [], 256, Guid.Empty)));
        Assert.NotEqual(ModelFingerprint.Of(("ab", "c")), ModelFingerprint.Of(("a", "bc")));
    }
}
