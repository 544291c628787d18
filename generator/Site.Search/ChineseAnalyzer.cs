using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace Site.Search;

/// <summary>
/// The one analyzer, used when the build writes the index and when the endpoint builds queries and
/// snippets: Han characters become overlapping bigrams plus unigrams, so any fragment a person types
/// can be matched as a phrase (exact substring behaviour without a dictionary); Latin words and
/// numbers stay whole words; full-width forms fold to half-width and Latin to lower case
/// (<see cref="CaselessLowerCaseFilter"/>).
/// </summary>
public sealed class ChineseAnalyzer : Analyzer
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(Version, reader) { MaxTokenLength = 255 };
        TokenStream stream = new CJKWidthFilter(tokenizer);
        stream = new CaselessLowerCaseFilter(stream);
        stream = new OverlappingBigramFilter(stream); // = CJKBigramFilter(ALL, outputUnigrams: true), without cloned states
        return new TokenStreamComponents(tokenizer, stream);
    }
}
