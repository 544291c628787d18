using Lucene.Net.Analysis.Cn.Smart;

namespace Site.Search;

/// <summary>
/// SmartCn's hierarchical HMM segmentation of one sentence (HHMMSegmenter, BiSegGraph and
/// WordSegmenter of Lucene.Net.Analysis.SmartCn): every dictionary word the core dictionary finds at
/// each Han character, plus one token per run of Latin letters, of digits and per other character,
/// form a lattice; each step from a token to one that can follow it weighs
/// −log(a·P(w₁) + (1 − a)·P(w₂|w₁)) from the word and word-pair frequencies (a = 0.1); the lightest
/// path is the segmentation. The same arithmetic in the same order as the library, so the same
/// doubles and ties broken the same way (the earliest predecessor wins), over arrays kept from one
/// sentence to the next instead of a graph of objects per sentence.
/// </summary>
internal sealed class HhmmSegmenter
{
    private const double Smooth = 0.1;
    private static readonly double Tiny = 1.0 / Utility.MAX_FREQUENCE;

    private readonly HhmmDictionaries _dictionaries = HhmmDictionaries.Instance;

    // The lattice, one entry per token in the library's index order (by start, then as found).
    private int[] _start = new int[256];
    private int[] _end = new int[256];
    private WordType[] _type = new WordType[256];
    private int[] _frequency = new int[256];
    private int[] _charsAt = new int[256];     // the token's characters in _chars
    private int[] _charsLength = new int[256];
    private double[] _best = new double[256];
    private int[] _previous = new int[256];
    private int _count;

    private char[] _chars = new char[1024];
    private int _charCount;
    private int[] _firstAt = new int[256];     // first token starting at or after a position
    private int[] _path = new int[256];        // the segmentation: token indices, start and end excluded
    private int _pathLength;

    // The placeholder words at the start of _chars: 始##始 末##末 未##串 未##数.
    private static readonly int StartChars = 0;
    private static readonly int EndChars = StartChars + Utility.START_CHAR_ARRAY.Length;
    private static readonly int StringChars = EndChars + Utility.END_CHAR_ARRAY.Length;
    private static readonly int NumberChars = StringChars + Utility.STRING_CHAR_ARRAY.Length;
    private static readonly int PlaceholderChars = NumberChars + Utility.NUMBER_CHAR_ARRAY.Length;

    public HhmmSegmenter()
    {
        Utility.START_CHAR_ARRAY.CopyTo(_chars, StartChars);
        Utility.END_CHAR_ARRAY.CopyTo(_chars, EndChars);
        Utility.STRING_CHAR_ARRAY.CopyTo(_chars, StringChars);
        Utility.NUMBER_CHAR_ARRAY.CopyTo(_chars, NumberChars);
    }

    /// <summary>Words found by the last <see cref="Segment"/>.</summary>
    public int Count => _pathLength;

    /// <summary>Start of word <paramref name="i"/> in the sentence, in UTF-16 units.</summary>
    public int Start(int i) => _start[_path[i]];

    /// <summary>End (exclusive) of word <paramref name="i"/> in the sentence.</summary>
    public int End(int i) => _end[_path[i]];

    public WordType Type(int i) => _type[_path[i]];

    /// <summary>The characters of a Chinese word or the punctuation mark of word <paramref name="i"/> (spaces inside a word left out).</summary>
    public ReadOnlySpan<char> Chars(int i) => _chars.AsSpan(_charsAt[_path[i]], _charsLength[_path[i]]);

