using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;
using Site.Search.Replacements;

namespace Site.Search;

/// <summary>
/// The one analysis chain, used when the build writes the index and when the endpoint builds queries
/// and snippets: Han characters become overlapping bigrams, so any fragment a person types can be
/// matched as a phrase (exact substring behaviour without a dictionary); Latin words and numbers stay
/// whole words; full-width forms fold to half-width and Latin to lower case
/// (<see cref="CaselessLowerCaseFilter"/>); traditional characters fold to simplified ones
/// (<see cref="SimplifiedFolding"/>). The index keeps a single character only where a run of
/// Han text ends (<see cref="ForIndex"/>); queries and snippets see every character
/// (<see cref="ForQueries"/>), and <see cref="ChineseQuery"/> matches a lone one as a prefix.
/// <see cref="ChineseTokenizer"/> (Replacements/Lucene/) gives the tokens of
/// <see cref="Chain(TextReader, Unigrams)"/> with a short cut for plain runs of Han text; with
/// <see cref="LibraryPaths"/> on, the chain itself analyses the text.
/// </summary>
public sealed class ChineseAnalyzer(Unigrams unigrams) : Analyzer
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    public static ChineseAnalyzer ForIndex() => new(Unigrams.RunEnds);

    public static ChineseAnalyzer ForQueries() => new(Unigrams.All);

    /// <summary>Traditional characters are read as simplified ones (<see cref="SimplifiedFolding"/>).</summary>
    protected override TextReader InitReader(string fieldName, TextReader reader) => new SimplifiedFoldingCharFilter(reader);

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        if (LibraryPaths.Enabled)
        {
            var chain = Chain(reader, unigrams, out var tokenizer);
            return new(tokenizer, chain);
        }

        return new(new ChineseTokenizer(reader, unigrams));
    }

    /// <summary>
    /// The chain <see cref="ChineseTokenizer"/> stands for, step by step: what tests compare it with.
    /// With <see cref="Unigrams.All"/> = CJKBigramFilter(ALL, outputUnigrams: true), without cloned states.
    /// </summary>
    public static TokenStream Chain(TextReader reader, Unigrams unigrams) => Chain(reader, unigrams, out _);

    internal static TokenStream Chain(TextReader reader, Unigrams unigrams, out StandardTokenizer tokenizer)
    {
        tokenizer = new StandardTokenizer(Version, reader) { MaxTokenLength = 255 };
        return new OverlappingBigramFilter(new CaselessLowerCaseFilter(new CJKWidthFilter(tokenizer)), unigrams);
    }
}
