using ICU4N.Support.Text;
using ICU4N.Text;
using Lucene.Net.Analysis.Util;

namespace Site.Search;

/// <summary>
/// The Sentence_Break property (UAX #29) of every code point, from <c>Data/sentence-break.txt</c>:
/// ICU4N's own character data (Unicode 10, the version of ICU 60's sentence rules), written by
/// <c>Data/make-sentence-break.cs</c>; a test checks every code point against ICU4N. Values are ICU's
/// <c>SentenceBreak</c> numbers (<see cref="Other"/> 0 to <see cref="SContinue"/> 14). The table is read
/// once, on first use.
/// </summary>
internal static class SentenceBreakProperty
{
    public const byte Other = 0, ATerm = 1, Close = 2, Format = 3, Lower = 4, Numeric = 5, OLetter = 6, Sep = 7,
        Sp = 8, STerm = 9, Upper = 10, CR = 11, Extend = 12, LF = 13, SContinue = 14;

    /// <summary>The short names of the values in the file, in ICU's order.</summary>
    internal static readonly string[] Names = ["XX", "AT", "CL", "FO", "LO", "NU", "LE", "SE", "SP", "ST", "UP", "CR", "EX", "LF", "SC"];

    /// <summary>The value of a code point (0 to U+10FFFF; a lone surrogate is a code point of its own).</summary>
    public static byte Of(int codePoint) => codePoint <= char.MaxValue ? Table.Basic[codePoint] : Table.Supplementary(codePoint);

    /// <summary>The file's ranges (first code point, value), in order, for tests.</summary>
    internal static IReadOnlyList<(int First, byte Value)> Ranges() => Table.Ranges;

    // A nested class, so that the file is read on the first lookup and not before.
    private static class Table
    {
        public static readonly (int First, byte Value)[] Ranges = Load();

        // One byte per UTF-16 unit for the basic plane; the supplementary planes by binary search of the
        // ranges there (few, and rare in the congress's text).
        public static readonly byte[] Basic = BasicPlane();
        private static readonly int[] SupplementaryFirsts = Ranges.Where(r => r.First > char.MaxValue).Select(r => r.First).Prepend(char.MaxValue + 1).ToArray();
        private static readonly byte[] SupplementaryValues = [ValueAt(char.MaxValue + 1, Ranges), .. Ranges.Where(r => r.First > char.MaxValue).Select(r => r.Value)];

        public static byte Supplementary(int codePoint)
        {
            var i = Array.BinarySearch(SupplementaryFirsts, codePoint);
            return SupplementaryValues[i >= 0 ? i : ~i - 1];
        }

        private static byte ValueAt(int codePoint, (int First, byte Value)[] ranges)
        {
            var value = ranges[0].Value;
            foreach (var (first, v) in ranges)
            {
                if (first > codePoint)
                {
                    break;
                }

                value = v;
            }

            return value;
        }

        private static byte[] BasicPlane()
        {
            var table = new byte[char.MaxValue + 1];
            for (var r = 0; r < Ranges.Length && Ranges[r].First <= char.MaxValue; r++)
            {
                var end = r + 1 < Ranges.Length ? Math.Min(Ranges[r + 1].First, table.Length) : table.Length;
                table.AsSpan(Ranges[r].First, end - Ranges[r].First).Fill(Ranges[r].Value);
            }

            return table;
        }

        private static (int First, byte Value)[] Load()
        {
            using var stream = typeof(SentenceBreakProperty).Assembly.GetManifestResourceStream("sentence-break.txt")
                ?? throw new InvalidOperationException("sentence-break.txt is not embedded in Site.Search");
            using var reader = new StreamReader(stream);
            var ranges = new List<(int First, byte Value)>();
            while (reader.ReadLine() is { } line)
            {
                if (line.Length == 0 || line[0] == '#')
                {
                    continue;
                }

                var space = line.IndexOf(' ');
                var value = space > 0 ? Array.IndexOf(Names, line[(space + 1)..]) : -1;
                if (value < 0 || !int.TryParse(line.AsSpan(0, space), System.Globalization.NumberStyles.AllowHexSpecifier, null, out var first)
                    || first > 0x10FFFF || (ranges.Count == 0 ? first != 0 : first <= ranges[^1].First))
                {
                    throw new InvalidDataException($"sentence-break.txt: not a range in order (hex code point, value): {line}");
                }

                ranges.Add((first, (byte)value));
            }

            return ranges.Count > 0 ? ranges.ToArray() : throw new InvalidDataException("sentence-break.txt: no ranges");
        }
    }
}