    /// <summary>SmartCn's Utility.GetCharType.</summary>
    public static CharType TypeOf(char ch)
    {
        if (ch is >= '\u4E00' and <= '\u9FA5')
        {
            return CharType.HANZI;
        }

        if (ch is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z'))
        {
            return CharType.LETTER;
        }

        if (ch is >= '0' and <= '9')
        {
            return CharType.DIGIT;
        }

        if (ch is ' ' or '\t' or '\r' or '\n' or '\u3000')
        {
            return CharType.SPACE_LIKE;
        }

        if (ch is (>= '\u0021' and <= '\u00BB') or (>= '\u2010' and <= '\u2642') or (>= '\u3001' and <= '\u301E'))
        {
            return CharType.DELIMITER;
        }

        if (ch is (>= '\uFF21' and <= '\uFF3A') or (>= '\uFF41' and <= '\uFF5A'))
        {
            return CharType.FULLWIDTH_LETTER;
        }

        if (ch is >= '\uFF10' and <= '\uFF19')
        {
            return CharType.FULLWIDTH_DIGIT;
        }

        return ch is >= '\uFE30' and <= '\uFF63' ? CharType.DELIMITER : CharType.OTHER;
    }

    /// <summary>Segments one sentence (what SmartCn's sentence splitter gave).</summary>
    public void Segment(ReadOnlySpan<char> sentence)
    {
        _count = 0;
        _charCount = PlaceholderChars;
        _pathLength = 0;
        BuildLattice(sentence);
        FindPath(sentence.Length);
    }

    private void BuildLattice(ReadOnlySpan<char> sentence)
    {
        var length = sentence.Length;
        Add(-1, 0, WordType.SENTENCE_BEGIN, _dictionaries.StartFrequency, StartChars, EndChars - StartChars);
        var i = 0;
        while (i < length)
        {
            var type = TypeOf(sentence[i]);
            int j;
            switch (type)
            {
                case CharType.SPACE_LIKE:
                    i++;
                    break;
                case CharType.HANZI:
                    {
                        // The character alone, then every longer dictionary word it starts (a word may
                        // run over spaces, which it does not contain), while some word has the prefix.
                        var c = sentence[i];
                        var at = Push(c);
                        var wordLength = 1;
                        Add(i, i + 1, WordType.CHINESE_WORD, _dictionaries.SingleFrequency(c), at, 1);
                        var found = _dictionaries.SinglePrefix(c);
                        j = i + 1;
                        while (found != -1)
                        {
                            var word = _chars.AsSpan(at, wordLength);
                            if (wordLength > 1 && _dictionaries.IsWord(word, found))
                            {
                                Add(i, j, WordType.CHINESE_WORD, _dictionaries.FrequencyAt(word, found), at, wordLength);
                            }

                            while (j < length && TypeOf(sentence[j]) == CharType.SPACE_LIKE)
                            {
                                j++;
                            }

                            if (j >= length || TypeOf(sentence[j]) != CharType.HANZI)
                            {
                                break;
                            }

                            Push(sentence[j]);
                            wordLength++;
                            found = _dictionaries.PrefixMatch(_chars.AsSpan(at, wordLength), found);
                            j++;
                        }

                        i++;
                        break;
                    }

                case CharType.LETTER or CharType.FULLWIDTH_LETTER:
                    i = AddRun(sentence, i, CharType.LETTER, CharType.FULLWIDTH_LETTER, WordType.STRING, WordType.FULLWIDTH_STRING, _dictionaries.StringFrequency, StringChars, NumberChars - StringChars);
                    break;

                case CharType.DIGIT or CharType.FULLWIDTH_DIGIT:
                    i = AddRun(sentence, i, CharType.DIGIT, CharType.FULLWIDTH_DIGIT, WordType.NUMBER, WordType.FULLWIDTH_NUMBER, _dictionaries.NumberFrequency, NumberChars, PlaceholderChars - NumberChars);
                    break;

                case CharType.DELIMITER:
                    Add(i, i + 1, WordType.DELIMITER, Utility.MAX_FREQUENCE, Push(sentence[i]), 1);
                    i++;
                    break;
                default:
                    Add(i, i + 1, WordType.STRING, _dictionaries.StringFrequency, StringChars, NumberChars - StringChars);
                    i++;
                    break;
            }
        }

        Add(length, length + 1, WordType.SENTENCE_END, _dictionaries.EndFrequency, EndChars, StringChars - EndChars);
    }

    private int Push(char c)
    {
        if (_charCount == _chars.Length)
        {
            Array.Resize(ref _chars, _chars.Length * 2);
        }

        _chars[_charCount] = c;
        return _charCount++;
    }

    /// <summary>
    /// A run of letters (or digits) from <paramref name="start"/> as one word, full-width if any of its
    /// characters is, as SmartCn's segmenter takes it; returns where the run ends.
    /// </summary>
    private int AddRun(ReadOnlySpan<char> sentence, int start, CharType half, CharType full, WordType halfWord, WordType fullWord, int frequency, int charsAt, int charsLength)
    {
        var fullWidth = TypeOf(sentence[start]) == full;
        var end = start + 1;
        while (end < sentence.Length && TypeOf(sentence[end]) is var type && (type == half || type == full))
        {
            fullWidth |= type == full;
            end++;
        }

        Add(start, end, fullWidth ? fullWord : halfWord, frequency, charsAt, charsLength);
        return end;
    }

    private void Add(int start, int end, WordType type, int frequency, int charsAt, int charsLength)
    {
        if (_count == _start.Length)
        {
            var size = _count * 2;
            Array.Resize(ref _start, size);
            Array.Resize(ref _end, size);
            Array.Resize(ref _type, size);
            Array.Resize(ref _frequency, size);
            Array.Resize(ref _charsAt, size);
            Array.Resize(ref _charsLength, size);
            Array.Resize(ref _best, size);
            Array.Resize(ref _previous, size);
        }

        _start[_count] = start;
        _end[_count] = end;
        _type[_count] = type;
        _frequency[_count] = frequency;
        _charsAt[_count] = charsAt;
        _charsLength[_count] = charsLength;
        _count++;
    }

    // Word pairs this segmenter looked up that the bigram table may hold, with the library's answer:
    // the same pairs come back sentence after sentence, and the table's probes are long.
    private const int RememberedPairs = 1 << 16;
    private readonly Dictionary<(long, int), int> _pairs = [];

    private int PairFrequency(in HhmmDictionaries.PairKey key)
    {
        if (!_dictionaries.MayHold(key.Hash1))
        {
            return 0;
        }

        if (!_pairs.TryGetValue((key.Hash1, key.Hash2), out var frequency))
        {
            frequency = _dictionaries.PairFrequency(key);
            if (_pairs.Count == RememberedPairs)
            {
                _pairs.Clear();
            }

            _pairs[(key.Hash1, key.Hash2)] = frequency;
        }

        return frequency;
    }

    private void FindPath(int length)
    {
        // A token is followed by the tokens at the first position at or after its end where any starts.
        if (_firstAt.Length < length + 1)
        {
            _firstAt = new int[Math.Max(length + 1, _firstAt.Length * 2)];
        }

        var token = _count - 1;
        for (var position = length; position >= 0; position--)
        {
            while (token > 0 && _start[token - 1] >= position)
            {
                token--;
            }

            _firstAt[position] = token;
        }

        var last = _count - 1;
        _best[0] = 0;
        for (var k = 1; k < _count; k++)
        {
            _best[k] = double.MaxValue;
        }

        for (var from = 0; from < last; from++)
        {
            var key = HhmmDictionaries.PairKey.Empty;
            key.Add(_chars.AsSpan(_charsAt[from], _charsLength[from]));
            key.Add(HhmmDictionaries.PairSeparator);
            double frequency = _frequency[from];
            var next = _firstAt[_end[from]];
            var nextStart = _start[next];
            for (var to = next; to < _count && _start[to] == nextStart; to++)
            {
                var pair = key;
                pair.Add(_chars.AsSpan(_charsAt[to], _charsLength[to]));
                double pairFrequency = PairFrequency(pair);
                var weight = -Math.Log(Smooth * (1.0 + frequency) / (Utility.MAX_FREQUENCE + 0.0)
                    + (1.0 - Smooth) * ((1.0 - Tiny) * pairFrequency / (1.0 + frequency) + Tiny));
                var candidate = _best[from] + weight;
                if (candidate < _best[to])
                {
                    _best[to] = candidate;
                    _previous[to] = from;
                }
            }
        }

        // Back from the end; the start and end placeholders are not words.
        var steps = 0;
        for (var k = _previous[last]; k != 0; k = _previous[k])
        {
            steps++;
        }

        if (_path.Length < steps)
        {
            _path = new int[Math.Max(steps, _path.Length * 2)];
        }

        _pathLength = steps;
        for (var k = _previous[last]; k != 0; k = _previous[k])
        {
            _path[--steps] = k;
        }
    }
}
