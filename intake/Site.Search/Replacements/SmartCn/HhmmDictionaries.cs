using System.Buffers.Binary;
using System.Reflection;
using System.Runtime.InteropServices;
using Lucene.Net.Analysis.Cn.Smart;

namespace Site.Search;

/// <summary>
/// SmartCn's two dictionaries, read from the library's own embedded resources (<c>coredict.mem</c>:
/// words by first character with their frequencies; <c>bigramdict.mem</c>: word-pair frequencies
/// keyed by a 64-bit FNV-1 hash), and looked up the way the library's WordDictionary and
/// BigramDictionary do (the same open-addressing probes, the same binary searches over the same
/// sorted arrays), but over spans of the text instead of a new char[] per lookup. Nothing here is
/// new data; the lookups answer exactly what the library's answer, quirks included (a bigram is
/// found by its hash alone, as in the library).
/// </summary>
internal sealed class HhmmDictionaries
{
    private const int CharIndexLength = 12071;     // WordDictionary.PRIME_INDEX_LENGTH
    private const int BigramLength = 402137;       // BigramDictionary.PRIME_BIGRAM_LENGTH
    private const char FirstHanzi = '\u4E00';      // the HANZI range of SmartCn's Utility.GetCharType
    private const char LastHanzi = '\u9FA5';

    /// <summary>The separator between the two words of a bigram key (BigramDictionary.WORD_SEGMENT_CHAR).</summary>
    public const char PairSeparator = '@';

    private static readonly Lazy<HhmmDictionaries> Loaded = new(() => new HhmmDictionaries(), LazyThreadSafetyMode.ExecutionAndPublication);

    // Core dictionary, per first character (a row): the rest of each word (empty for the character
    // alone; the library's null), sorted, and each word's frequency. The rests lie one after another in
    // _restChars, item i of row r from _restStart[_rowStart[r] + i] to the next item's start: a lookup
    // reads a few neighbouring arrays instead of an object per word compared.
    private readonly char[] _restChars;
    private readonly int[] _restStart;
    private readonly int[] _rowStart;    // per row, and one past the last row; a missing row (the library's null) has no items
    private readonly bool[] _rowPresent;
    private readonly int[][] _frequency;

    // Rows whose rests are in strictly increasing ordinal order (all of the library's data): there the
    // words with a given prefix are the items from the first one not below it, each word is there once,
    // and the lookups below take those short cuts. Any other row is searched exactly as the library does.
    private readonly bool[] _rowSorted;

    // The row of each Han character of the HANZI range in the tables above, -1 for none.
    private readonly int[] _rowOfHanzi = new int[LastHanzi - FirstHanzi + 1];

    // GetFrequency and GetPrefixMatch of each Han character alone, the work every character does.
    private readonly int[] _singleFrequency = new int[LastHanzi - FirstHanzi + 1];
    private readonly int[] _singlePrefix = new int[LastHanzi - FirstHanzi + 1];

    private readonly long[] _bigramHash;
    private readonly int[] _bigramFrequency;

    // One bit per bucket of hashes, set where some stored key's hash falls: most word pairs the
    // lattice asks for are not in the dictionary, and a clear bit answers that without the probe
    // (whose step is a hash of the key's last characters only, so probes run long).
    private const int StoredBits = 24;
    private readonly ulong[] _stored = new ulong[(1 << StoredBits) / 64];

    public static HhmmDictionaries Instance => Loaded.Value;

    /// <summary>
    /// Whether the library reads its embedded dictionaries too: a SmartCn data folder
    /// (<c>smartcn:data:dir</c>, or a <c>smartcn-data</c> folder beside or above the program) makes it
    /// read that folder's files instead, and then only the library itself segments the same way.
    /// </summary>
    public static bool SameAsLibrary => string.IsNullOrEmpty(AnalyzerProfile.ANALYSIS_DATA_DIR);

    /// <summary>Frequency of the placeholder words (始##始, 末##末, 未##串, 未##数) as the library looks them up.</summary>
    public int StartFrequency { get; }

    public int EndFrequency { get; }

    public int StringFrequency { get; }

    public int NumberFrequency { get; }

