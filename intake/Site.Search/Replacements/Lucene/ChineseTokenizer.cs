using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;

namespace Site.Search;

/// <summary>
/// The whole analysis chain in one tokenizer, with a short cut for what Chinese text is mostly made
/// of. The chain is Lucene's <see cref="StandardTokenizer"/> (UAX #29 words, one token per Han
/// character), <see cref="CJKWidthFilter"/>, <see cref="CaselessLowerCaseFilter"/> and
/// <see cref="OverlappingBigramFilter"/>.
/// <list type="bullet">
/// <item>A run of common Han characters (U+3400–U+4DB5, U+4E00–U+9FCC) with plain punctuation, white
/// space, ASCII or the text's ends on both sides is turned into its bigrams (and unigrams) here, as the
/// chain would: each of those characters is a word of its own, neither filter changes it, and the run
/// is a run of its own for the bigram filter.</item>
/// <item>Punctuation and white space alone between such runs make no token and are skipped.</item>
/// <item>Everything else (Latin, numbers, kana, Hangul, rare Han, combining marks, emoji) goes through
/// the chain itself, piece by piece, with its offsets moved to where the piece starts.</item>
/// </list>
/// It replaces the chain for speed (BENCHMARKS.md, `search`), and <see cref="Replacements.LibraryPaths"/>
/// routes around it. <c>ChineseTokenizerTests</c> (tests/Site.Search.Tests)
/// checks that every token (term, type, offsets, position increment and length) is the chain's, on the
/// seeds, random mixed-script text, and every character of both Han ranges in every neighbourhood.
/// </summary>
public sealed class ChineseTokenizer : Tokenizer
{
    // Punctuation and space of Chinese text that no tokenizer rule joins to a word.
    private static readonly System.Buffers.SearchValues<char> ChinesePunctuation =
        System.Buffers.SearchValues.Create("，。、；：？！（）《》〈〉「」『』【】〔〕“”‘’…—　");

    private readonly bool _allUnigrams;
    private readonly ICharTermAttribute _term;
    private readonly IOffsetAttribute _offset;
    private readonly ITypeAttribute _type;
    private readonly IPositionIncrementAttribute _increment;
    private readonly IPositionLengthAttribute _length;

    // The chain, for the pieces that are not plain Han runs.
    private readonly PieceReader _piece = new();
    private readonly StandardTokenizer _standard;
    private readonly TokenStream _chain;
    private readonly ICharTermAttribute _chainTerm;
    private readonly IOffsetAttribute _chainOffset;
    private readonly ITypeAttribute _chainType;
    private readonly IPositionIncrementAttribute _chainIncrement;
    private readonly IPositionLengthAttribute _chainLength;
    private bool _chainOpen;
    private int _chainStart;

    private char[] _text = new char[4096];
    private int _textLength;
    private int _at;          // where the next piece starts
    private int _runStart;    // the Han run being emitted: [_runStart, _runEnd)
    private int _runEnd;
    private int _runIndex;    // next character of the run
    private bool _bigramNext; // with all unigrams: the bigram at _runIndex - 1 is still to come

    public ChineseTokenizer(TextReader input, Unigrams unigrams)
        : base(input)
    {
        _allUnigrams = unigrams == Unigrams.All;
        _term = AddAttribute<ICharTermAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
        _type = AddAttribute<ITypeAttribute>();
        _increment = AddAttribute<IPositionIncrementAttribute>();
        _length = AddAttribute<IPositionLengthAttribute>();

        _chain = ChineseAnalyzer.Chain(_piece, unigrams, out _standard);
        _chainTerm = _chain.AddAttribute<ICharTermAttribute>();
        _chainOffset = _chain.AddAttribute<IOffsetAttribute>();
        _chainType = _chain.AddAttribute<ITypeAttribute>();
        _chainIncrement = _chain.AddAttribute<IPositionIncrementAttribute>();
        _chainLength = _chain.AddAttribute<IPositionLengthAttribute>();

        // Lucene's contract: a tokenizer takes a new reader only once the last one was closed.
        _chain.Dispose();
    }

    public override bool IncrementToken()
    {
        while (true)
        {
            // The piece before the run first, then the run.
            if (_chainOpen)
            {
                if (_chain.IncrementToken())
                {
                    CopyFromChain();
                    return true;
                }

                CloseChain();
            }

            if (_runIndex < _runEnd)
            {
                EmitFromRun();
                return true;
            }

            if (_at >= _textLength)
            {
                return false;
            }

            // The next plain Han run, and the piece before it for the chain.
            var (start, end) = NextRun(_at);
            if (start > _at && !Skippable(_at, start))
            {
                OpenChain(_at, start);
            }

            _runStart = _runIndex = start;
            _runEnd = end;
            _bigramNext = false;
            _at = end;
        }
    }

