using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;

namespace Site.Search;

/// <summary>Which single characters a run of CJK text gives beside its overlapping bigrams.</summary>
public enum Unigrams
{
    /// <summary>Every character (ABC → A, AB, B, BC, C): what queries and snippets are analysed with.</summary>
    All,

    /// <summary>
    /// Only the run's last character (ABC → AB, BC, C; a lone A → A): what the index holds. Every
    /// character still starts exactly one token at its own position, so a phrase of bigrams matches
    /// as before, and a lone character typed in a query matches as the prefix of that token
    /// (<see cref="ChineseQuery"/>). Half the tokens of <see cref="All"/>, and inverting tokens is
    /// most of what indexing costs.
    /// </summary>
    RunEnds,
}

/// <summary>
/// Han, kana and Hangul as overlapping bigrams plus unigrams (<see cref="Unigrams"/>), everything
/// else passed through. With <see cref="Unigrams.All"/> these are the tokens of Lucene's
/// <c>CJKBigramFilter(ALL, outputUnigrams: true)</c>, attribute for attribute
/// (<c>BigramFilterTests</c> compares both on the seeds and on mixed scripts). The difference is how
/// the token read ahead at the end of each run of CJK text is kept. Lucene's filter captures the
/// state of every attribute (a clone of each, and the garbage they make); here its four values are
/// copied into fields and put back, which makes indexing a large site noticeably faster.
/// </summary>
public sealed class OverlappingBigramFilter : TokenFilter
{
    private static readonly string HanType = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.IDEOGRAPHIC];
    private static readonly string HiraganaType = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.HIRAGANA];
    private static readonly string KatakanaType = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.KATAKANA];
    private static readonly string HangulType = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.HANGUL];

    private readonly ICharTermAttribute _term;
    private readonly ITypeAttribute _type;
    private readonly IOffsetAttribute _offset;
    private readonly IPositionIncrementAttribute _increment;
    private readonly IPositionLengthAttribute _length;
    private readonly bool _allUnigrams;

    // Code points of the current CJK run and their offsets, in parallel.
    private int[] _codePoints = new int[8];
    private int[] _starts = new int[8];
    private int[] _ends = new int[8];
    private int _count;
    private int _index;
    private int _lastEnd;
    private bool _bigramNext;
    private bool _exhausted;

    // The token read ahead when a run ended, to be returned next.
    private bool _held;
    private char[] _heldTerm = new char[16];
    private int _heldTermLength;
    private int _heldStart;
    private int _heldEnd;
    private string _heldType = "";
    private int _heldIncrement;

    public OverlappingBigramFilter(TokenStream input, Unigrams unigrams = Unigrams.All)
        : base(input)
    {
        _allUnigrams = unigrams == Unigrams.All;
        _term = AddAttribute<ICharTermAttribute>();
        _type = AddAttribute<ITypeAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
        _increment = AddAttribute<IPositionIncrementAttribute>();
        _length = AddAttribute<IPositionLengthAttribute>();
    }

    public override bool IncrementToken()
    {
        while (true)
        {
            if (_count - _index > 1)
            {
                if (!_allUnigrams)
                {
                    // The bigram alone holds its character's position.
                    EmitBigram();
                    _increment.PositionIncrement = 1;
                    return true;
                }

                // Unigram first, then back one to the bigram that starts at it.
                if (_bigramNext)
                {
                    EmitBigram();
                }
                else
                {
                    EmitUnigram();
                    _index--;
                }

                _bigramNext = !_bigramNext;
                return true;
            }

            if (!Next())
            {
                if (_count - _index == 1)
                {
                    EmitUnigram();
                    return true;
                }

                return false;
            }

            var type = _type.Type;
            var cjk = type == HanType || type == HiraganaType || type == KatakanaType || type == HangulType;
            if (cjk && _offset.StartOffset == _lastEnd)
            {
                Append();
                continue;
            }

            // Not adjacent CJK: the last character of the run is still to be given as a unigram.
            if (_count - _index == 1)
            {
                Hold();
                EmitUnigram();
                return true;
            }

            if (!cjk)
            {
                return true;
            }

            _index = 0;
            _count = 0;
            Append();
        }
    }

    public override void Reset()
    {
        base.Reset();
        _count = 0;
        _index = 0;
        _lastEnd = 0;
        _held = false;
        _exhausted = false;
        _bigramNext = false;
    }

    private bool Next()
    {
        if (_held)
        {
            _held = false;
            ClearAttributes();
            _term.CopyBuffer(_heldTerm, 0, _heldTermLength);
            _offset.SetOffset(_heldStart, _heldEnd);
            _type.Type = _heldType;
            _increment.PositionIncrement = _heldIncrement;
            return true;
        }

        if (_exhausted)
        {
            return false;
        }

        _exhausted = !m_input.IncrementToken();
        return !_exhausted;
    }

    private void Hold()
    {
        _held = true;
        if (_heldTerm.Length < _term.Length)
        {
            _heldTerm = new char[_term.Length];
        }

        Array.Copy(_term.Buffer, _heldTerm, _term.Length);
        _heldTermLength = _term.Length;
        _heldStart = _offset.StartOffset;
        _heldEnd = _offset.EndOffset;
        _heldType = _type.Type;
        _heldIncrement = _increment.PositionIncrement;
    }

    /// <summary>Adds the current token's code points to the run (Lucene's refill).</summary>
    private void Append()
    {
        // Only the last code point is ever needed again: keep the buffers small.
        if (_count > 64)
        {
            var last = _count - 1;
            _codePoints[0] = _codePoints[last];
            _starts[0] = _starts[last];
            _ends[0] = _ends[last];
            _count = 1;
            _index -= last;
        }

        var term = _term.Buffer;
        var length = _term.Length;
        var start = _offset.StartOffset;
        var end = _offset.EndOffset;
        if (_codePoints.Length < _count + length)
        {
            var size = Math.Max(_count + length, _codePoints.Length * 2);
            Array.Resize(ref _codePoints, size);
            Array.Resize(ref _starts, size);
            Array.Resize(ref _ends, size);
        }

        _lastEnd = end;
        var exact = end - start == length; // otherwise a char filter changed the text: every character gets the token's offsets
        for (var i = 0; i < length;)
        {
            var width = char.IsHighSurrogate(term[i]) && i + 1 < length && char.IsLowSurrogate(term[i + 1]) ? 2 : 1;
            _codePoints[_count] = width == 2 ? char.ConvertToUtf32(term[i], term[i + 1]) : term[i];
            _starts[_count] = start;
            _ends[_count] = exact ? start + width : end;
            if (exact)
            {
                start += width;
            }

            _count++;
            i += width;
        }
    }

    private void EmitBigram()
    {
        ClearAttributes();
        var buffer = _term.ResizeBuffer(4);
        var length = Write(_codePoints[_index], buffer, 0);
        length += Write(_codePoints[_index + 1], buffer, length);
        _term.Length = length;
        _offset.SetOffset(_starts[_index], _ends[_index + 1]);
        _type.Type = CJKBigramFilter.DOUBLE_TYPE;
        _increment.PositionIncrement = 0;
        _length.PositionLength = 2;
        _index++;
    }

    private void EmitUnigram()
    {
        ClearAttributes();
        var buffer = _term.ResizeBuffer(2);
        _term.Length = Write(_codePoints[_index], buffer, 0);
        _offset.SetOffset(_starts[_index], _ends[_index]);
        _type.Type = CJKBigramFilter.SINGLE_TYPE;
        _index++;
    }

    private static int Write(int codePoint, char[] buffer, int at)
    {
        if (codePoint < 0x10000)
        {
            buffer[at] = (char)codePoint;
            return 1;
        }

        var pair = char.ConvertFromUtf32(codePoint);
        buffer[at] = pair[0];
        buffer[at + 1] = pair[1];
        return 2;
    }
}
