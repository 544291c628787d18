namespace Site.Generator.Rendering;

/// <summary>
/// A QR encoder for what the site prints: page URLs (printable ASCII) with error correction M in
/// versions 1–6 (up to 106 characters in byte mode). It places exactly the modules QRCoder places for the same text
/// (`QrEncoderTests` compares them on thousands of texts), at a fraction of the cost: QRCoder scores
/// the eight mask patterns over lists of BitArrays, which in a province-sized roster was a large part
/// of the render step (BENCHMARKS.md, `qr`); <see cref="Replacements.LibraryPaths"/> turns this off. Anything else (longer text, text beyond ASCII)
/// is left to QRCoder.
/// </summary>
internal static class QrEncoder
{
    public const int MaxLength = 106;

    /// <summary>Error correction M for versions 1–6: each has blocks of one size.</summary>
    private static readonly (int EcPerBlock, int Blocks, int DataPerBlock)[] Blocks =
        [default, (10, 1, 16), (16, 1, 28), (26, 1, 44), (18, 2, 32), (24, 2, 43), (16, 4, 27)];

    private const string Alphanumeric = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";
    private const int QuietZone = 4;

    // Field initialisers, not a static constructor: the JIT then checks for initialisation once
    // instead of at every table lookup in the hot loops.
    private static readonly byte[] Exp = ExpTable();
    private static readonly byte[] Log = LogTable(Exp);
    private static readonly byte[][] Generators = Enumerable.Range(0, 32).Select(n => n > 0 ? Generator(n) : []).ToArray();

    /// <summary>Powers of α in GF(256) with the QR polynomial x⁸ + x⁴ + x³ + x² + 1, twice over so sums of logs need no modulo.</summary>
    private static byte[] ExpTable()
    {
        var exp = new byte[512];
        var value = 1;
        for (var i = 0; i < 255; i++)
        {
            exp[i] = exp[i + 255] = (byte)value;
            value <<= 1;
            if (value >= 256)
            {
                value ^= 0x11D;
            }
        }

        return exp;
    }

    private static byte[] LogTable(byte[] exp)
    {
        var log = new byte[256];
        for (var i = 0; i < 255; i++)
        {
            log[exp[i]] = (byte)i;
        }

        return log;
    }

    /// <returns>False when the text is not one this encoder takes; the caller asks QRCoder.</returns>
    public static bool TryEncode(string text, out QrMatrix matrix)
    {
        matrix = null!;
        if (text.Length is 0 or > MaxLength)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (c is < ' ' or > '~')
            {
                return false;
            }
        }

        var segments = Segments(text);
        var bits = segments.Sum(s => s.Bits);
        var version = 1;
        while ((Blocks[version].Blocks * Blocks[version].DataPerBlock * 8) < bits)
        {
            if (++version == Blocks.Length)
            {
                return false;
            }
        }

        var codewords = Interleave(version, DataCodewords(version, text, segments));
        var size = 17 + (4 * version);
        var modules = new byte[size * size];
        var function = new bool[size * size];
        DrawFunctionPatterns(version, size, modules, function);
        PlaceData(size, codewords, modules, function);

        // Rows as bits (column c is bit c; at most 41 columns): masking is an XOR per row and the
        // penalty rules are shifts and population counts.
        // The columns are kept the same way (row r is bit r), so that the column rules need no
        // transpose for each of the eight masks.
        var rows = new ulong[size];
        var free = new ulong[size];
        var columns = new ulong[size];
        var freeColumns = new ulong[size];
        for (var row = 0; row < size; row++)
        {
            for (var column = 0; column < size; column++)
            {
                var dark = (ulong)modules[(row * size) + column];
                var isFree = function[(row * size) + column] ? 0UL : 1UL;
                rows[row] |= dark << column;
                free[row] |= isFree << column;
                columns[column] |= dark << row;
                freeColumns[column] |= isFree << row;
            }
        }

        // The mask with the lowest penalty wins; on a tie the first, as in QRCoder.
        var candidate = new ulong[size];
        var candidateColumns = new ulong[size];
        var best = -1;
        var bestScore = int.MaxValue;
        for (var mask = 0; mask < 8; mask++)
        {
            Mask(MaskRows[version][mask], rows, free, candidate);
            Mask(MaskColumns[version][mask], columns, freeColumns, candidateColumns);
            DrawFormat(size, mask, candidate, candidateColumns);
            var score = Penalty(size, candidate, candidateColumns);
            if (score < bestScore)
            {
                best = mask;
                bestScore = score;
            }
        }

