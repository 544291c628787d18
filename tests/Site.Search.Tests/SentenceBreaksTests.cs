using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using ICU4N;
using ICU4N.Globalization;
using ICU4N.Support.Text;
using ICU4N.Text;
using Lucene.Net.Analysis.Util;
using Site.Search.Tests.Support;

namespace Site.Search.Tests;

/// <summary>
/// <see cref="SentenceBreakIterator"/> must give exactly the boundaries of ICU's sentence iterator for
/// the root locale (the compiled rules <c>brkitr/sent.brk</c> that SmartCn's tokenizer uses), on the
/// texts the word tokenizer's tests use and on random text from every Sentence_Break value; and its
/// table must be ICU4N's Sentence_Break property for every code point.
/// </summary>
public sealed class SentenceBreaksTests
{
    // What WordTokenizer used before (and what SmartCn's tokenizer reads through its culture lookup).
#pragma warning disable CS0618
    private static readonly BreakIterator Icu =
        RuleBasedBreakIterator.GetInstanceFromCompiledRules(ICU4N.Impl.ICUBinary.GetData(ICU4N.Impl.ICUData.IcuBreakIteratorName + "/sent.brk"));
#pragma warning restore CS0618

    [Fact]
    public void Table_IsIcu4nsSentenceBreak_ForEveryCodePoint()
    {
        for (var cp = 0; cp <= 0x10FFFF; cp++)
        {
            var icu = UChar.GetIntPropertyValue(cp, UProperty.Sentence_Break);
            if (SentenceBreakProperty.Of(cp) != icu)
            {
                Assert.Fail($"U+{cp:X4}: table {SentenceBreakProperty.Of(cp)}, ICU4N {icu}");
            }
        }

        // As the script writes it: each range's value differs from the one before.
        var ranges = SentenceBreakProperty.Ranges();
        Assert.Equal(0, ranges[0].First);
        Assert.All(ranges.Zip(ranges.Skip(1)), p => Assert.True(p.First.Value != p.Second.Value && p.First.First < p.Second.First));
    }

    [Theory]
    [MemberData(nameof(WordTokenizerTests.Edges), MemberType = typeof(WordTokenizerTests))]
    public void Edges_SameBoundariesAsIcu(string text) => AssertSame(text, everyOffset: true);

    [Theory]
    [InlineData("Mr. Wang said: \"OK.\" Then 人大. 代表! 站? 是的。")]
    [InlineData("U.S.A. is big. e.g. this. 3.5 km. (etc.) and more. “Yes!” she said.")]
    [InlineData("Hi.\u0301 There!\u200D) a? b. 1 ) c. 2 A")]
    [InlineData("第一条　为了规范物业管理活动。第二条！第三条？“是的。”（完）\r\n第四条")]
    [InlineData(" ) .A\n\u0301.B\r\r\n\u2029\u0085x")]
    [InlineData("a. 1 1 1 1 1 1 B a. 1 1 1 ) b.\u00AD c")]
    public void Rules_SameBoundariesAsIcu(string text) => AssertSame(text, everyOffset: true);