    public override void Reset()
    {
        base.Reset();
        _textLength = 0;
        while (true)
        {
            if (_textLength == _text.Length)
            {
                Array.Resize(ref _text, _text.Length * 2);
            }

            var read = m_input.Read(_text, _textLength, _text.Length - _textLength);
            if (read <= 0)
            {
                break;
            }

            _textLength += read;
        }

        _at = 0;
        _runStart = _runIndex = _runEnd = 0;
        _bigramNext = false;
        if (_chainOpen)
        {
            CloseChain();
        }
    }

    public override void End()
    {
        base.End();
        var final = CorrectOffset(_textLength);
        _offset.SetOffset(final, final);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && _chainOpen)
        {
            CloseChain();
        }

        base.Dispose(disposing);
    }

    /// <summary>The first plain Han run at or after <paramref name="from"/>, or an empty run at the end.</summary>
    private (int Start, int End) NextRun(int from)
    {
        var text = _text;
        for (var i = from; i < _textLength; i++)
        {
            if (!IsPlainHan(text[i]) || (i > 0 && !IsPlainBoundary(text[i - 1])))
            {
                continue;
            }

            var end = i + 1;
            while (end < _textLength && IsPlainHan(text[end]))
            {
                end++;
            }

            if (end == _textLength || IsPlainBoundary(text[end]))
            {
                return (i, end);
            }

            i = end; // the run touches something the chain must see: it goes there whole
        }

        return (_textLength, _textLength);
    }

    private void EmitFromRun()
    {
        ClearAttributes();
        var i = _runIndex;
        if (_bigramNext)
        {
            // All unigrams: after the unigram at i - 1, the bigram starting there, at the same position.
            SetTerm(i - 1, 2, CJKBigramFilter.DOUBLE_TYPE);
            _increment.PositionIncrement = 0;
            _length.PositionLength = 2;
            _bigramNext = false;
            return;
        }

        if (i + 1 < _runEnd && !_allUnigrams)
        {
            SetTerm(i, 2, CJKBigramFilter.DOUBLE_TYPE);
            _length.PositionLength = 2;
        }
        else
        {
            SetTerm(i, 1, CJKBigramFilter.SINGLE_TYPE);
            _bigramNext = _allUnigrams && i + 1 < _runEnd;
        }

        _runIndex = i + 1;
    }

    private void SetTerm(int start, int length, string type)
    {
        _term.CopyBuffer(_text, start, length);
        _offset.SetOffset(CorrectOffset(start), CorrectOffset(start + length));
        _type.Type = type;
    }

    private void OpenChain(int start, int end)
    {
        _piece.Set(_text, start, end - start);
        _standard.SetReader(_piece);
        _chain.Reset();
        _chainStart = start;
        _chainOpen = true;
    }

    private void CopyFromChain()
    {
        ClearAttributes();
        _term.CopyBuffer(_chainTerm.Buffer, 0, _chainTerm.Length);
        _offset.SetOffset(CorrectOffset(_chainStart + _chainOffset.StartOffset), CorrectOffset(_chainStart + _chainOffset.EndOffset));
        _type.Type = _chainType.Type;
        _increment.PositionIncrement = _chainIncrement.PositionIncrement;
        _length.PositionLength = _chainLength.PositionLength;
    }

    private void CloseChain()
    {
        _chain.End();
        _chain.Dispose();
        _chainOpen = false;
    }

    /// <summary>Only punctuation and white space, which the chain makes no token of.</summary>
    private bool Skippable(int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (!IsPunctuationOrSpace(_text[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Han characters every Unicode version Lucene's tokenizer knows treats alike: one word each.</summary>
    private static bool IsPlainHan(char c) => c is (>= '\u4E00' and <= '\u9FCC') or (>= '\u3400' and <= '\u4DB5');

    /// <summary>Characters next to which a Han character is a word and a bigram run of its own.</summary>
    private static bool IsPlainBoundary(char c) => c < 0x80 || IsPunctuationOrSpace(c);

    private static bool IsPunctuationOrSpace(char c) =>
        c < 0x80 ? c != '_' && !char.IsAsciiLetterOrDigit(c) : ChinesePunctuation.Contains(c);

    /// <summary>A reusable reader over a piece of the text.</summary>
    private sealed class PieceReader : TextReader
    {
        private char[] _text = [];
        private int _at;
        private int _end;

        public void Set(char[] text, int start, int length)
        {
            _text = text;
            _at = start;
            _end = start + length;
        }

        public override int Read(char[] buffer, int index, int count)
        {
            var n = Math.Min(count, _end - _at);
            if (n <= 0)
            {
                return 0;
            }

            Array.Copy(_text, _at, buffer, index, n);
            _at += n;
            return n;
        }

        public override int Read() => _at < _end ? _text[_at++] : -1;

        public override int Peek() => _at < _end ? _text[_at] : -1;

        protected override void Dispose(bool disposing)
        {
            // Reused for the next piece: nothing to release.
        }
    }
}
