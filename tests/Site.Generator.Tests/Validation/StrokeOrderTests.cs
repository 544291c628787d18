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

    [Theory]
    [InlineData('马', "551")]
    [InlineData('白', "32511")]
    [InlineData('孔', "5215")]
    [InlineData('冯', "41551")]
    [InlineData('田', "25121")]
    [InlineData('卢', "21513")]
    public void FirstStrokesOf_Character_IsMainlandStrokeClasses(char c, string strokes) =>
        Assert.Equal(strokes, StrokeOrder.FirstStrokesOf(c));

    [Fact]
    public void Sort_SameStrokeCount_OrdersByStrokesHengShuPieDianZhe()
    {
        // Five-stroke surnames as a mainland roster lists them: 横 first (左 石 龙 by their third
        // stroke), then 竖 (卢 before 田 before 史 by their second/fourth), 撇 (白 before 包), 点
        // (冯 before 兰 by the second stroke), 折 (司).
        string[] five = ["左", "石", "龙", "卢", "田", "史", "白", "包", "冯", "兰", "司"];

        // Four strokes: 王 井 (横) … 毛 (撇) … 方 (点) … 尹 孔 邓 (折).
        string[] four = ["王", "井", "毛", "方", "尹", "孔", "邓"];

        foreach (var expected in new[] { five, four })
        {
            Assert.All(expected, s => Assert.Equal(StrokeOrder.StrokesOf(expected[0][0]), StrokeOrder.StrokesOf(s[0])));
            var sorted = expected.Reverse().ToList();
            sorted.Sort(StrokeOrder.Compare);
            Assert.Equal(expected, sorted);
        }
    }

    [Fact]
    public void Sort_SameSurname_OrdersByGivenNameTheSameWay()
    {
        // One surname: the given name decides, by count (丁 2, 大 and 小 3, 立 5, 红 6) and then by
        // shape: 大 starts with 横, 小 with 竖.
        string[] expected = ["王丁", "王大明", "王小红", "王立新", "王红"];
        var sorted = expected.Reverse().ToList();
        sorted.Sort(StrokeOrder.Compare);
        Assert.Equal(expected, sorted);
    }

    [Theory]
    [InlineData('沈', '宋')] // both 7 strokes: 点点提 … before 点点横钩 … (the second 点 of 宀 is 点, not 横)
    [InlineData('宁', '安')]
    [InlineData('高', '郭')] // both 10 strokes and the same first five: the sixth decides (竖 before 折)
    [InlineData('黄', '龚')]
    public void Compare_SurnamesOfRealLists_FirstBeforeSecond(char first, char second) =>
        Assert.True(StrokeOrder.Compare(first.ToString(), second.ToString()) < 0, $"{first} {StrokeOrder.StrokeSequenceOf(first)} / {second} {StrokeOrder.StrokeSequenceOf(second)}");

    [Theory]
    [InlineData('宋', "4451234")]
    [InlineData('沈', "4414535")]
    [InlineData('郭', "4125152152")]
    [InlineData('高', "4125125251")]
    public void StrokeSequenceOf_Character_IsEveryStrokeClassed(char c, string strokes) =>
        Assert.Equal(strokes, StrokeOrder.StrokeSequenceOf(c));

    [Fact]
    public void Sort_RealOfficialLists_KeepsTheirPrintedOrder()
    {
        var lists = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Fixtures", "stroke-order-lists.txt"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToList();
        Assert.Equal(2, lists.Count);
        foreach (var printed in lists)
        {
            var sorted = printed.Reverse().ToList();
            sorted.Sort(StrokeOrder.Compare);
            Assert.Equal(printed, sorted);
        }
    }

    [Fact]
    public void Sort_ShorterFirstOption_PutsTwoCharacterNamesBeforeThreeOfOneSurname()
    {
        string[] strict = ["王丁", "王大明", "王小红", "王立新", "王红", "石一"];
        string[] shorterFirst = ["王丁", "王红", "王大明", "王小红", "王立新", "石一"];

        var sorted = strict.Reverse().ToList();
        sorted.Sort((x, y) => StrokeOrder.Compare(x, y, shorterFirst: false));
        Assert.Equal(strict, sorted);

        sorted.Sort((x, y) => StrokeOrder.Compare(x, y, shorterFirst: true));
        Assert.Equal(shorterFirst, sorted);
    }
}