        Mask(MaskRows[version][best], rows, free, candidate);
        DrawFormat(size, best, candidate, null);
        matrix = Pack(size, candidate);
        return true;
    }

    private enum Mode
    {
        Numeric = 0b0001,
        Alphanumeric = 0b0010,
        Byte = 0b0100,
    }

    /// <summary>A run of the text in one mode, and its length in bits with mode and count (versions 1–9).</summary>
    private readonly record struct Segment(Mode Mode, int Start, int Length)
    {
        public int Bits => 4 + Mode switch
        {
            Mode.Numeric => 10 + (Length / 3 * 10) + (Length % 3 == 0 ? 0 : Length % 3 == 1 ? 4 : 7),
            Mode.Alphanumeric => 9 + (Length / 2 * 11) + (Length % 2 * 6),
            _ => 8 + (Length * 8),
        };
    }

    /// <summary>
    /// Splits the text into numeric, alphanumeric and byte runs by the rules of ISO/IEC 18004 Annex J.2
    /// with the thresholds for versions 1–9, as QRCoder does for Latin-1 text.
    /// </summary>
    private static List<Segment> Segments(string text)
    {
        static bool IsDigit(char c) => c is >= '0' and <= '9';
        static bool IsAlphanumeric(char c) => Alphanumeric.Contains(c);
        int Run(int start, Func<char, bool> predicate)
        {
            var end = start;
            while (end < text.Length && predicate(text[end]))
            {
                end++;
            }

            return end - start;
        }

        Mode Initial(int start)
        {
            var c = text[start];
            if (!IsAlphanumeric(c))
            {
                return Mode.Byte;
            }

            if (IsDigit(c))
            {
                var digits = Run(start, IsDigit);
                var next = start + digits;
                if (digits < 4 && next < text.Length && !(IsAlphanumeric(text[next]) && !IsDigit(text[next])))
                {
                    return Mode.Byte;
                }

                return digits < 7 && next < text.Length && IsAlphanumeric(text[next]) && !IsDigit(text[next]) ? Mode.Alphanumeric : Mode.Numeric;
            }

            var run = Run(start, IsAlphanumeric);
            return run < 6 && start + run < text.Length && !IsAlphanumeric(text[start + run]) ? Mode.Byte : Mode.Alphanumeric;
        }

        // Where the current mode gives way to another (null: it goes on).
        Mode? SwitchAt(Mode mode, int position) => mode switch
        {
            Mode.Byte when Run(position, IsDigit) >= 6 => Mode.Numeric,
            Mode.Byte when Run(position, IsAlphanumeric) >= 11 => Mode.Alphanumeric,
            Mode.Alphanumeric when !IsAlphanumeric(text[position]) => Mode.Byte,
            Mode.Alphanumeric when Run(position, IsDigit) >= 13 => Mode.Numeric,
            Mode.Numeric when !IsDigit(text[position]) => Initial(position),
            _ => null,
        };

        var segments = new List<Segment>();
        var mode = Initial(0);
        var position = 0;
        while (position < text.Length)
        {
            var start = position;
            Mode? next = null;
            while (position < text.Length && (next = SwitchAt(mode, position)) is null)
            {
                position++;
            }

            segments.Add(new Segment(mode, start, position - start));
            mode = next ?? mode;
        }

        return segments;
    }

    /// <summary>Each segment's mode, count and data; then a terminator and 11101100 00010001 to fill.</summary>
    private static byte[] DataCodewords(int version, string text, List<Segment> segments)
    {
        var data = new byte[Blocks[version].Blocks * Blocks[version].DataPerBlock];
        var bit = 0;
        void Put(int value, int length)
        {
            for (var i = length - 1; i >= 0; i--, bit++)
            {
                if (((value >> i) & 1) != 0)
                {
                    data[bit >> 3] |= (byte)(0x80 >> (bit & 7));
                }
            }
        }

        foreach (var (mode, start, length) in segments)
        {
            Put((int)mode, 4);
            var part = text.AsSpan(start, length);
            switch (mode)
            {
                case Mode.Numeric:
                    Put(length, 10);
                    for (var i = 0; i < length; i += 3)
                    {
                        var group = part.Slice(i, Math.Min(3, length - i));
                        Put(int.Parse(group, provider: System.Globalization.CultureInfo.InvariantCulture), group.Length * 3 + 1);
                    }

                    break;
                case Mode.Alphanumeric:
                    Put(length, 9);
                    for (var i = 0; i + 1 < length; i += 2)
                    {
                        Put((Alphanumeric.IndexOf(part[i]) * 45) + Alphanumeric.IndexOf(part[i + 1]), 11);
                    }

                    if (length % 2 == 1)
                    {
                        Put(Alphanumeric.IndexOf(part[^1]), 6);
                    }

                    break;
                default:
                    Put(length, 8);
                    foreach (var c in part)
                    {
                        Put(c, 8);
                    }

                    break;
            }
        }

        bit = Math.Min(bit + 4, data.Length * 8);
        for (var i = (bit + 7) >> 3; i < data.Length; i++)
        {
            data[i] = (i - ((bit + 7) >> 3)) % 2 == 0 ? (byte)0xEC : (byte)0x11;
        }

        return data;
    }

    /// <summary>Splits the data into blocks, adds each block's Reed–Solomon words, and interleaves both.</summary>
    private static byte[] Interleave(int version, byte[] data)
    {
        var (ecLength, blocks, dataLength) = Blocks[version];
        var generator = Generators[ecLength];
        var result = new byte[blocks * (dataLength + ecLength)];
        Span<byte> ec = stackalloc byte[ecLength];
        for (var block = 0; block < blocks; block++)
        {
            var part = data.AsSpan(block * dataLength, dataLength);
            Remainder(part, generator, ec);
            for (var i = 0; i < dataLength; i++)
            {
                result[(i * blocks) + block] = part[i];
            }

            for (var i = 0; i < ecLength; i++)
            {
                result[(blocks * dataLength) + (i * blocks) + block] = ec[i];
            }
        }

        return result;
    }

    /// <summary>The generator polynomial (x − α⁰)(x − α¹)…(x − α^(n−1)), highest term first and implied.</summary>
    private static byte[] Generator(int degree)
    {
        var coefficients = new byte[degree];
        coefficients[degree - 1] = 1;
        var root = 1;
        for (var i = 0; i < degree; i++)
        {
            for (var j = 0; j < degree; j++)
            {
                coefficients[j] = Multiply(coefficients[j], (byte)root);
                if (j + 1 < degree)
                {
                    coefficients[j] ^= coefficients[j + 1];
                }
            }

            root = Multiply((byte)root, 2);
        }

        return coefficients;
    }

    private static void Remainder(ReadOnlySpan<byte> data, byte[] generator, Span<byte> result)
    {
        result.Clear();
        var last = result.Length - 1;
        foreach (var b in data)
        {
            var factor = (byte)(b ^ result[0]);
            for (var i = 0; i < last; i++)
            {
                result[i] = (byte)(result[i + 1] ^ Multiply(generator[i], factor));
            }

            result[last] = Multiply(generator[last], factor);
        }
    }

    private static byte Multiply(byte a, byte b) => a == 0 || b == 0 ? (byte)0 : Exp[Log[a] + Log[b]];

    private static void DrawFunctionPatterns(int version, int size, byte[] modules, bool[] function)
    {
        void Set(int row, int column, bool dark)
        {
            modules[(row * size) + column] = dark ? (byte)1 : (byte)0;
            function[(row * size) + column] = true;
        }

        // Timing patterns first: finders and alignment patterns overwrite their ends.
        for (var i = 0; i < size; i++)
        {
            Set(6, i, i % 2 == 0);
            Set(i, 6, i % 2 == 0);
        }

        // Finder patterns with their light separators.
        foreach (var (top, left) in new[] { (0, 0), (0, size - 7), (size - 7, 0) })
        {
            for (var dy = -1; dy <= 7; dy++)
            {
                for (var dx = -1; dx <= 7; dx++)
                {
                    var (row, column) = (top + dy, left + dx);
                    if (row < 0 || row >= size || column < 0 || column >= size)
                    {
                        continue;
                    }

                    var ring = Math.Max(Math.Abs(dy - 3), Math.Abs(dx - 3));
                    Set(row, column, ring is not 2 and not 4);
                }
            }
        }

        // Versions 2–6 have a single alignment pattern, in the bottom-right corner.
        if (version >= 2)
        {
            var centre = size - 7;
            for (var dy = -2; dy <= 2; dy++)
            {
                for (var dx = -2; dx <= 2; dx++)
                {
                    Set(centre + dy, centre + dx, Math.Max(Math.Abs(dy), Math.Abs(dx)) != 1);
                }
            }
        }

        // Format areas are reserved (drawn per mask), and the dark module.
        for (var i = 0; i < 9; i++)
        {
            function[(8 * size) + i] = true;
            function[(i * size) + 8] = true;
        }

        for (var i = 0; i < 8; i++)
        {
            function[(8 * size) + size - 1 - i] = true;
            function[((size - 1 - i) * size) + 8] = true;
        }

        Set(size - 8, 8, true);
    }

    /// <summary>Two columns at a time from the bottom right, up then down, skipping the vertical timing column.</summary>
    private static void PlaceData(int size, byte[] codewords, byte[] modules, bool[] function)
    {
        var bit = 0;
        var total = codewords.Length * 8;
        var upward = true;
        for (var right = size - 1; right >= 1; right -= 2)
        {
            if (right == 6)
            {
                right = 5;
            }

            for (var step = 0; step < size; step++)
            {
                var row = upward ? size - 1 - step : step;
                for (var column = right; column >= right - 1; column--)
                {
                    var index = (row * size) + column;
                    if (function[index])
                    {
                        continue;
                    }

                    // Remainder bits past the last codeword stay light.
                    modules[index] = bit < total ? (byte)((codewords[bit >> 3] >> (7 - (bit & 7))) & 1) : (byte)0;
                    bit++;
                }
            }

            upward = !upward;
        }
    }

    /// <summary>Where each mask pattern flips a module, per version, mask and row (computed once).</summary>
    private static readonly ulong[][][] MaskRows = Enumerable.Range(0, Blocks.Length).Select(version =>
        Enumerable.Range(0, 8).Select(mask => Enumerable.Range(0, 17 + (4 * version)).Select(row =>
        {
            var bits = 0UL;
            for (var column = 0; column < 17 + (4 * version); column++)
            {
                var flip = mask switch
                {
                    0 => (row + column) % 2 == 0,
                    1 => row % 2 == 0,
                    2 => column % 3 == 0,
                    3 => (row + column) % 3 == 0,
                    4 => ((row / 2) + (column / 3)) % 2 == 0,
                    5 => ((row * column) % 2) + ((row * column) % 3) == 0,
                    6 => (((row * column) % 2) + ((row * column) % 3)) % 2 == 0,
                    _ => (((row + column) % 2) + ((row * column) % 3)) % 2 == 0,
                };
                bits |= flip ? 1UL << column : 0;
            }

            return bits;
        }).ToArray()).ToArray()).ToArray();

    /// <summary>The same patterns by column (row r is bit r).</summary>
    private static readonly ulong[][][] MaskColumns = MaskRows.Select(masks => masks.Select(pattern =>
        Enumerable.Range(0, pattern.Length).Select(column =>
        {
            var bits = 0UL;
            for (var row = 0; row < pattern.Length; row++)
            {
                bits |= ((pattern[row] >> column) & 1) << row;
            }

            return bits;
        }).ToArray()).ToArray()).ToArray();

    /// <summary>Flips the modules the mask pattern selects, outside the function patterns (by row or by column).</summary>
    private static void Mask(ulong[] pattern, ulong[] lines, ulong[] free, ulong[] result)
    {
        for (var i = 0; i < lines.Length; i++)
        {
            result[i] = lines[i] ^ (pattern[i] & free[i]);
        }
    }

    /// <summary>Level M (00) and the mask, with their BCH code, drawn twice beside the finders.</summary>
    private static void DrawFormat(int size, int mask, ulong[] rows, ulong[]? columns)
    {
        var data = mask; // level M is 00
        var remainder = data;
        for (var i = 0; i < 10; i++)
        {
            remainder = (remainder << 1) ^ ((remainder >> 9) * 0x537);
        }

        var bits = ((data << 10) | remainder) ^ 0x5412;
        ulong Bit(int i) => (ulong)((bits >> i) & 1);
        void Set(int row, int column, ulong value)
        {
            rows[row] = (rows[row] & ~(1UL << column)) | (value << column);
            if (columns is not null)
            {
                columns[column] = (columns[column] & ~(1UL << row)) | (value << row);
            }
        }

        for (var i = 0; i <= 5; i++)
        {
            Set(i, 8, Bit(i));
        }

        Set(7, 8, Bit(6));
        Set(8, 8, Bit(7));
        Set(8, 7, Bit(8));
        for (var i = 9; i < 15; i++)
        {
            Set(8, 14 - i, Bit(i));
        }

        for (var i = 0; i < 8; i++)
        {
            Set(8, size - 1 - i, Bit(i));
        }

        for (var i = 8; i < 15; i++)
        {
            Set(size - 15 + i, 8, Bit(i));
        }
    }

    /// <summary>The four penalty rules, counted the way QRCoder counts them (so the same mask wins).</summary>
    private static int Penalty(int size, ulong[] rows, ulong[] columns)
    {
        var score = 0;
        var dark = 0;
        var inside = (1UL << (size - 1)) - 1;
        for (var i = 0; i < size; i++)
        {
            // Runs of five or more modules of one colour: 3, and 1 for each module beyond five.
            score += Runs(rows[i], size) + Runs(columns[i], size);

            // Finder-like 1011101 with four light modules after or before it (the two patterns are
            // mirror images, so bit order does not matter).
            score += FinderLike(rows[i], size) + FinderLike(columns[i], size);

            // 2×2 blocks of one colour.
            if (i + 1 < size)
            {
                ulong a = rows[i], b = rows[i + 1];
                score += 3 * System.Numerics.BitOperations.PopCount(~(a ^ (a >> 1)) & ~(a ^ b) & ~(b ^ (b >> 1)) & inside);
            }

            dark += System.Numerics.BitOperations.PopCount(rows[i]);
        }

        // Balance of dark and light, in steps of five percent away from half (ISO/IEC 18004 penalty rule 4).
        var fifths = dark * 20 / (size * size);
        score += Math.Min(Math.Abs(fifths - 10), Math.Abs(fifths - 9)) * 10;
        return score;
    }

    /// <summary>
    /// 40 for each start of 11 modules that read 1011101 then 0000, or 0000 then 1011101, all starts
    /// at once: bit s of <c>m[k]</c> is module s+k.
    /// </summary>
    private static int FinderLike(ulong line, int size)
    {
        Span<ulong> m = stackalloc ulong[11];
        for (var k = 0; k < 11; k++)
        {
            m[k] = line >> k;
        }

        var first = m[0] & ~m[1] & m[2] & m[3] & m[4] & ~m[5] & m[6] & ~(m[7] | m[8] | m[9] | m[10]);
        var second = ~(m[0] | m[1] | m[2] | m[3]) & m[4] & ~m[5] & m[6] & m[7] & m[8] & ~m[9] & m[10];
        var starts = (1UL << (size - 10)) - 1;
        return 40 * (System.Numerics.BitOperations.PopCount(first & starts) + System.Numerics.BitOperations.PopCount(second & starts));
    }

    /// <summary>
    /// Runs of five or more modules of one colour, each 3 plus 1 per module beyond five, counted for
    /// all positions at once: a run of length L holds L - 4 windows of five equal modules, and the
    /// penalty L - 2 is those windows plus 2 for the run's first window.
    /// </summary>
    private static int Runs(ulong line, int size)
    {
        var same = ~(line ^ (line >> 1)) & ((1UL << (size - 1)) - 1); // bit i: modules i and i+1 match
        var windows = same & (same >> 1) & (same >> 2) & (same >> 3);  // bit i: modules i..i+4 match
        var firsts = windows & ~(same << 1);                             // ... and module i-1 differs
        return System.Numerics.BitOperations.PopCount(windows) + (2 * System.Numerics.BitOperations.PopCount(firsts));
    }

    private static QrMatrix Pack(int size, ulong[] rows)
    {
        var full = size + (2 * QuietZone);
        var bits = new byte[((full * full) + 7) / 8];
        for (var row = 0; row < size; row++)
        {
            for (var column = 0; column < size; column++)
            {
                if (((rows[row] >> column) & 1) != 0)
                {
                    var bit = ((row + QuietZone) * full) + column + QuietZone;
                    bits[bit >> 3] |= (byte)(1 << (bit & 7));
                }
            }
        }

        return new QrMatrix(full, bits);
    }
}