/// <summary>
/// Sentence boundaries exactly as ICU's sentence iterator for the root locale gives them (ICU 60's
/// <c>brkitr/rules/sent.txt</c>: the UAX #29 rules SB1–SB11 and SB998, with no exceptions for
/// abbreviations), over the Sentence_Break values of <see cref="SentenceBreakProperty"/>, without ICU's
/// data. ICU4N reads its rules and tables through <c>Assembly.GetSatelliteAssembly</c>, which .NET Native
/// AOT does not support; this is the only part of ICU that the replacement word tokenizer
/// (<see cref="WordTokenizer"/>) needs. <c>SentenceBreaksTests</c> (tests/Site.Search.Tests) compares
/// every boundary with ICU's <c>RuleBasedBreakIterator</c> on real and random text.
/// </summary>
/// <remarks>
/// Positions are those of the text given (a <see cref="CharacterIterator"/>'s indices, from its
/// <see cref="CharacterIterator.BeginIndex"/>). Forward iteration (<see cref="Next()"/>, what
/// <see cref="SegmentingTokenizerBase"/> calls) reads each character once; <see cref="Previous"/>,
/// <see cref="Preceding"/> and a <see cref="Following"/> behind the current position scan again from
/// the start of the text. A <see cref="CharArrayIterator"/> (Lucene's, the tokenizer's) is read in
/// place; any other text is copied.
/// </remarks>
public sealed class SentenceBreakIterator : BreakIterator
{
    private CharacterIterator _source = new StringCharacterIterator("");
    private char[] _text = [];
    private int _start;    // index in _text of the text's first character
    private int _length;
    private int _begin;    // the source's BeginIndex: positions given out are _begin + i
    private int _position; // relative to _begin; always a boundary

    /// <summary>An iterator over empty text.</summary>
    public SentenceBreakIterator()
    {
    }

    public override int Current => _begin + _position;

    public override CharacterIterator Text => _source;

    public override void SetText(CharacterIterator newText)
    {
        ArgumentNullException.ThrowIfNull(newText);
        _source = newText;
        if (newText is CharArrayIterator array)
        {
            _text = array.Text;
            _start = array.Start;
            _length = array.Length;
            _begin = 0;
        }
        else
        {
            _begin = newText.BeginIndex;
            _length = newText.EndIndex - _begin;
            _text = new char[_length];
            _start = 0;
            var i = 0;
            for (var c = newText.First(); i < _length; c = newText.Next())
            {
                _text[i++] = c;
            }
        }

        _position = 0;
    }

    public override void SetText(string newText)
    {
        ArgumentNullException.ThrowIfNull(newText);
        _source = new StringCharacterIterator(newText);
        _text = newText.ToCharArray();
        _start = _begin = _position = 0;
        _length = newText.Length;
    }

    public override int First()
    {
        _position = 0;
        return _begin;
    }

    public override int Last()
    {
        _position = _length;
        return _begin + _length;
    }

    public override int Next()
    {
        if (_position >= _length)
        {
            return Done;
        }

        _position = NextBoundary(Span, _position);
        return _begin + _position;
    }

    public override int Next(int n)
    {
        var result = Current;
        for (; n > 0 && result != Done; n--)
        {
            result = Next();
        }

        for (; n < 0 && result != Done; n++)
        {
            result = Previous();
        }

        return result;
    }

    public override int Previous()
    {
        if (_position <= 0)
        {
            return Done;
        }

        _position = Before(_position);
        return _begin + _position;
    }

    public override int Following(int offset)
    {
        var at = offset - _begin;
        if (at < 0)
        {
            return First();
        }

        at = CodePointStart(at);
        if (at >= _length)
        {
            _position = _length;
            return Done;
        }

        var boundary = _position <= at ? _position : 0;
        var text = Span;
        while (boundary <= at)
        {
            boundary = NextBoundary(text, boundary);
        }

        _position = boundary;
        return _begin + boundary;
    }

    public override int Preceding(int offset)
    {
        var at = offset - _begin;
        if (at > _length)
        {
            return Last();
        }

        if (at < 0)
        {
            return First();
        }

        if (at == 0)
        {
            _position = 0;
            return Done;
        }

        // Unlike the other methods, not moved to a code point's start (ICU4N does not either).
        _position = Before(at);
        return _begin + _position;
    }

    public override bool IsBoundary(int offset)
    {
        var at = offset - _begin;
        if (at < 0 || at > _length)
        {
            throw new ArgumentException($"offset {offset} is outside the text ({_begin} to {_begin + _length})", nameof(offset));
        }

        if (at == 0)
        {
            _position = 0;
            return true;
        }

        if (CodePointStart(at) != at)
        {
            Following(offset);
            return false;
        }

        // The first boundary after the last one before the offset: the offset itself, or the one after it.
        _position = NextBoundary(Span, Before(at));
        return _position == at;
    }

    private ReadOnlySpan<char> Span => _text.AsSpan(_start, _length);

    // The last boundary before a position (0 if none), scanning from the current position or the start.
    private int Before(int at)
    {
        var text = Span;
        var boundary = _position < at ? _position : 0;
        while (boundary < at)
        {
            var next = NextBoundary(text, boundary);
            if (next >= at)
            {
                break;
            }

            boundary = next;
        }

        return boundary;
    }

    // A position inside a surrogate pair moves to the pair's start, as ICU does.
    private int CodePointStart(int at)
    {
        var text = Span;
        return at > 0 && at < text.Length && char.IsLowSurrogate(text[at]) && char.IsHighSurrogate(text[at - 1]) ? at - 1 : at;
    }

