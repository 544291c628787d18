using System.Globalization;
using System.Text;
using Site.Intake.Comments;
using Site.Search;
using Xunit.Abstractions;

namespace Site.Intake.Tests;

/// <summary>
/// The kept, incremental grouping (<see cref="NearGroupIndex"/>) against the grouping it replaced
/// (<see cref="PairwiseGrouping"/>, the former code kept here as the reference): the same groups on a
/// realistic set of comments, with copies in other forms (punctuation, spacing, full width,
/// traditional characters, pasted with a greeting or a signature), campaign letters signed by many,
/// and comments added in several rounds as stats requests would add them.
/// </summary>
public sealed class CommentGroupsEquivalenceTests(ITestOutputHelper output)
{
    /// <summary>
    /// Comments as a busy draft receives them: every opinion of TestData/near-duplicates.txt and its
    /// re-sent copies, each sent again many times in other forms, a campaign letter signed by
    /// hundreds of households, and short answers (同意, 支持) that are each their own text.
    /// </summary>
    public static List<string> RealisticComments(int seed, int copies)
    {
        var random = new Random(seed);
        var opinions = CommentGroupsTests.Opinions();
        var comments = new List<string>();
        foreach (var opinion in opinions)
        {
            comments.AddRange(opinion);
        }

        string[] names = ["张建华", "刘芳", "李春生", "王秀英", "陈志强", "赵丽", "周国平", "吴敏", "黄海", "孙桂兰"];
        for (var i = 0; i < copies; i++)
        {
            var text = opinions[random.Next(opinions.Count)][0];
            comments.Add(random.Next(8) switch
            {
                0 => FullWidth(text),
                1 => text.Replace("，", ",", StringComparison.Ordinal).Replace("。", ".", StringComparison.Ordinal),
                2 => string.Join(" ", text.Chunk(random.Next(3, 12)).Select(c => new string(c))),
                3 => Traditional(text),
                4 => "各位领导：\r\n" + text + "\r\n此致敬礼！",
                5 => text + $"——{names[random.Next(names.Length)]}，{random.Next(1, 30)}栋{random.Next(1, 33)}0{random.Next(1, 5)}",
                6 => text.Insert(random.Next(text.Length), "\u200B"),
                _ => text,
            });

            if (i % 3 == 0)
            {
                // A campaign letter: the same words, a different household each time.
                comments.Add($"我们是金桂园小区的业主，强烈要求在条例中写明：物业服务企业不得参与计票，计票由业主委员会和街道共同监督。业主：{names[random.Next(names.Length)]}，{random.Next(1, 30)}栋{random.Next(1, 33)}0{random.Next(1, 5)}");
            }

            if (i % 7 == 0)
            {
                // As many people as write whole paragraphs answer in a word.
                comments.Add(random.Next(4) switch { 0 => "同意。", 1 => "支持！", 2 => "赞成这个条例", _ => "同意" + random.Next(100) });
            }

            if (i % 11 == 0)
            {
                // An opinion nobody else sends: the benchmark's kind of text, with its own numbers.
                comments.Add($"第{random.Next(64)}号用户的第{i}条意见：建议明确物业服务收费标准并按季度公示。");
            }
        }

        return comments;
    }

