using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;

namespace Site.Search;

/// <summary>
/// The tokens of SmartCn's <see cref="HMMChineseTokenizer"/> (term, offsets, type "word"), made by
/// <see cref="HhmmSegmenter"/> over the library's own dictionaries. The text is read and cut into
/// sentences as the library does it: this is a <see cref="SegmentingTokenizerBase"/> (the library
/// tokenizer's base: 1,024-character buffers cut after the last line break), with the boundaries of
/// ICU's sentence break iterator for the root locale. Those come from <see cref="SentenceBreakIterator"/>,
/// our own reading of ICU 60's sentence rules over a table of the Sentence_Break property taken from
/// ICU4N, not from ICU: ICU4N reads its rules and character data through
/// <c>Assembly.GetSatelliteAssembly</c>, which .NET Native AOT does not support, and this path must run
/// there. <c>SentenceBreaksTests</c> compares its boundaries with ICU's iterator on real and random text.
/// The segmentation of each sentence is our own as well: the library's makes a string per sentence, a
/// new array for each dictionary lookup and a graph of objects per sentence. It replaces the library for
/// speed (BENCHMARKS.md, `words`), and <see cref="Replacements.LibraryPaths"/> routes around it.
/// <c>WordTokenizerTests</c> (tests/Site.Search.Tests) checks that every token is the library's, through
/// the whole word analyzer, on real regulations, the seeds, the sample content and mixed-script text.
/// </summary>
public sealed class WordTokenizer : SegmentingTokenizerBase
{
    private static readonly char[] Delimiter = Utility.COMMON_DELIMITER;

    private readonly HhmmSegmenter _segmenter = new();
    private readonly ICharTermAttribute _term;
    private readonly IOffsetAttribute _offset;
    private readonly ITypeAttribute _type;
    private int _sentenceStart;
    private int _sentenceOffset;
    private int _next;
    private int _words;

    public WordTokenizer(TextReader reader)
        : base(reader, new SentenceBreakIterator())
    {
        _term = AddAttribute<ICharTermAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
        _type = AddAttribute<ITypeAttribute>();
    }

    protected override void SetNextSentence(int sentenceStart, int sentenceEnd)
    {
        _segmenter.Segment(m_buffer.AsSpan(sentenceStart, sentenceEnd - sentenceStart));
        _sentenceStart = sentenceStart;
        _sentenceOffset = m_offset + sentenceStart;
        _next = 0;
        _words = _segmenter.Count;
    }

    protected override bool IncrementWord()
    {
        if (_next >= _words)
        {
            return false;
        }

        var i = _next++;
        ClearAttributes();
        var start = _segmenter.Start(i);
        var end = _segmenter.End(i);
        var type = _segmenter.Type(i);
        switch (type)
        {
            case WordType.STRING or WordType.NUMBER or WordType.FULLWIDTH_STRING or WordType.FULLWIDTH_NUMBER:
                {
                    // WordSegmenter.ConvertSegToken takes these from the text, and SegTokenFilter folds
                    // full-width forms (U+FF10 and up) to ASCII and Latin capitals to small letters.
                    var text = m_buffer.AsSpan(_sentenceStart + start, end - start);
                    var term = _term.ResizeBuffer(text.Length);
                    for (var k = 0; k < text.Length; k++)
                    {
                        var c = text[k];
                        if (type is WordType.FULLWIDTH_STRING or WordType.FULLWIDTH_NUMBER && c >= '\uFF10')
                        {
                            c = (char)(c - 0xFEE0);
                        }

                        if (type != WordType.NUMBER && c is >= 'A' and <= 'Z')
                        {
                            c = (char)(c + 0x20);
                        }

                        term[k] = c;
                    }

                    _term.Length = text.Length;
                    break;
                }

            case WordType.DELIMITER:
                _term.CopyBuffer(Delimiter, 0, Delimiter.Length);
                break;
            default:
                {
                    var chars = _segmenter.Chars(i);
                    chars.CopyTo(_term.ResizeBuffer(chars.Length));
                    _term.Length = chars.Length;
                    break;
                }
        }

        _offset.SetOffset(CorrectOffset(_sentenceOffset + start), CorrectOffset(_sentenceOffset + end));
        _type.Type = "word";
        return true;
    }

    public override void Reset()
    {
        base.Reset();
        _next = _words = 0;
    }
}
