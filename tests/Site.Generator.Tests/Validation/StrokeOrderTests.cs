using Site.Generator.Linking;

namespace Site.Generator.Tests.Validation;

public sealed class StrokeOrderTests
{
    [Fact]
    public void Sort_RealNames_FollowsMainlandSurnameStrokeOrder()
    {
        // Mainland counts: 阝 is 2 strokes (陈 7, 邓 4) and 艹 is 3 (艾 5); Taiwan's counts would put 陈 with 周 (8) and 艾 with 刘 (6).
        string[] expected = ["丁玲", "马志强", "王卫", "王建国", "艾晓燕", "刘桂英", "陈美华", "周晓岚", "赵大勇", "黄丽君", "彭志远", "谭立新"];
        var shuffled = expected.OrderBy(n => n.GetHashCode()).Reverse().ToList();

        shuffled.Sort(StrokeOrder.Compare);

        Assert.Equal(expected, shuffled);
    }

    [Theory]
    [InlineData('陈', 7)]
    [InlineData('邓', 4)]
    [InlineData('艾', 5)]
    [InlineData('欧', 8)]
    [InlineData('谭', 14)]
    public void StrokesOf_Surname_IsMainlandCount(char surname, int strokes) =>
        Assert.Equal(strokes, StrokeOrder.StrokesOf(surname));
}