    private HhmmDictionaries()
    {
        var assembly = typeof(HMMChineseTokenizer).Assembly;
        short[] wordIndex;
        char[] charIndex;
        using (var stream = Resource(assembly, "coredict.mem"))
        {
            var reader = new ResourceReader(stream);
            // The layout WordDictionary.LoadFromObjectInputStream reads: lengths as Int32, -1 for null.
            wordIndex = new short[reader.ReadInt32()];
            for (var i = 0; i < wordIndex.Length; i++)
            {
                wordIndex[i] = reader.ReadInt16();
            }

            charIndex = new char[reader.ReadInt32()];
            for (var i = 0; i < charIndex.Length; i++)
            {
                charIndex[i] = reader.ReadChar();
            }

            var rows = Math.Max(reader.ReadInt32(), 0);
            _rowStart = new int[rows + 1];
            _rowPresent = new bool[rows];
            var starts = new List<int>(1 << 17);
            var chars = new List<char>(1 << 19);
            for (var i = 0; i < rows; i++)
            {
                _rowStart[i] = starts.Count;
                var count = reader.ReadInt32();
                _rowPresent[i] = count >= 0;
                for (var j = 0; j < count; j++)
                {
                    starts.Add(chars.Count);
                    var length = reader.ReadInt32();
                    for (var k = 0; k < length; k++)
                    {
                        chars.Add(reader.ReadChar());
                    }
                }
            }

            _rowStart[rows] = starts.Count;
            starts.Add(chars.Count);
            _restStart = [.. starts];
            _restChars = [.. chars];
            _rowSorted = new bool[rows];
            for (var i = 0; i < rows; i++)
            {
                var sorted = true;
                for (var j = _rowStart[i] + 1; sorted && j < _rowStart[i + 1]; j++)
                {
                    sorted = Item(j - 1).SequenceCompareTo(Item(j)) < 0;
                }

                _rowSorted[i] = sorted;
            }

            rows = reader.ReadInt32();
            _frequency = new int[Math.Max(rows, 0)][];
            for (var i = 0; i < rows; i++)
            {
                var count = reader.ReadInt32();
                if (count < 0)
                {
                    continue;
                }

                var row = _frequency[i] = new int[count];
                for (var j = 0; j < count; j++)
                {
                    row[j] = reader.ReadInt32();
                }
            }
        }

        using (var stream = Resource(assembly, "bigramdict.mem"))
        {
            var reader = new ResourceReader(stream);
            // BigramDictionary.LoadFromInputStream: the hash table, then the frequency table.
            _bigramHash = new long[reader.ReadInt32()];
            reader.ReadInt64s(_bigramHash);
            _bigramFrequency = new int[reader.ReadInt32()];
            reader.ReadInt32s(_bigramFrequency);
        }

        foreach (var hash in _bigramHash)
        {
            var bucket = StoredBucket(hash);
            _stored[bucket >> 6] |= 1UL << bucket;
        }

        if (_bigramHash.Length != BigramLength || _bigramFrequency.Length != BigramLength || charIndex.Length != CharIndexLength || wordIndex.Length != CharIndexLength)
        {
            throw new InvalidDataException("SmartCn's dictionaries do not have the table sizes its lookups assume");
        }

        for (var c = FirstHanzi; c <= LastHanzi; c++)
        {
            var slot = CharSlot(charIndex, c);
            var row = slot < 0 ? -1 : wordIndex[slot];
            // The library would fail on a character whose row is missing; none is in its data.
            if (row >= 0 && (row >= _rowPresent.Length || !_rowPresent[row] || row >= _frequency.Length || _frequency[row] is null))
            {
                throw new InvalidDataException($"SmartCn's core dictionary indexes U+{(int)c:X4} to an empty row");
            }

            _rowOfHanzi[c - FirstHanzi] = row;
        }

        Span<char> one = stackalloc char[1];
        for (var c = FirstHanzi; c <= LastHanzi; c++)
        {
            one[0] = c;
            _singleFrequency[c - FirstHanzi] = Frequency(one);
            _singlePrefix[c - FirstHanzi] = PrefixMatch(one, 0);
        }

        StartFrequency = Frequency(Utility.START_CHAR_ARRAY);
        EndFrequency = Frequency(Utility.END_CHAR_ARRAY);
        StringFrequency = Frequency(Utility.STRING_CHAR_ARRAY);
        NumberFrequency = Frequency(Utility.NUMBER_CHAR_ARRAY);
    }

