using Site.Intake.Comments;
using Xunit.Abstractions;

namespace Site.Intake.Tests;

/// <summary>Duplicate grouping on comments written as citizens write them (TestData/near-duplicates.txt).</summary>
public sealed class CommentGroupsTests(ITestOutputHelper output)
{
    /// <summary>The file's blocks: each one opinion, its lines the same opinion sent again.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Opinions()
    {
        var blocks = new List<IReadOnlyList<string>>();
        var current = new List<string>();
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "TestData", "near-duplicates.txt"));
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.StartsWith('#'))
            {
                continue;
            }

            if (line.Length == 0)
            {
                if (current.Count > 0)
                {
                    blocks.Add(current);
                    current = [];
                }

                continue;
            }

            // A line ending in the middle of a sentence (no final punctuation) continues on the next: a text with a line break.
            if (current.Count > 0 && i > 0 && lines[i - 1].Length > 0 && !lines[i - 1].StartsWith('#') && lines[i - 1].EndsWith('，'))
            {
                current[^1] += "\n" + line;
            }
            else
            {
                current.Add(line);
            }
        }

        if (current.Count > 0)
        {
            blocks.Add(current);
        }

        return blocks;
    }

    [Fact]
    public void Threshold_SeparatesResentCopiesFromDifferentOpinionsOnTheSameArticle()
    {
        var opinions = Opinions();
        var within = new List<double>();
        var across = new List<(double Similarity, string A, string B)>();
        for (var i = 0; i < opinions.Count; i++)
        {
            for (var a = 0; a < opinions[i].Count; a++)
            {
                for (var b = a + 1; b < opinions[i].Count; b++)
                {
                    within.Add(CommentGroups.Similarity(opinions[i][a], opinions[i][b]));
                }

                for (var j = i + 1; j < opinions.Count; j++)
                {
                    foreach (var other in opinions[j])
                    {
                        across.Add((CommentGroups.Similarity(opinions[i][a], other), opinions[i][a], other));
                    }
                }
            }
        }

        var closest = across.MaxBy(p => p.Similarity);
        output.WriteLine($"opinions {opinions.Count}, copies' pairs {within.Count} (lowest {within.Min():F3}), different pairs {across.Count} (highest {closest.Similarity:F3}: {closest.A} | {closest.B})");
        Assert.All(within, s => Assert.True(s >= CommentGroups.Threshold, $"a re-sent copy at {s:F3}"));
        Assert.All(across, p => Assert.True(p.Similarity < CommentGroups.Threshold, $"different opinions at {p.Similarity:F3}: {p.A} | {p.B}"));
    }

    [Fact]
    public void Assign_EveryOpinionIsOneGroup_AndNoCommentIsDropped()
    {
        var opinions = Opinions();
        var comments = opinions.SelectMany((texts, i) => texts.Select(t => (Opinion: i, Text: t))).ToList();

        var (group, sizes) = CommentGroups.Assign(comments.Select(c => (CommentGroups.Key(c.Text), c.Text)).ToList());

        Assert.Equal(comments.Count, group.Length);
        Assert.Equal(comments.Count, sizes.Sum());
        Assert.Equal(opinions.Count, sizes.Count);
        for (var i = 0; i < comments.Count; i++)
        {
            for (var j = 0; j < comments.Count; j++)
            {
                Assert.Equal(comments[i].Opinion == comments[j].Opinion, group[i] == group[j]);
            }
        }
    }

    [Theory]
    [InlineData("建议第三条明确电子投票平台由谁建设。", "建议第三条明确电子投票平台由谁建设.")]
    [InlineData("建议第三条明确电子投票平台由谁建设。", "建议 第三条 明确电子投票平台\n由谁建设。")]
    [InlineData("欠缴物业费超过６个月的业主不得担任委员", "欠缴物业费超过6个月的业主不得担任委员")]
    [InlineData("ＡＢＣ小区业主反对", "abc小区业主反对")]
    [InlineData("電梯廣告收入應當公開", "电梯广告收入应当公开")]
    [InlineData("建议公开\u200B收支", "建议公开收支")]
    public void Key_SameTextInAnotherForm_IsTheSame(string a, string b) => Assert.Equal(CommentGroups.Key(a), CommentGroups.Key(b));

    [Theory]
    [InlineData("支持出台这个条例！", "反对出台这个条例！")]
    [InlineData("？？？", "！！！")]
    public void Key_DifferentWords_Differ(string a, string b) => Assert.NotEqual(CommentGroups.Key(a), CommentGroups.Key(b));
}
