using System.Buffers.Binary;

namespace Site.Generator.Linking;

/// <summary>
/// 姓氏笔画 order as mainland lists use it. ICU's and .NET's zh stroke collations follow Taiwan's
/// counts (阝 as 3, 艹 as 4), so we read mainland counts from Unihan's kTotalStrokes (first value,
/// the G source) shipped as Data/strokes.bin (see Data/make-strokes.py). Characters with the same
/// count are ordered by their whole stroke sequence in the mainland order 横、竖、撇、点、折 (first
/// stroke, then second …, to the last), from cnchar-order's stroke sequences shipped as
/// Data/stroke-sequences.bin (see Data/make-stroke-sequences.mjs for how each of its stroke letters
/// is classed).
/// </summary>
public static class StrokeOrder
{
    private const int First = 0x3400;
    private const int Count = 0x9FFF - First + 1;
    private static readonly byte[] Strokes = Load("strokes.bin");
    private static readonly byte[] Sequences = Load("stroke-sequences.bin");

    public static int StrokesOf(char c) =>
        c >= First && c - First < Strokes.Length ? Strokes[c - First] : 0;

    /// <summary>
    /// Every stroke as classes 1 横 2 竖 3 撇 4 点 5 折 (e.g. 白 → "32511", 宋 → "4451234"); empty where unknown.
    /// </summary>
    public static string StrokeSequenceOf(char c)
    {
        var sequence = SequenceOf(c);
        var digits = new char[sequence.Length];
        for (var i = 0; i < sequence.Length; i++)
        {
            digits[i] = (char)('0' + sequence[i]);
        }

        return new string(digits);
    }

    /// <summary>The first five strokes of <see cref="StrokeSequenceOf"/>.</summary>
    public static string FirstStrokesOf(char c)
    {
        var sequence = StrokeSequenceOf(c);
        return sequence.Length <= 5 ? sequence : sequence[..5];
    }

    /// <summary>
    /// Compares names character by character: fewer strokes first, then by the strokes themselves in
    /// the order 横竖撇点折, then by code point (so the order is total and stable). With
    /// <paramref name="shorterFirst"/>, of two names with the same surname (first character) and
    /// different lengths the shorter comes first (王宏 before 王丁一), as some official lists print them.
    /// </summary>
    public static int Compare(string x, string y, bool shorterFirst)
    {
        if (shorterFirst && x.Length != y.Length && x.Length > 0 && y.Length > 0 && x[0] == y[0])
        {
            return x.Length.CompareTo(y.Length);
        }

        return Compare(x, y);
    }

    /// <inheritdoc cref="Compare(string, string, bool)"/>
    public static int Compare(string x, string y)
    {
        var length = Math.Min(x.Length, y.Length);
        for (var i = 0; i < length; i++)
        {
            if (x[i] == y[i])
            {
                continue;
            }

            var byCount = StrokesOf(x[i]).CompareTo(StrokesOf(y[i]));
            if (byCount != 0)
            {
                return byCount;
            }

            var byShape = SequenceOf(x[i]).SequenceCompareTo(SequenceOf(y[i]));
            return byShape != 0 ? byShape : x[i].CompareTo(y[i]);
        }

        return x.Length.CompareTo(y.Length);
    }

    private static ReadOnlySpan<byte> SequenceOf(char c)
    {
        if (c < First || c - First >= Count)
        {
            return [];
        }

        var index = (c - First) * 4;
        var start = BinaryPrimitives.ReadInt32LittleEndian(Sequences.AsSpan(index));
        var end = BinaryPrimitives.ReadInt32LittleEndian(Sequences.AsSpan(index + 4));
        return Sequences.AsSpan((Count + 1) * 4 + start, end - start);
    }

    private static byte[] Load(string name)
    {
        using var stream = typeof(StrokeOrder).Assembly.GetManifestResourceStream("Site.Generator." + name)
            ?? throw new InvalidOperationException(name + " is not embedded");
        var data = new byte[stream.Length];
        stream.ReadExactly(data);
        return data;
    }
}