    /// <summary>
    /// What BinaryReader reads from the library's files (little-endian integers, a char as its UTF-8
    /// bytes), over the whole resource in memory: BinaryReader decodes each of the core dictionary's
    /// chars through a decoder and a stream call of its own, and reads the bigram table a number at a
    /// time, which every build that segments paid for before its first word.
    /// </summary>
    private sealed class ResourceReader(Stream stream)
    {
        private readonly byte[] _bytes = ReadAll(stream);
        private int _at;

        public int ReadInt32() => BinaryPrimitives.ReadInt32LittleEndian(Take(4));

        public short ReadInt16() => BinaryPrimitives.ReadInt16LittleEndian(Take(2));

        /// <summary>BinaryReader.ReadChar of UTF-8: one char of one to three bytes; anything else is not the library's data.</summary>
        public char ReadChar()
        {
            var first = Take(1)[0];
            if (first < 0x80)
            {
                return (char)first;
            }

            var (length, value) = first switch
            {
                >= 0xC2 and < 0xE0 => (2, first & 0x1F),
                >= 0xE0 and < 0xF0 => (3, first & 0x0F),
                _ => (0, 0),
            };
            if (length == 0)
            {
                throw Corrupt();
            }

            foreach (var next in Take(length - 1))
            {
                if ((next & 0xC0) != 0x80)
                {
                    throw Corrupt();
                }

                value = (value << 6) | (next & 0x3F);
            }

            // Overlong forms and surrogates are not what BinaryWriter writes for a char.
            return value < (length == 2 ? 0x80 : 0x800) || char.IsSurrogate((char)value) ? throw Corrupt() : (char)value;
        }

        public void ReadInt64s(Span<long> values)
        {
            Take(values.Length * sizeof(long)).CopyTo(MemoryMarshal.AsBytes(values));
            if (!BitConverter.IsLittleEndian)
            {
                BinaryPrimitives.ReverseEndianness(values, values);
            }
        }

        public void ReadInt32s(Span<int> values)
        {
            Take(values.Length * sizeof(int)).CopyTo(MemoryMarshal.AsBytes(values));
            if (!BitConverter.IsLittleEndian)
            {
                BinaryPrimitives.ReverseEndianness(values, values);
            }
        }

        private ReadOnlySpan<byte> Take(int count)
        {
            if (count < 0 || count > _bytes.Length - _at)
            {
                throw new EndOfStreamException("SmartCn's dictionary ends early");
            }

            _at += count;
            return _bytes.AsSpan(_at - count, count);
        }

        private static InvalidDataException Corrupt() => new("SmartCn's dictionary holds a char BinaryReader would not read");

        private static byte[] ReadAll(Stream stream)
        {
            var bytes = new byte[stream.Length];
            stream.ReadExactly(bytes);
            return bytes;
        }
    }

    private static Stream Resource(Assembly assembly, string name)
    {
        var full = assembly.GetManifestResourceNames().FirstOrDefault(n => n == name || n.EndsWith("." + name, StringComparison.Ordinal))
            ?? throw new InvalidDataException($"{assembly.GetName().Name} has no embedded {name}");
        return assembly.GetManifestResourceStream(full)!;
    }

    /// <summary>WordDictionary.GetWordItemTableIndex: the slot of a character in the character index, by double hashing.</summary>
    private static int CharSlot(char[] charIndex, char c)
    {
        var hash1 = (int)(CharHash1(c) % CharIndexLength);
        var hash2 = CharHash2(c) % CharIndexLength;
        if (hash1 < 0)
        {
            hash1 += CharIndexLength;
        }

        if (hash2 < 0)
        {
            hash2 += CharIndexLength;
        }

        var index = hash1;
        var i = 1;
        while (charIndex[index] != 0 && charIndex[index] != c && i < CharIndexLength)
        {
            index = unchecked(hash1 + i * hash2) % CharIndexLength;
            i++;
        }

        return i < CharIndexLength && charIndex[index] == c ? index : -1;
    }