    [Fact]
    public void NewGrouping_GivesTheGroupsOfTheFormerOne_OnARealisticSet()
    {
        var comments = RealisticComments(seed: 20261130, copies: 3000);
        var keyed = comments.Select(t => (Key: CommentGroups.Key(t), Text: t)).ToList();

        var (group, sizes) = CommentGroups.Assign(keyed);
        var (formerGroup, formerSizes) = PairwiseGrouping.Assign(keyed);

        output.WriteLine($"{comments.Count} comments, {keyed.Select(k => k.Key).Distinct().Count()} distinct texts, {sizes.Count} groups, {sizes.Where(s => s > 1).Sum()} in groups of two or more");
        Assert.Equal(formerGroup, group);
        Assert.Equal(formerSizes, sizes);

        // Kept and fed in rounds, as stats requests feed it: the same counts.
        var index = new NearGroupIndex();
        foreach (var round in keyed.Chunk(997))
        {
            index.AddTexts(round.Select(k => (NearGroupIndex.Id(k.Key), k.Text)).ToList());
        }

        Assert.False(index.Approximate);
        Assert.Equal(comments.Count, index.Comments);
        Assert.Equal(formerSizes.Count, index.Groups);
        Assert.Equal(formerSizes.Where(s => s > 1).Sum(), index.Duplicated);
        Assert.True(formerSizes.Count > 50 && formerSizes.Max() > 500, "the set has many groups and a large one");
    }

    [Fact]
    public void NewGrouping_GivesTheGroupsOfTheFormerOne_WhenManyTextsAreAlike()
    {
        // The benchmark's comments: every one its own text, all of them near one another, a chain of
        // similar pairs rather than one copy (the case that made the former grouping quadratic).
        var comments = Enumerable.Range(0, 4000).Select(k => $"第{k % 64}号用户的第{k / 64}条意见：建议明确物业服务收费标准并按季度公示。").ToList();
        var keyed = comments.Select(t => (Key: CommentGroups.Key(t), Text: t)).ToList();

        var (group, sizes) = CommentGroups.Assign(keyed);
        var (formerGroup, formerSizes) = PairwiseGrouping.Assign(keyed);

        Assert.Equal(formerGroup, group);
        Assert.Equal(formerSizes, sizes);
    }

    [Fact]
    public void Near_RepresentativesAreTheFirstOfEachGroup_AsBefore()
    {
        var comments = RealisticComments(seed: 7, copies: 600);
        var distinct = comments.Select(t => (Key: CommentGroups.Key(t), Text: t)).DistinctBy(k => k.Key).ToList();

        Assert.Equal(PairwiseGrouping.Near(distinct), CommentGroups.Near(distinct));
    }

    private static string FullWidth(string text) =>
        string.Concat(text.Select(c => c switch
        {
            >= '!' and <= '~' => (char)(c - '!' + '！'),
            ' ' => '\u3000',
            _ => c,
        }));

    private static readonly Lazy<Dictionary<char, char>> TraditionalOf = new(() =>
    {
        var map = new Dictionary<char, char>();
        for (var c = '\u4E00'; c <= '\u9FFF'; c++)
        {
            var simplified = SimplifiedFolding.Fold(c);
            if (simplified != c)
            {
                map.TryAdd(simplified, c);
            }
        }

        return map;
    });

    private static string Traditional(string text) => string.Concat(text.Select(c => TraditionalOf.Value.GetValueOrDefault(c, c)));

    /// <summary>
    /// The grouping as it was before the kept index, unchanged but for names: every text compared
    /// with every earlier text in each of its band buckets. The reference the new grouping must agree with.
    /// </summary>
    private static class PairwiseGrouping
    {
        private const int Bands = 32, Rows = 4, Hashes = Bands * Rows, ShingleLength = 3;

        public static IReadOnlyDictionary<string, string> Near(IReadOnlyList<(string Key, string Text)> texts)
        {
            var sketches = texts.Select(t => Sketch.Of(CommentGroups.Normalize(t.Text))).ToArray();
            var parent = Enumerable.Range(0, texts.Count).ToArray();

            int Find(int i)
            {
                while (parent[i] != i)
                {
                    parent[i] = parent[parent[i]];
                    i = parent[i];
                }

                return i;
            }

            var members = new Dictionary<(int Band, ulong Hash), List<int>>();
            for (var i = 0; i < sketches.Length; i++)
            {
                for (var band = 0; band < Bands; band++)
                {
                    var key = (band, sketches[i].Band(band));
                    if (!members.TryGetValue(key, out var list))
                    {
                        members[key] = list = [];
                    }

                    foreach (var other in list)
                    {
                        if (Find(other) != Find(i) && Jaccard(sketches[i].Shingles, sketches[other].Shingles) >= CommentGroups.Threshold)
                        {
                            parent[Find(i)] = Find(other);
                        }
                    }

                    list.Add(i);
                }
            }

            var first = new Dictionary<int, string>();
            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < texts.Count; i++)
            {
                var root = Find(i);
                if (!first.TryGetValue(root, out var representative))
                {
                    first[root] = representative = texts[i].Key;
                }

                result[texts[i].Key] = representative;
            }

