using Lucene.Net.Analysis;

namespace Site.Search;

/// <summary>
/// Traditional characters folded to simplified ones (電梯 → 电梯, 陳美華 → 陈美华), one character for
/// one, so the index and queries agree whichever form a text or a person used, and every offset into
/// the original text stays right (snippets mark the characters as written). The table
/// (<c>Data/traditional-simplified.txt</c>) is ICU's Traditional-Simplified transform applied to each
/// Han code point alone, written by <c>Data/make-traditional-simplified.cs</c>; a test checks it
/// against ICU4N. A character with two simplified readings folds to the one ICU gives (乾 → 干), on
/// both sides, so it is still found.
/// </summary>
public static class SimplifiedFolding
{
    // Every mapped character is in the basic plane (the script keeps only same-length replacements,
    // and ICU maps no supplementary character), so a table of all UTF-16 units does.
    private static readonly char[] Table = Load();

    /// <summary>The simplified form of a UTF-16 unit (itself when it has none).</summary>
    public static char Fold(char c) => Table[c];

    /// <summary>The text with every traditional character folded; the same string when none is.</summary>
    public static string Fold(string text)
    {
        var i = 0;
        while (i < text.Length && Table[text[i]] == text[i])
        {
            i++;
        }

        if (i == text.Length)
        {
            return text;
        }

        return string.Create(text.Length, text, static (span, text) =>
        {
            for (var j = 0; j < text.Length; j++)
            {
                span[j] = Table[text[j]];
            }
        });
    }

    /// <summary>Folds in place.</summary>
    public static void Fold(Span<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            text[i] = Table[text[i]];
        }
    }

    /// <summary>The table's pairs (traditional, simplified), for tests.</summary>
    public static IEnumerable<(char Traditional, char Simplified)> Pairs()
    {
        for (var c = 0; c < Table.Length; c++)
        {
            if (Table[c] != c)
            {
                yield return ((char)c, Table[c]);
            }
        }
    }

    private static char[] Load()
    {
        var table = new char[char.MaxValue + 1];
        for (var c = 0; c < table.Length; c++)
        {
            table[c] = (char)c;
        }

        using var stream = typeof(SimplifiedFolding).Assembly.GetManifestResourceStream("traditional-simplified.txt")
            ?? throw new InvalidOperationException("traditional-simplified.txt is not embedded in Site.Search");
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 2)
            {
                table[line[0]] = line[1];
            }
            else if (line.Length != 0)
            {
                throw new InvalidDataException($"traditional-simplified.txt: not a pair of characters: {line}");
            }
        }

        return table;
    }
}

/// <summary>
/// <see cref="SimplifiedFolding"/> ahead of the tokenizer. One character for one, so offsets need no
/// correction.
/// </summary>
public sealed class SimplifiedFoldingCharFilter(TextReader input) : CharFilter(input)
{
    protected override int Correct(int currentOff) => currentOff;

    public override int Read(char[] buffer, int index, int count)
    {
        var read = m_input.Read(buffer, index, count);
        if (read > 0)
        {
            SimplifiedFolding.Fold(buffer.AsSpan(index, read));
        }

        return read;
    }

    public override int Read(Span<char> buffer)
    {
        var read = m_input.Read(buffer);
        if (read > 0)
        {
            SimplifiedFolding.Fold(buffer[..read]);
        }

        return read;
    }

    public override int Read() => Folded(m_input.Read());

    public override int Peek() => Folded(m_input.Peek());

    private static int Folded(int c) => c >= 0 ? SimplifiedFolding.Fold((char)c) : c;
}