    // AbstractDictionary.Hash1(char) and Hash2(char): FNV-1 with a final mix, and a djb2 variant.
    private static long CharHash1(char c)
    {
        unchecked
        {
            const long prime = 1099511628211L;
            var hash = (long)0xcbf29ce484222325UL;
            hash = (hash ^ (c & 0x00FF)) * prime;
            hash = (hash ^ (c >> 8)) * prime;
            hash += hash << 13;
            hash ^= hash >> 7;
            hash += hash << 3;
            hash ^= hash >> 17;
            hash += hash << 5;
            return hash;
        }
    }

    private static int CharHash2(char c)
    {
        unchecked
        {
            var hash = 5381;
            hash = (((hash << 5) + hash) + c) & 0x00FF;
            hash = (((hash << 5) + hash) + c) >> 8;
            return hash;
        }
    }

    /// <summary>Whether SmartCn counts a UTF-16 unit as a Han character (U+4E00–U+9FA5).</summary>
    public static bool IsHanzi(char c) => c is >= FirstHanzi and <= LastHanzi;

    private int Row(char first) => IsHanzi(first) ? _rowOfHanzi[first - FirstHanzi] : -1;

    /// <summary>WordDictionary.GetFrequency of a Han character alone.</summary>
    public int SingleFrequency(char hanzi) => _singleFrequency[hanzi - FirstHanzi];

    /// <summary>WordDictionary.GetPrefixMatch of a Han character alone (the first word it starts), -1 for none.</summary>
    public int SinglePrefix(char hanzi) => _singlePrefix[hanzi - FirstHanzi];

    /// <summary>
    /// WordDictionary.GetFrequency: the frequency of a word whose first character is a Han character
    /// or one of the placeholders' (a binary search of the rest of the word in its first character's row), 0 if absent.
    /// </summary>
    public int Frequency(ReadOnlySpan<char> word)
    {
        var row = Row(word[0]);
        if (row < 0)
        {
            return 0;
        }

        var rest = word[1..];
        var first = _rowStart[row];
        int start = 0, end = _rowStart[row + 1] - first - 1, mid = (start + end) / 2;
        while (start <= end)
        {
            var compared = Item(first + mid).SequenceCompareTo(rest);
            if (compared == 0)
            {
                return _frequency[row][mid];
            }

            if (compared < 0)
            {
                start = mid + 1;
            }
            else
            {
                end = mid - 1;
            }

            mid = (start + end) / 2;
        }

        return 0;
    }

    /// <summary>
    /// <see cref="Frequency"/> of a word <see cref="IsWord"/> found at <paramref name="index"/>: in a
    /// sorted row the word is there and nowhere else, so no second search.
    /// </summary>
    public int FrequencyAt(ReadOnlySpan<char> word, int index)
    {
        var row = Row(word[0]);
        return _rowSorted[row] ? _frequency[row][index] : Frequency(word);
    }

    /// <summary>
    /// WordDictionary.GetPrefixMatch(word, knownStart): the first item at or after a binary search
    /// from <paramref name="knownStart"/> whose word starts with <paramref name="word"/>, -1 for none.
    /// </summary>
    public int PrefixMatch(ReadOnlySpan<char> word, int knownStart)
    {
        var row = Row(word[0]);
        if (row < 0)
        {
            return -1;
        }

        var rest = word[1..];
        var first = _rowStart[row];
        var count = _rowStart[row + 1] - first;
        if (_rowSorted[row])
        {
            // The library's search finds an item with the prefix in [knownStart, count) if there is
            // one, and then steps back to the first item of the row with it. In a sorted row those
            // items are consecutive from the first one not below the prefix.
            int low = knownStart, high = count;
            while (low < high)
            {
                var middle = (low + high) >>> 1;
                if (Item(first + middle).SequenceCompareTo(rest) < 0)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle;
                }
            }

            if (low >= count || !Item(first + low).StartsWith(rest))
            {
                return -1;
            }

            if (low == knownStart)
            {
                while (low > 0 && Item(first + low - 1).StartsWith(rest))
                {
                    low--;
                }
            }

            return low;
        }

        int start = knownStart, end = count - 1, mid = (start + end) / 2;
        while (start <= end)
        {
            var compared = ComparePrefix(rest, Item(first + mid));
            if (compared == 0)
            {
                while (mid >= 0 && ComparePrefix(rest, Item(first + mid)) == 0)
                {
                    mid--;
                }

                return mid + 1;
            }

            if (compared < 0)
            {
                end = mid - 1;
            }
            else
            {
                start = mid + 1;
            }

            mid = (start + end) / 2;
        }

