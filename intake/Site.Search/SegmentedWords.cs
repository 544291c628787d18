using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Site.Search;

/// <summary>
/// The word fields (<see cref="SearchFields.TitleWords"/>, <see cref="SearchFields.Words"/>) of a batch
/// of documents, segmented by <see cref="ChineseWordAnalyzer"/> before any document of the batch is
/// handed to Lucene, and played back to Lucene's inverter as recorded tokens.
/// <para>
/// Why: the segmenter looks words up in SmartCn's dictionaries, and Lucene's inverter writes each
/// token into its term hash and postings buffers; both are tables of megabytes read at random. Taken
/// in turn for every document, each evicted the other's tables from the processor's caches, and the
/// pair cost far more than either alone (BENCHMARKS.md, issue #28). A batch of documents at a time,
/// each keeps its own tables warm.
/// </para>
/// <para>
/// The recording keeps what Lucene's inverter reads of a token stream: each token's term, position
/// increment and offsets, and the final position increment and offset after <c>End()</c>. So the
/// index is the same, term for term, posting for posting, norm for norm (<c>IndexContentsTests</c>).
/// </para>
/// </summary>
internal sealed class SegmentedWords
{
    private readonly RecordedTokens _titleWords = new();
    private readonly RecordedTokens _words = new();

    /// <summary>Segments the word fields of <paramref name="documents"/>, replacing the last batch.</summary>
    public void Segment(IReadOnlyList<SearchDocument> documents)
    {
        _titleWords.Clear();
        _words.Clear();
        foreach (var document in documents)
        {
            _titleWords.Add(ChineseWordAnalyzer.Shared, SearchFields.TitleWords, document.Title);
            _words.Add(ChineseWordAnalyzer.Shared, SearchFields.Words, ChineseWordAnalyzer.Lead(document.Body));
        }
    }

    /// <summary>Document <paramref name="index"/> of the batch: its title's words.</summary>
    public void PlayTitleWords(RecordedTokenStream stream, int index) => stream.Play(_titleWords, index);

    /// <summary>Document <paramref name="index"/> of the batch: the words of its body's lead.</summary>
    public void PlayWords(RecordedTokenStream stream, int index) => stream.Play(_words, index);
}

/// <summary>
/// Tokens of several texts in flat arrays, reused from batch to batch: term characters, and per token
/// where its term is, its position increment and offsets; per text its first token and what the
/// stream's <c>End()</c> left (position increment, offset).
/// </summary>
internal sealed class RecordedTokens
{
    // Grown as a batch needs (and kept): small to start with, so every growth is tested.
    internal char[] Chars = new char[1024];
    internal int CharCount;

    internal int[] TermAt = new int[256];
    internal int[] TermLength = new int[256];
    internal int[] Increment = new int[256];
    internal int[] StartOffset = new int[256];
    internal int[] EndOffset = new int[256];
    internal int TokenCount;

    internal int[] FirstToken = new int[17];   // per text, and one past the last text
    internal int[] FinalIncrement = new int[16];
    internal int[] FinalOffset = new int[16];
    internal int TextCount;

    public void Clear()
    {
        CharCount = 0;
        TokenCount = 0;
        TextCount = 0;
        FirstToken[0] = 0;
    }

    /// <summary>Records the tokens <paramref name="analyzer"/> makes of <paramref name="text"/> for <paramref name="field"/>.</summary>
    public void Add(Analyzer analyzer, string field, string text)
    {
        if (TextCount == FinalIncrement.Length)
        {
            Array.Resize(ref FinalIncrement, TextCount * 2);
            Array.Resize(ref FinalOffset, TextCount * 2);
            Array.Resize(ref FirstToken, TextCount * 2 + 1);
        }

        var stream = analyzer.GetTokenStream(field, text);
        try
        {
            var term = stream.AddAttribute<ICharTermAttribute>();
            var increment = stream.AddAttribute<IPositionIncrementAttribute>();
            var offset = stream.AddAttribute<IOffsetAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                if (TokenCount == TermAt.Length)
                {
                    var size = TokenCount * 2;
                    Array.Resize(ref TermAt, size);
                    Array.Resize(ref TermLength, size);
                    Array.Resize(ref Increment, size);
                    Array.Resize(ref StartOffset, size);
                    Array.Resize(ref EndOffset, size);
                }

                var length = term.Length;
                if (CharCount + length > Chars.Length)
                {
                    Array.Resize(ref Chars, Math.Max(CharCount + length, Chars.Length * 2));
                }

                Array.Copy(term.Buffer, 0, Chars, CharCount, length);
                TermAt[TokenCount] = CharCount;
                TermLength[TokenCount] = length;
                Increment[TokenCount] = increment.PositionIncrement;
                StartOffset[TokenCount] = offset.StartOffset;
                EndOffset[TokenCount] = offset.EndOffset;
                CharCount += length;
                TokenCount++;
            }

            stream.End();
            FinalIncrement[TextCount] = increment.PositionIncrement;
            FinalOffset[TextCount] = offset.EndOffset;
        }
        finally
        {
            stream.Dispose();
        }

        TextCount++;
        FirstToken[TextCount] = TokenCount;
    }
}

/// <summary>
/// Plays one recorded text back as a token stream (term, position increment, offsets), for a field
/// Lucene inverts from a stream. Reusable: Lucene disposes a field's stream after each document, and
/// the next <see cref="Play"/> starts it again.
/// </summary>
internal sealed class RecordedTokenStream : TokenStream
{
    private readonly ICharTermAttribute _term;
    private readonly IPositionIncrementAttribute _increment;
    private readonly IOffsetAttribute _offset;
    private RecordedTokens _tokens = new();
    private int _text;
    private int _next;
    private int _end;

    public RecordedTokenStream()
    {
        _term = AddAttribute<ICharTermAttribute>();
        _increment = AddAttribute<IPositionIncrementAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
    }

    /// <summary>Text <paramref name="text"/> of <paramref name="tokens"/> is what the stream gives next.</summary>
    public void Play(RecordedTokens tokens, int text)
    {
        _tokens = tokens;
        _text = text;
        _next = _end = 0;
    }

    public override void Reset()
    {
        base.Reset();
        _next = _tokens.FirstToken[_text];
        _end = _tokens.FirstToken[_text + 1];
    }

    public override bool IncrementToken()
    {
        if (_next >= _end)
        {
            return false;
        }

        ClearAttributes();
        var t = _tokens;
        var i = _next++;
        _term.CopyBuffer(t.Chars, t.TermAt[i], t.TermLength[i]);
        _increment.PositionIncrement = t.Increment[i];
        _offset.SetOffset(t.StartOffset[i], t.EndOffset[i]);
        return true;
    }

    public override void End()
    {
        base.End();
        _increment.PositionIncrement = _tokens.FinalIncrement[_text];
        _offset.SetOffset(_tokens.FinalOffset[_text], _tokens.FinalOffset[_text]);
    }
}
