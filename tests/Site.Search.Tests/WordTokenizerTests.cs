using System.Reflection;
using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cn.Smart;
using Site.Search.Replacements;
using Site.Search.Tests.Support;

namespace Site.Search.Tests;

/// <summary>
/// <see cref="WordTokenizer"/> segments with its own lattice over SmartCn's dictionaries; every token
/// of the word chain it makes (term, offsets, type, position increment and length, final offset) must
/// be the one SmartCn's <see cref="HMMChineseTokenizer"/> chain gives, on real texts whole, paragraph by
/// paragraph, cut as the index cuts them, and on text that mixes every character class SmartCn knows.
/// </summary>
public sealed class WordTokenizerTests
{
    public static TheoryData<string> Edges() =>
    [
        "",
        " ",
        "　\t\r\n ",
        "人",
        "人大",
        "全国人民代表大会常务委员会",
        "人 大 代 表",          // a dictionary word across spaces keeps its offsets, not the spaces
        "人\n大代\r\n表",
        "電梯 代表聯絡站 物業管理條例 陳美華",
        "王𠮷 𠮷野家 😀人大😀",
        "abc ABC Ab12cD ＡＢＣ ａｂｃ Ａb１2 １２３ 123 ４5",
        "2024年12月3日，第十八届人大常委会第25次会议在县城召开。",
        "e-mail: rd@example.gov.cn，电话 0731-5555 5555。",
        "“人大”（代表）《法》【站】…—·、；：？！",
        "Mr. Wang said: \"OK.\" Then 人大. 代表! 站? 是的。",
        "ｶﾞｷﾞｸﾞ ﾊﾟ ｱｲｳ ｰ",      // half-width katakana and sound marks
        "ひらがなとカタカナと한국어と漢字",
        "々〇人大〇々 鿍鿎 龥龦 㐀䶵",
        "ΑΒΓ αβγ АБВ абв Ǆ ǅ",
        "人\u0301大\uFE0F站\u200D会\u00AD议",
        "\u2028人大\u2029代表\u0085站",
        "，。、",
        "人。",
        "。人",
        "第一条　为了规范物业管理活动，维护业主、物业服务人和物业使用人的合法权益，制定本条例。",
    ];

    [Theory]
    [MemberData(nameof(Edges))]
    public void Edges_SameTokensAsSmartCn(string text) => AssertSame(text);

    /// <summary>
    /// The regulations, as published and as pasted from a PDF, the reading, the sample content and the
    /// seeds: whole (over SmartCn's 1,024-character buffer, cut after line breaks), by paragraph, and
    /// cut to the lead the index keeps.
    /// </summary>
    [Fact]
    public void RealTexts_WholeByParagraphAndLead_SameTokensAsSmartCn()
    {
        var files = TestData.TextFiles().Concat(TestData.SeedFiles()).ToList();
        Assert.True(files.Count >= 30, $"only {files.Count} text files beside the tests");
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            AssertSame(text);
            foreach (var paragraph in text.Split('\n'))
            {
                AssertSame(paragraph);
                AssertSame(ChineseWordAnalyzer.Lead(paragraph));
            }
        }
    }

    /// <summary>Long text with no line break: SmartCn's buffer is cut where it happens to end, and words with it.</summary>
    [Fact]
    public void LongTextWithoutLineBreaks_SameTokensAsSmartCn()
    {
        var text = string.Concat(File.ReadAllLines(TestData.SeedFiles()[1]));
        Assert.True(text.Length > 3000);
        AssertSame(text);
        AssertSame(new string('国', 2500) + "人大代表" + new string('a', 1500) + "１２３");
    }

    /// <summary>
    /// Random text from every class SmartCn tells apart (Han, Latin, digits, full-width, spaces,
    /// punctuation, other scripts, astral characters, line and paragraph separators), fixed seed.
    /// </summary>
    [Fact]
    public void RandomMixedText_SameTokensAsSmartCn()
    {
        var pieces = new[]
        {
            "人大", "代表", "常务委员会", "联络站", "物业", "管理", "条例", "的", "了", "和", "電", "條", "陳",
            "a", "Z", "abc", "ＡＢ", "ｚ", "0", "42", "１", "２０", " ", "　", "\t", "\n", "\r\n",
            "，", "。", "、", "“", "”", "（", "）", ".", "!", "?", ":", "-", "@", "'", "·", "—", "…",
            "𠮷", "😀", "ｶﾞ", "ひら", "한", "Ω", "é", "\u0301", "\u200D", "\u2028", "\uFE0F", "々",
        };
        var random = new Random(20261130);
        for (var n = 0; n < 400; n++)
        {
            var text = new StringBuilder();
            var count = random.Next(0, 60);
            for (var i = 0; i < count; i++)
            {
                text.Append(pieces[random.Next(pieces.Length)]);
            }

            AssertSame(text.ToString());
        }
    }

    /// <summary>
    /// The word analyzer is the replacement's chain, and with the library switch (SITE_LIBRARY_PATHS=1)
    /// SmartCn's, with the same tokens either way.
    /// </summary>
    [Fact]
    public void Analyzer_WithTheLibrarySwitch_IsSmartCn_AndGivesTheSameTokens()
    {
        var text = File.ReadAllText(TestData.SeedFiles()[0]) + " 臺灣ＡＢＣ abc 123 𠮷";
        var was = LibraryPaths.Enabled;
        try
        {
            LibraryPaths.Enabled = false;
            using var replacement = new ChineseWordAnalyzer();
            var fast = replacement.GetTokenStream(SearchFields.Words, text);
            Assert.IsType<WordTokenizer>(Source(fast));
            var expected = TokenDump.Of(fast);

            LibraryPaths.Enabled = true;
            using var library = new ChineseWordAnalyzer();
            var slow = library.GetTokenStream(SearchFields.Words, text);
            Assert.IsType<HMMChineseTokenizer>(Source(slow));
            Assert.Equal(expected, TokenDump.Of(slow));
        }
        finally
        {
            LibraryPaths.Enabled = was;
        }
    }

    private static TokenStream Source(TokenStream stream)
    {
        var input = typeof(TokenFilter).GetField("m_input", BindingFlags.NonPublic | BindingFlags.Instance)!;
        while (stream is TokenFilter filter)
        {
            stream = (TokenStream)input.GetValue(filter)!;
        }

        return stream;
    }

    private static void AssertSame(string text)
    {
        var expected = TokenDump.Of(ChineseWordAnalyzer.Chain(new SimplifiedFoldingCharFilter(new StringReader(text)), library: true));
        var actual = TokenDump.Of(ChineseWordAnalyzer.Chain(new SimplifiedFoldingCharFilter(new StringReader(text)), library: false));
        if (!expected.SequenceEqual(actual))
        {
            var at = expected.Zip(actual).TakeWhile(p => p.First == p.Second).Count();
            Assert.Fail($"「{Escape(text)}」 token {at}:\nSmartCn:     {string.Join(" | ", expected.Skip(at).Take(4))}\nreplacement: {string.Join(" | ", actual.Skip(at).Take(4))}");
        }
    }

    private static string Escape(string text) =>
        text.Length > 200 ? text[..200] + "…" : string.Concat(text.Select(c => c < 0x20 || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.Format ? $"\\u{(int)c:X4}" : c.ToString()));
}
