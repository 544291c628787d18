using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.CharFilters;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Standard;
using Site.Search.Tests.Support;
using Site.Search;

namespace Site.Search.Tests;

/// <summary>
/// The index's bigram filter must give exactly the tokens of Lucene's CJKBigramFilter(ALL,
/// outputUnigrams: true): every term, type, offset, position increment and position length, and
/// the final offset, on the real articles and on text that mixes every script and edge it handles.
/// </summary>
public sealed class BigramFilterTests
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
        "12月3日，第十八届人大常委会第25次会议在县城召开。",
        "ひらがなとカタカナと한국어と漢字",
        "ＡＢＣ全角１２３人大",
        "𠀀𠀁人𠀂 𠀃",
        "代表" + new string('国', 200) + "x" + new string('家', 70),
        "e-mail: rd@example.gov.cn，电话 0731-5555 5555。",
        "人 . 大 , 代\n表\t站",
    ];

    [Theory]
    [MemberData(nameof(Edges))]
    public void OverlappingBigramFilter_Edges_SameTokensAsLucene(string text)
    {
        Assert.Equal(Tokens(Lucene, text), Tokens(Ours, text));
    }

    [Fact]
    public void OverlappingBigramFilter_HanRun_UnigramsAndOverlappingBigrams()
    {
        Assert.Equal(
            ["人 0-1 <SINGLE> +1 ×1", "人大 0-2 <DOUBLE> +0 ×2", "大 1-2 <SINGLE> +1 ×1", "大会 1-3 <DOUBLE> +0 ×2", "会 2-3 <SINGLE> +1 ×1", "npc 4-7 <ALPHANUM> +1 ×1", "end 7"],
            Tokens(Ours, "人大会 NPC"));
    }

    [Fact]
    public void OverlappingBigramFilter_SeedArticles_SameTokensAsLucene()
    {
        var files = TestData.SeedFiles();
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            Assert.Equal(Tokens(Lucene, text), Tokens(Ours, text));
        }
    }

    [Fact]
    public void OverlappingBigramFilter_RandomMixedScripts_SameTokensAsLucene()
    {
        var random = new Random(7);
        string[] pieces = ["人", "大", "代表", "𠀀", "ひら", "カタ", "한국", "abc", "ABC", "123", "１２", "，", "。", " ", "\n", "-", "@", "x.y", "😀", "ー"];
        for (var i = 0; i < 2000; i++)
        {
            var text = new StringBuilder();
            for (var j = random.Next(1, 40); j > 0; j--)
            {
                text.Append(pieces[random.Next(pieces.Length)]);
            }

            Assert.Equal(Tokens(Lucene, text.ToString()), Tokens(Ours, text.ToString()));
        }
    }

    [Fact]
    public void OverlappingBigramFilter_CharFilterChangedOffsets_SameTokensAsLucene()
    {
        // A char filter that shortens text leaves tokens whose offsets span more than their characters.
        var builder = new NormalizeCharMap.Builder();
        builder.Add("人民代表大会", "人大");
        builder.Add("常务委员会", "常委会");
        var map = builder.Build();
        var text = "县人民代表大会常务委员会召开会议，人民代表大会代表出席。";

        Assert.Equal(Tokens(Lucene, text, map), Tokens(Ours, text, map));
    }

    private static TokenStream Lucene(TokenStream stream) => new CJKBigramFilter(stream, CJKScript.ALL, outputUnigrams: true);

    private static TokenStream Ours(TokenStream stream) => new OverlappingBigramFilter(stream);

    private static List<string> Tokens(Func<TokenStream, TokenStream> bigrams, string text, NormalizeCharMap? map = null)
    {
        TextReader reader = new StringReader(text);
        if (map is not null)
        {
            reader = new MappingCharFilter(map, reader);
        }

        return TokenDump.Of(bigrams(new CaselessLowerCaseFilter(new CJKWidthFilter(new StandardTokenizer(ChineseAnalyzer.Version, reader)))));
    }
}