    // After a sentence terminator (SATerm Close* Sp*), where the rules SB6-SB11 decide.
    private const int InSentence = 0, AfterTerm = 1, AfterClose = 2, AfterSp = 3;

    /// <summary>
    /// The boundary after <paramref name="start"/> (a boundary before the end of the text): UAX #29's
    /// rules read forward, as ICU's state machine reads them, so nothing before the start is looked at.
    /// </summary>
    internal static int NextBoundary(ReadOnlySpan<char> text, int start)
    {
        var state = InSentence;
        var aterm = false;            // the terminator is ATerm (".") rather than STerm
        var letter = false;           // the last character (Extend and Format aside) is Upper or Lower
        var letterBeforeTerm = false; // ... and was so before the terminator (SB7)
        var lookaheadFailed = -1;     // SB8 found no Lower before this position: no need to look again
        var i = start;
        while (i < text.Length)
        {
            var at = i;
            var value = Read(text, ref i);
            if (state == InSentence)
            {
                switch (value)
                {
                    case SentenceBreakProperty.CR:
                        return i < text.Length && text[i] == '\n' ? i + 1 : i;   // SB3, SB4
                    case SentenceBreakProperty.LF or SentenceBreakProperty.Sep:
                        return i;                                                  // SB4
                    case SentenceBreakProperty.ATerm or SentenceBreakProperty.STerm:
                        state = AfterTerm;
                        aterm = value == SentenceBreakProperty.ATerm;
                        letterBeforeTerm = letter;
                        break;
                    default:
                        letter = value is SentenceBreakProperty.Upper or SentenceBreakProperty.Lower;   // SB998
                        break;
                }
            }
            else if (aterm && state == AfterTerm && value == SentenceBreakProperty.Numeric)
            {
                state = InSentence;   // SB6: 3.5
                letter = false;
            }
            else if (aterm && state == AfterTerm && letterBeforeTerm && value == SentenceBreakProperty.Upper)
            {
                state = InSentence;   // SB7: U.S.A
                letter = true;
            }
            else if (aterm && at > lookaheadFailed && LowerAhead(text, at, out lookaheadFailed))
            {
                i = lookaheadFailed;  // SB8: "etc. (and) more": no break up to and after the Lower
                lookaheadFailed = -1;
                state = InSentence;
                letter = true;
            }
            else
            {
                switch (value)
                {
                    case SentenceBreakProperty.SContinue:   // SB8a
                        state = InSentence;
                        letter = false;
                        break;
                    case SentenceBreakProperty.ATerm or SentenceBreakProperty.STerm:   // SB8a
                        state = AfterTerm;
                        aterm = value == SentenceBreakProperty.ATerm;
                        letterBeforeTerm = false;
                        break;
                    case SentenceBreakProperty.Close when state != AfterSp:   // SB9
                        state = AfterClose;
                        break;
                    case SentenceBreakProperty.Sp:   // SB9, SB10
                        state = AfterSp;
                        break;
                    case SentenceBreakProperty.CR:   // SB9, SB10, then SB3, SB4
                        return i < text.Length && text[i] == '\n' ? i + 1 : i;
                    case SentenceBreakProperty.LF or SentenceBreakProperty.Sep:
                        return i;
                    default:
                        return at;   // SB11
                }
            }

            i = SkipExtend(text, i);   // SB5
        }

        return text.Length;   // SB2
    }

    // SB8: ATerm Close* Sp* × (¬(OLetter | Upper | Lower | ParaSep | SATerm))* Lower. True with the
    // position after that Lower; false with the position where the search stopped (a search from any
    // position before it stops there too).
    private static bool LowerAhead(ReadOnlySpan<char> text, int at, out int end)
    {
        var i = at;
        while (i < text.Length)
        {
            var from = i;
            switch (Read(text, ref i))
            {
                case SentenceBreakProperty.Lower:
                    end = i;
                    return true;
                case SentenceBreakProperty.OLetter or SentenceBreakProperty.Upper or SentenceBreakProperty.Sep or SentenceBreakProperty.CR
                    or SentenceBreakProperty.LF or SentenceBreakProperty.ATerm or SentenceBreakProperty.STerm:
                    end = from;
                    return false;
            }

            i = SkipExtend(text, i);
        }

        end = text.Length;
        return false;
    }

    // SB5: Extend and Format belong to the character before them.
    private static int SkipExtend(ReadOnlySpan<char> text, int i)
    {
        while (i < text.Length)
        {
            var j = i;
            if (Read(text, ref j) is not (SentenceBreakProperty.Extend or SentenceBreakProperty.Format))
            {
                break;
            }

            i = j;
        }

        return i;
    }

    private static byte Read(ReadOnlySpan<char> text, ref int i)
    {
        var c = text[i++];
        if (char.IsHighSurrogate(c) && i < text.Length && char.IsLowSurrogate(text[i]))
        {
            return SentenceBreakProperty.Of(char.ConvertToUtf32(c, text[i++]));
        }

        return SentenceBreakProperty.Of(c);
    }
}
