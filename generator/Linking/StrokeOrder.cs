namespace Site.Generator.Linking;

/// <summary>
/// 姓氏笔画 order as mainland lists use it. ICU's and .NET's zh stroke collations follow Taiwan's
/// counts (阝 as 3, 艹 as 4), so we read mainland counts from Unihan's kTotalStrokes (first value,
/// the G source) shipped as Data/strokes.bin (see Data/make-strokes.py). Names with the same count
/// are ordered by their strokes in the mainland order 横、竖、撇、点、折 (first stroke, then second …),
/// from cnchar-order's stroke sequences shipped as Data/first-strokes.bin (see Data/make-first-strokes.mjs).
/// </summary>
public static class StrokeOrder
{
    private const int First = 0x3400;
    private static readonly byte[] Strokes = Load("strokes.bin");
    private static readonly byte[] FirstStrokes = Load("first-strokes.bin");

    public static int StrokesOf(char c) =>
        c >= First && c - First < Strokes.Length ? Strokes[c - First] : 0;

    /// <summary>
    /// The first five strokes as classes 1 横 2 竖 3 撇 4 点 5 折 (e.g. 白 → "32511"); empty where unknown.
    /// </summary>
    public static string FirstStrokesOf(char c)
    {
        var packed = Packed(c);
        var digits = new char[5];
        var length = 0;
        for (var shift = 12; shift >= 0 && ((packed >> shift) & 7) is var stroke and > 0; shift -= 3)
        {
            digits[length++] = (char)('0' + stroke);
        }

        return new string(digits, 0, length);
    }

    /// <summary>
    /// Compares names character by character: fewer strokes first, then by the strokes themselves in
    /// the order 横竖撇点折, then by code point (so the order is total and stable).
    /// </summary>
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

            var byShape = Packed(x[i]).CompareTo(Packed(y[i]));
            return byShape != 0 ? byShape : x[i].CompareTo(y[i]);
        }

        return x.Length.CompareTo(y.Length);
    }

    // First stroke in the highest bits, so comparing the numbers compares stroke by stroke.
    private static ushort Packed(char c) =>
        c >= First && (c - First) * 2 + 1 < FirstStrokes.Length ? System.Buffers.Binary.BinaryPrimitives.ReadUInt16LittleEndian(FirstStrokes.AsSpan((c - First) * 2)) : (ushort)0;

    private static byte[] Load(string name)
    {
        using var stream = typeof(StrokeOrder).Assembly.GetManifestResourceStream("Site.Generator." + name)
            ?? throw new InvalidOperationException(name + " is not embedded");
        var data = new byte[stream.Length];
        stream.ReadExactly(data);
        return data;
    }
}
