using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Search.Similarities;
using Site.Search.Replacements;

namespace Site.Search;

/// <summary>
/// Words for ranking: Lucene's SmartCn segmenter (HMMChineseTokenizer, the analyzer the product brief
/// names) after the same traditional-to-simplified folding as the bigram fields, with width and case
/// folded and punctuation dropped. Only the word fields (<see cref="SearchFields.TitleWords"/>,
/// <see cref="SearchFields.Words"/>) use it: they rank hits, while which documents match is still
/// decided by the bigram fields (exact substrings, whatever the segmenter makes of a text).
/// <para>
/// SmartCn's dictionaries (process-wide singletons: the library's WordDictionary and BigramDictionary, or <see cref="HhmmDictionaries"/>) load when
/// the first text is segmented, or when <see cref="WarmUp"/> starts them, once per process: a process
/// that segments nothing (an incremental build with no changed document, a <c>check</c>, <c>serve</c>
/// and the endpoint until the first build or query that needs words) never pays for them. A build
/// that writes the whole index starts them beside its single-threaded loading steps.
/// </para>
/// <para>
/// <see cref="WordTokenizer"/> (Replacements/SmartCn/) gives HMMChineseTokenizer's tokens from the
/// same dictionaries without the library's per-lookup allocations; with <see cref="LibraryPaths"/> on
/// (or a SmartCn data folder configured, whose files only the library reads), the library segments.
/// </para>
/// </summary>
public sealed class ChineseWordAnalyzer : Analyzer
{
    /// <summary>
    /// How much of a body goes into the word field, in UTF-16 units (cut on a text-element boundary):
    /// segmenting costs many times what the bigram tokenizer costs per character (BENCHMARKS.md,
    /// `words`), so whole bodies would make a large site's index several times slower. The
    /// start of a body is its summary or first paragraph, where what a page is about is said.
    /// </summary>
    public const int BodyLead = 200;

    /// <summary>One instance for every thread: analyzers keep their token streams per thread.</summary>
    public static readonly ChineseWordAnalyzer Shared = new();

    private static readonly Lazy<Task> Loaded = new(() => Task.Run(() =>
    {
        using var stream = Shared.GetTokenStream(SearchFields.Words, "代表联络站");
        stream.Reset();
        while (stream.IncrementToken())
        {
        }

        stream.End();
    }));

    /// <summary>
    /// Starts loading the segmenter's dictionaries in the background, for a caller that will segment
    /// soon: a build that writes the whole index, and the relevance benchmark before it measures.
    /// </summary>
    public static Task WarmUp() => Loaded.Value;

    protected override TextReader InitReader(string fieldName, TextReader reader) => new SimplifiedFoldingCharFilter(reader);

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var stream = Chain(reader, library: LibraryPaths.Enabled || !HhmmDictionaries.SameAsLibrary, out var tokenizer);
        return new TokenStreamComponents(tokenizer, stream);
    }

    /// <summary>
    /// The word chain over a reader (no folding of its own): SmartCn's <see cref="HMMChineseTokenizer"/>
    /// with <paramref name="library"/>, else <see cref="WordTokenizer"/> (Replacements/SmartCn/, the
    /// same tokens), then width and case folded and SmartCn's stop words (punctuation) dropped.
    /// </summary>
    public static TokenStream Chain(TextReader reader, bool library) => Chain(reader, library, out _);

    /// <summary>The chain, and its tokenizer (what an analyzer's components are made of).</summary>
    public static TokenStream Chain(TextReader reader, bool library, out Tokenizer tokenizer)
    {
        tokenizer = library ? new HMMChineseTokenizer(reader) : new WordTokenizer(reader);
        TokenStream stream = new CJKWidthFilter(tokenizer);
        stream = new LowerCaseFilter(ChineseAnalyzer.Version, stream);
        return new StopFilter(ChineseAnalyzer.Version, stream, SmartChineseAnalyzer.DefaultStopSet);
    }

    /// <summary>The lead of a body that the word field holds.</summary>
    public static string Lead(string body) => TextElements.Cut(body, BodyLead);

    /// <summary>The words of a text, in order.</summary>
    public static List<string> Words(string text)
    {
        var words = new List<string>();
        using var stream = Shared.GetTokenStream(SearchFields.Words, text);
        var term = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            words.Add(term.ToString());
        }

        stream.End();
        return words;
    }
}

/// <summary>
/// BM25 for the word fields (term frequency that saturates, lengths compared with the field's
/// average), Lucene's default for the bigram fields, whose scores the rest of the ranking was tuned on.
/// Both write norms the same way, so the writer and the searcher may each use this.
/// </summary>
public sealed class SearchSimilarity : PerFieldSimilarityWrapper
{
    public static readonly SearchSimilarity Instance = new();

    private readonly Similarity _words = new BM25Similarity();
    private readonly Similarity _bigrams = new DefaultSimilarity();

    public override Similarity Get(string name) => name is SearchFields.Words or SearchFields.TitleWords ? _words : _bigrams;
}
