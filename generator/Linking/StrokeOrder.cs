namespace Site.Generator.Linking;

/// <summary>
/// 姓氏笔画 order as mainland lists use it. ICU's and .NET's zh stroke collations follow Taiwan's
/// counts (阝 as 3, 艹 as 4), so we read mainland counts from Unihan's kTotalStrokes (first value,
/// the G source) shipped as Data/strokes.bin (see Data/make-strokes.py).
/// </summary>
public static class StrokeOrder
{
    private const int First = 0x3400;
    private static readonly byte[] Strokes = Load();

    public static int StrokesOf(char c) =>
        c >= First && c - First < Strokes.Length ? Strokes[c - First] : 0;

    /// <summary>Compares names character by character: fewer strokes first, then by code point.</summary>
    public static int Compare(string x, string y)
    {
        var length = Math.Min(x.Length, y.Length);
        for (var i = 0; i < length; i++)
        {
            if (x[i] == y[i])
            {
                continue;
            }

            var byStrokes = StrokesOf(x[i]).CompareTo(StrokesOf(y[i]));
            return byStrokes != 0 ? byStrokes : x[i].CompareTo(y[i]);
        }

        return x.Length.CompareTo(y.Length);
    }

    private static byte[] Load()
    {
        using var stream = typeof(StrokeOrder).Assembly.GetManifestResourceStream("Site.Generator.strokes.bin")
            ?? throw new InvalidOperationException("strokes.bin is not embedded");
        var data = new byte[stream.Length];
        stream.ReadExactly(data);
        return data;
    }
}