        return -1;
    }

    /// <summary>Every word of the core dictionary that starts with a Han character, row by row: what tests compare with the library.</summary>
    internal IEnumerable<string> Words()
    {
        for (var c = FirstHanzi; c <= LastHanzi; c++)
        {
            var row = Row(c);
            for (var i = row < 0 ? 0 : _rowStart[row]; row >= 0 && i < _rowStart[row + 1]; i++)
            {
                yield return c + Item(i).ToString();
            }
        }
    }

    /// <summary>Whether every row is in strictly increasing order (the short cuts apply everywhere).</summary>
    internal bool EveryRowSorted => Array.TrueForAll(_rowSorted, sorted => sorted);

    /// <summary>The rest of item <paramref name="index"/> of the whole dictionary (row by row).</summary>
    private ReadOnlySpan<char> Item(int index) => _restChars.AsSpan(_restStart[index], _restStart[index + 1] - _restStart[index]);

    // Utility.CompareArrayByPrefix: 0 when the item starts with the prefix, else the order of the two.
    private static int ComparePrefix(ReadOnlySpan<char> prefix, ReadOnlySpan<char> item) =>
        item.StartsWith(prefix) ? 0 : prefix.SequenceCompareTo(item) > 0 ? 1 : -1;

    /// <summary>WordDictionary.IsEqual: whether item <paramref name="index"/> of the word's first character is the word.</summary>
    public bool IsWord(ReadOnlySpan<char> word, int index)
    {
        var row = Row(word[0]);
        return index < _rowStart[row + 1] - _rowStart[row] ? Item(_rowStart[row] + index).SequenceEqual(word[1..]) : throw new IndexOutOfRangeException();
    }

    /// <summary>
    /// The running hash state of a bigram key (BigramDictionary's Hash1 and Hash2 of a char array),
    /// so the key "first@second" is hashed without being built.
    /// </summary>
    public struct PairKey
    {
        private long _hash1;
        private int _hash2;

        public static PairKey Empty => new() { _hash1 = unchecked((long)0xcbf29ce484222325UL), _hash2 = 5381 };

        public void Add(char c)
        {
            unchecked
            {
                const long prime = 1099511628211L;
                _hash1 = (_hash1 ^ (c & 0x00FF)) * prime;
                _hash1 = (_hash1 ^ (c >> 8)) * prime;
                _hash2 = (((_hash2 << 5) + _hash2) + c) & 0x00FF;
                _hash2 = (((_hash2 << 5) + _hash2) + c) >> 8;
            }
        }

        public void Add(ReadOnlySpan<char> text)
        {
            foreach (var c in text)
            {
                Add(c);
            }
        }

        public readonly long Hash1 => _hash1;

        public readonly int Hash2 => _hash2;
    }

    /// <summary>
    /// False when no slot of the bigram table holds the hash, so that the library's probe ends at an
    /// empty slot or gives up, either way with 0 (a hash of 0 matches an empty slot, and 0's bucket is
    /// always set).
    /// </summary>
    public bool MayHold(long hash)
    {
        var bucket = StoredBucket(hash);
        return (_stored[bucket >> 6] & (1UL << bucket)) != 0;
    }

    private static int StoredBucket(long hash) => (int)((ulong)hash * 0x9E3779B97F4A7C15UL >> (64 - StoredBits));

    /// <summary>BigramDictionary.GetFrequency of a key hashed into <paramref name="key"/>, 0 if absent.</summary>
    public int PairFrequency(in PairKey key)
    {
        var hashId = key.Hash1;
        if (!MayHold(hashId))
        {
            return 0;
        }

        var hash1 = (int)(hashId % BigramLength);
        var hash2 = key.Hash2 % BigramLength;
        if (hash1 < 0)
        {
            hash1 += BigramLength;
        }

        if (hash2 < 0)
        {
            hash2 += BigramLength;
        }

        var index = hash1;
        var i = 1;
        while (_bigramHash[index] != 0 && _bigramHash[index] != hashId && i < BigramLength)
        {
            index = unchecked(hash1 + i * hash2) % BigramLength;
            i++;
        }

        return i < BigramLength && _bigramHash[index] == hashId ? _bigramFrequency[index] : 0;
    }
}
