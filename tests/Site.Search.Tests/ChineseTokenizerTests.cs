using System.Text;
using Lucene.Net.Analysis;
using Site.Search.Tests.Support;
using Site.Search;
using Site.Search.Replacements;

namespace Site.Search.Tests;

/// <summary>
/// <see cref="ChineseTokenizer"/> takes a short cut through plain runs of Han text; every token it
/// gives (term, type, offsets, position increment and length, final offset) must be the one the
/// chain it stands for gives (<see cref="ChineseAnalyzer.Chain(TextReader, Unigrams)"/>), in both
/// unigram modes.
/// </summary>
public sealed class ChineseTokenizerTests
{
    public static TheoryData<string> Edges() =>
    [
        "",
        "人",
        "人大",
        "人大代表",
        "人，大",
        "人 大",
        "abc",
        "人abc大",
        "abc人",
        "人abc",
        "2024年12月3日，第十八届人大常委会第25次会议在县城召开。",
        "ひらがなとカタカナと한국어と漢字",
        "漢字ひらがな，カタカナ漢字",
        "ＡＢＣ全角１２３人大",
        "𠀀𠀁人𠀂 𠀃",
        "代表" + new string('国', 300) + "x" + new string('家', 70),
        "e-mail: rd@example.gov.cn，电话 0731-5555 5555。",
        "人 . 大 , 代\n表\t站",
        "人\u0301大",          // combining mark after Han
        "人\uFE0F大\u200D站",   // variation selector, zero-width joiner
        "人\u00AD大",          // soft hyphen (a format character)
        "人·大’s 代_表",
        "々〇人大〇々",
        "鿍鿎鿏人",            // Han added after Lucene's Unicode version
        "龥龦人",
        "㐀䶵䶶人",
        "人😀大",
        "“人大”（代表）《法》【站】…—",
        "，。、",
        "人。",
        "。人",
    ];

    [Theory]
    [MemberData(nameof(Edges))]
    public void Tokenizer_Edges_SameTokensAsTheChain(string text)
    {
        AssertSame(text);
    }

    [Fact]
    public void Tokenizer_SeedArticles_SameTokensAsTheChain()
    {
        var files = TestData.SeedFiles();
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            AssertSame(File.ReadAllText(file));
        }
    }

    [Fact]
    public void Tokenizer_RandomMixedScripts_SameTokensAsTheChain()
    {
        var random = new Random(11);
        string[] pieces =
        [
            "人", "大", "代表", "鿌", "鿍", "㐀", "䶶", "𠀀", "ひら", "カタ", "ｶﾀ", "한국", "abc", "ABC", "123", "１２", "Ａ",
            "，", "。", "、", "“", "”", "’", "·", " ", "\u3000", "\n", "-", "_", "@", ".", "x.y", "3.5", "😀", "ー",
            "\u0301", "\uFE0F", "\u200D", "\u00AD", "々", "〇",
        ];
        for (var i = 0; i < 3000; i++)
        {
            var text = new StringBuilder();
            for (var j = random.Next(1, 40); j > 0; j--)
            {
                text.Append(pieces[random.Next(pieces.Length)]);
            }

            AssertSame(text.ToString());
        }
    }

    [Fact]
    public void Tokenizer_EveryPlainHanCharacter_InEveryNeighbourhood_SameTokensAsTheChain()
    {
        // Each character of both ranges the short cut takes, alone and between the kinds of neighbour it
        // checks for, in one text per thousand characters.
        var text = new StringBuilder();
        for (var c = 0x3400; c <= 0x9FFF; c++)
        {
            var h = (char)c;
            text.Append(h).Append('，').Append('a').Append(h).Append(h).Append('1').Append(h).Append('ひ').Append(h).Append(' ').Append(h).Append('\u0301');
            if (c % 1000 == 0)
            {
                AssertSame(text.ToString());
                text.Clear();
            }
        }

        AssertSame(text.ToString());
    }

    [Fact]
    public void Analyzer_ReusedForManyTexts_SameTokensEachTime()
    {
        using var analyzer = ChineseAnalyzer.ForIndex();
        string[] texts = ["人大代表，联络站", "abc 人", "", "ひら漢字", "人大代表，联络站"];
        foreach (var text in texts.Concat(texts))
        {
            // The analyzer folds traditional characters ahead of the chain (漢 → 汉).
            Assert.Equal(Tokens(ChineseAnalyzer.Chain(new SimplifiedFoldingCharFilter(new StringReader(text)), Unigrams.RunEnds)), Tokens(analyzer.GetTokenStream("body", text)));
        }
    }

    /// <summary>
    /// The library switch (SITE_LIBRARY_PATHS=1) routes the analyzer through Lucene's chain instead of
    /// the tokenizer, with the same tokens; other tests running meanwhile get the same tokens either way.
    /// </summary>
    [Fact]
    public void Analyzer_WithTheLibrarySwitch_IsTheChain_AndGivesTheSameTokens()
    {
        var text = File.ReadAllText(TestData.SeedFiles()[0]) + " 臺灣ＡＢＣ abc 123";
        var was = LibraryPaths.Enabled;
        try
        {
            foreach (var make in new Func<ChineseAnalyzer>[] { ChineseAnalyzer.ForIndex, ChineseAnalyzer.ForQueries })
            {
                LibraryPaths.Enabled = false;
                using var replacement = make();
                var fast = replacement.GetTokenStream("body", text);
                Assert.IsType<ChineseTokenizer>(fast);
                var expected = Tokens(fast);

                LibraryPaths.Enabled = true;
                using var library = make();
                var chain = library.GetTokenStream("body", text);
                Assert.IsNotType<ChineseTokenizer>(chain);
                Assert.Equal(expected, Tokens(chain));
            }
        }
        finally
        {
            LibraryPaths.Enabled = was;
        }
    }

    private static void AssertSame(string text)
    {
        foreach (var unigrams in new[] { Unigrams.All, Unigrams.RunEnds })
        {
            var expected = Tokens(ChineseAnalyzer.Chain(new StringReader(text), unigrams));
            var actual = Tokens(new ChineseTokenizer(new StringReader(text), unigrams));
            if (!expected.SequenceEqual(actual))
            {
                var at = expected.Zip(actual).TakeWhile(p => p.First == p.Second).Count();
                Assert.Fail($"{unigrams} 「{Escape(text)}」 token {at}:\nchain:     {string.Join(" | ", expected.Skip(at).Take(4))}\ntokenizer: {string.Join(" | ", actual.Skip(at).Take(4))}");
            }
        }
    }

    private static string Escape(string text) =>
        text.Length > 200 ? text[..200] + "…" : string.Concat(text.Select(c => c < 0x20 || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.Format ? $"\\u{(int)c:X4}" : c.ToString()));

    private static List<string> Tokens(TokenStream stream) => TokenDump.Of(stream);
}