            return result;
        }

        public static (int[] Group, IReadOnlyList<int> Sizes) Assign(IReadOnlyList<(string Key, string Text)> comments)
        {
            var distinct = new List<(string Key, string Text)>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var comment in comments)
            {
                if (seen.Add(comment.Key))
                {
                    distinct.Add(comment);
                }
            }

            var representative = Near(distinct);
            var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
            var sizes = new List<int>();
            var groups = new int[comments.Count];
            for (var i = 0; i < comments.Count; i++)
            {
                var root = representative[comments[i].Key];
                if (!numbers.TryGetValue(root, out var number))
                {
                    numbers[root] = number = numbers.Count + 1;
                    sizes.Add(0);
                }

                groups[i] = number;
                sizes[number - 1]++;
            }

            return (groups, sizes);
        }

        private static double Jaccard(ulong[] a, ulong[] b)
        {
            int i = 0, j = 0, common = 0;
            while (i < a.Length && j < b.Length)
            {
                if (a[i] == b[j])
                {
                    common++;
                    i++;
                    j++;
                }
                else if (a[i] < b[j])
                {
                    i++;
                }
                else
                {
                    j++;
                }
            }

            var union = a.Length + b.Length - common;
            return union == 0 ? 1 : (double)common / union;
        }

        private sealed class Sketch(ulong[] shingles, ulong[] signature)
        {
            public ulong[] Shingles => shingles;

            public ulong Band(int band)
            {
                var hash = 14695981039346656037UL;
                for (var r = 0; r < Rows; r++)
                {
                    hash = (hash ^ signature[band * Rows + r]) * 1099511628211UL;
                }

                return hash;
            }

            public static Sketch Of(string normalized)
            {
                var elements = new List<string>();
                var e = StringInfo.GetTextElementEnumerator(normalized);
                while (e.MoveNext())
                {
                    elements.Add(e.GetTextElement());
                }

                var set = new HashSet<ulong>();
                if (elements.Count <= ShingleLength)
                {
                    set.Add(Fnv(string.Concat(elements)));
                }
                else
                {
                    for (var i = 0; i + ShingleLength <= elements.Count; i++)
                    {
                        set.Add(Fnv(string.Concat(elements.GetRange(i, ShingleLength))));
                    }
                }

                var shingles = set.ToArray();
                Array.Sort(shingles);
                var signature = new ulong[Hashes];
                Array.Fill(signature, ulong.MaxValue);
                foreach (var shingle in shingles)
                {
                    for (var h = 0; h < Hashes; h++)
                    {
                        var value = Mix(shingle ^ Seeds[h]);
                        if (value < signature[h])
                        {
                            signature[h] = value;
                        }
                    }
                }

                return new Sketch(shingles, signature);
            }

            private static readonly ulong[] Seeds = Enumerable.Range(1, Hashes).Select(i => Mix((ulong)i * 0x9E3779B97F4A7C15UL)).ToArray();

            private static ulong Mix(ulong z)
            {
                z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
                z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
                return z ^ (z >> 31);
            }

            private static ulong Fnv(string s)
            {
                var hash = 14695981039346656037UL;
                foreach (var c in s)
                {
                    hash = (hash ^ c) * 1099511628211UL;
                }

                return hash;
            }
        }
    }
}
