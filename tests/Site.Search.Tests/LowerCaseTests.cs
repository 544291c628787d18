using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.TokenAttributes;
using Site.Search;

namespace Site.Search.Tests;

/// <summary>The index's own lower-casing must agree with Lucene's LowerCaseFilter on every character it sees.</summary>
public sealed class LowerCaseTests
{
    [Fact]
    public void CaselessLowerCaseFilter_EveryBmpCharacter_MatchesLuceneLowerCaseFilter()
    {
        var all = Enumerable.Range(1, 0xFFFF).Where(c => c is < 0xD800 or > 0xDFFF).Select(c => (char)c).ToArray();
        var differences = new List<string>();
        foreach (var chunk in all.Chunk(255))
        {
            var text = new string(chunk);
            var ours = Single(new CaselessLowerCaseFilter(new KeywordTokenizer(new StringReader(text))));
            var lucene = Single(new LowerCaseFilter(ChineseAnalyzer.Version, new KeywordTokenizer(new StringReader(text))));
            for (var i = 0; i < text.Length; i++)
            {
                if (ours[i] != lucene[i])
                {
                    differences.Add($"U+{(int)text[i]:X4}: {ours[i]} vs {lucene[i]}");
                }
            }
        }

        Assert.Empty(differences);
    }

    private static string Single(TokenStream stream)
    {
        using (stream)
        {
            var term = stream.AddAttribute<ICharTermAttribute>();
            stream.Reset();
            Assert.True(stream.IncrementToken());
            var text = term.ToString();
            stream.End();
            return text;
        }
    }
}