    /// <summary>The regulations, the reading, the sample content and the seeds, whole and by paragraph.</summary>
    [Fact]
    public void RealTexts_SameBoundariesAsIcu()
    {
        var files = TestData.TextFiles().Concat(TestData.SeedFiles()).ToList();
        Assert.True(files.Count >= 30, $"only {files.Count} text files beside the tests");
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            AssertSame(text, everyOffset: false);
            foreach (var paragraph in text.Split('\n'))
            {
                AssertSame(paragraph, everyOffset: false);
            }
        }
    }

    /// <summary>
    /// Random text, fixed seed: characters of every Sentence_Break value (from the table's ranges,
    /// basic and supplementary planes), and pieces the rules turn on (CR LF, quotes and closing brackets,
    /// 。！？.?!, digits after ".", capitals, spaces, format and extend characters, surrogate pairs and lone
    /// surrogates), terminators drawn often.
    /// </summary>
    [Fact]
    public void RandomText_SameBoundariesAsIcu()
    {
        var random = new Random(20261201);
        var byValue = Enumerable.Range(0, SentenceBreakProperty.Names.Length).Select(_ => new List<string>()).ToArray();
        var ranges = SentenceBreakProperty.Ranges();
        for (var r = 0; r < ranges.Count; r++)
        {
            var last = (r + 1 < ranges.Count ? ranges[r + 1].First : 0x110000) - 1;
            foreach (var cp in new[] { ranges[r].First, last, ranges[r].First + ((last - ranges[r].First) / 2) })
            {
                if (cp is < 0xD800 or > 0xDFFF)
                {
                    byValue[ranges[r].Value].Add(char.ConvertFromUtf32(cp));
                }
            }
        }

        Assert.All(byValue, list => Assert.NotEmpty(list));
        var pieces = new[]
        {
            "\r", "\n", "\r\n", "\u2028", "\u2029", "\u0085", " ", "　", "\t", "\"", "'", "“", "”", "‘", "’", "(", ")", "）", "」", "』", "】", "》",
            "。", "！", "？", ".", "?", "!", "…", "．", "｡", ",", "，", "、", ":", ";", "-", "0", "7", "１", "A", "Z", "Ａ", "a", "z", "ｚ",
            "人", "大", "代表", "𠮷", "😀", "\u0301", "\u00AD", "\u200D", "\uFE0F", "\u200B", "\uD800", "\uDC00", "U.S.", "etc.", "3.5",
        };
        for (var n = 0; n < 6000; n++)
        {
            var text = new StringBuilder();
            var count = random.Next(0, 30);
            for (var i = 0; i < count; i++)
            {
                var roll = random.Next(10);
                text.Append(roll < 4 ? pieces[random.Next(pieces.Length)]
                    : roll < 6 ? Pick(random, byValue[new[] { SentenceBreakProperty.ATerm, SentenceBreakProperty.STerm, SentenceBreakProperty.Close, SentenceBreakProperty.Sp }[random.Next(4)]])
                    : Pick(random, byValue[random.Next(byValue.Length)]));
            }

            AssertSame(text.ToString(), everyOffset: n % 10 == 0);
        }
    }

    /// <summary>How <see cref="SegmentingTokenizerBase"/> gives text: Lucene's array iterator over part of a buffer.</summary>
    [Fact]
    public void CharArrayIterator_PartOfABuffer_SameBoundariesAsIcu()
    {
        var buffer = "xx“人大。”代表! A b. C\r\n站？yy".ToCharArray();
        var ours = new SentenceBreakIterator();
        var wrapper = CharArrayIterator.NewSentenceInstance();
        wrapper.SetText(buffer, 2, buffer.Length - 4);
        ours.SetText(wrapper);
        Assert.Same(wrapper, ours.Text);
        Assert.Equal(Forward(Icu, new string(buffer, 2, buffer.Length - 4)), Forward(ours));
    }

    /// <summary>
    /// The point of the iterator: the replacement tokenizer reads none of ICU4N's data, which ICU4N loads
    /// as a satellite assembly (ICU4N.resources) that Native AOT cannot load. Each tokenizer runs in an
    /// assembly load context of its own (fresh static state, its own loads): SmartCn's loads the data
    /// (so the check sees a load), ours must not.
    /// </summary>
    [Fact]
    public void WordTokenizer_LoadsNoIcuData_WhereSmartCnDoes()
    {
        const string text = "第一条　为了规范物业管理活动，维护业主的合法权益。Mr. Wang said: \"OK.\" 人大代表！\n第二条";
        Assert.False(TokensInOwnContext("Site.Search", "Site.Search.WordTokenizer", text, out var tokens), "WordTokenizer loaded ICU4N.resources");
        Assert.True(tokens > 10, tokens.ToString());
        Assert.True(TokensInOwnContext("Lucene.Net.Analysis.SmartCn", "Lucene.Net.Analysis.Cn.Smart.HMMChineseTokenizer", text, out var libraryTokens), "SmartCn did not load ICU4N.resources");
        Assert.Equal(libraryTokens, tokens);
    }

    // True if tokenizing loaded ICU4N's data assembly.
    private static bool TokensInOwnContext(string assembly, string type, string text, out int tokens)
    {
        var context = new OwnContext(AppContext.BaseDirectory);
        try
        {
            var tokenizer = (IDisposable)Activator.CreateInstance(context.LoadFromAssemblyName(new AssemblyName(assembly)).GetType(type, throwOnError: true)!, new StringReader(text))!;
            var stream = tokenizer.GetType();
            stream.GetMethod("Reset")!.Invoke(tokenizer, null);
            var increment = stream.GetMethod("IncrementToken")!;
            tokens = 0;
            while ((bool)increment.Invoke(tokenizer, null)!)
            {
                tokens++;
            }

            stream.GetMethod("End")!.Invoke(tokenizer, null);
            tokenizer.Dispose();
            return context.Assemblies.Any(a => a.GetName().Name == "ICU4N.resources");
        }
        finally
        {
            context.Unload();
        }
    }

    // The test's own folder first (ICU4N.resources.dll beside ICU4N.dll, per culture below), the framework after.
    private sealed class OwnContext(string folder) : AssemblyLoadContext(isCollectible: true)
    {
        protected override Assembly? Load(AssemblyName name)
        {
            var path = Path.Combine(folder, name.CultureName ?? "", name.Name + ".dll");
            return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
        }
    }

    private static string Pick(Random random, List<string> list) => list[random.Next(list.Count)];

    private static void AssertSame(string text, bool everyOffset)
    {
        var ours = new SentenceBreakIterator();
        var expected = Forward(Icu, text);
        ours.SetText(text);
        Check(expected, Forward(ours), text, "forward");

        // Through a CharacterIterator (not Lucene's array), as ICU's own callers give text.
        ours.SetText(new StringCharacterIterator(text));
        Check(expected, Forward(ours), text, "character iterator");

        if (!everyOffset)
        {
            return;
        }

        ours.SetText(text);
        Icu.SetText(text);
        Check([Icu.Last(), Icu.Previous(), Icu.Previous()], [ours.Last(), ours.Previous(), ours.Previous()], text, "last, previous");
        for (var offset = 0; offset <= text.Length; offset++)
        {
            Check([Icu.Following(offset), Icu.Current, Icu.Preceding(offset), Icu.Current, Icu.IsBoundary(offset) ? 1 : 0, Icu.Current, Icu.Next()],
                [ours.Following(offset), ours.Current, ours.Preceding(offset), ours.Current, ours.IsBoundary(offset) ? 1 : 0, ours.Current, ours.Next()],
                text, $"following, preceding, is boundary at {offset}");
        }
    }

    private static List<int> Forward(BreakIterator iterator, string text)
    {
        iterator.SetText(text);
        return Forward(iterator);
    }

    private static List<int> Forward(BreakIterator iterator)
    {
        var boundaries = new List<int> { iterator.Current, iterator.First() };
        for (var b = iterator.Next(); b != BreakIterator.Done; b = iterator.Next())
        {
            boundaries.Add(b);
        }

        boundaries.Add(iterator.Current);
        return boundaries;
    }

    private static void Check(List<int> expected, List<int> actual, string text, string what)
    {
        if (!expected.SequenceEqual(actual))
        {
            Assert.Fail($"{what} 「{Escape(text)}」\nICU:  {string.Join(" ", expected)}\nours: {string.Join(" ", actual)}");
        }
    }

    private static string Escape(string text) =>
        text.Length > 300 ? Escape(text[..300]) + "…" : string.Concat(text.Select(c => c < 0x20 || c > 0x7E ? $"\\u{(int)c:X4}" : c.ToString()));
}
