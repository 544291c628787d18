using System.Text;

namespace Site.Search;

/// <summary>
/// <c>generator/Indexing/Data/han-pinyin.txt</c>, read once on first use: for every CJK (and compatibility)
/// ideograph of the BMP, the toneless syllables ICU's Han-Latin/Names transform gives it after another Han
/// character, and (lines starting <c>^</c>) at the start of a name or of a part after a separator, where that
/// differs; <c>-</c> for a character without a reading. The generator reads deputies' names with it (their
/// pinyin keywords, NamePinyin) and did-you-mean reads what was typed with it (<see cref="Suggestions"/>), so
/// both hear a name the same way.
/// </summary>
public sealed class HanPinyin
{
    /// <summary>The table's name among Site.Search's resources.</summary>
    public const string ResourceName = "han-pinyin.txt";

    private static readonly Lazy<HanPinyin> Loaded = new(Load);

    private readonly string[]?[] _after = new string[]?[char.MaxValue + 1];
    private readonly Dictionary<char, string[]> _atStart = [];

    /// <summary>The table.</summary>
    public static HanPinyin Table => Loaded.Value;

    /// <summary>
    /// The syllables of <paramref name="c"/> after another Han character (lower case, without tones, more
    /// than one for a polyphonic character); empty for an ideograph without a reading; null for a character
    /// the table does not hold (anything but a BMP ideograph).
    /// </summary>
    public string[]? After(char c) => _after[c];

    /// <summary>The syllables of <paramref name="c"/> at the start of a name, where surnames are read; null where they are those of <see cref="After"/>.</summary>
    public string[]? AtStart(char c) => _atStart.GetValueOrDefault(c);

    private static HanPinyin Load()
    {
        using var stream = typeof(HanPinyin).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"{ResourceName} is not embedded in Site.Search");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var table = new HanPinyin();
        while (reader.ReadLine() is { } line)
        {
            var space = line.IndexOf(' ');
            if (line.Length == 0 || line[0] == '#' || space < 0)
            {
                continue;
            }

            var atStart = line[0] == '^';
            var reading = line[(atStart ? 1 : 0)..space];
            string[] syllables = reading == "-" ? [] : reading.Split(',');
            foreach (var c in line.AsSpan(space + 1))
            {
                if (atStart)
                {
                    table._atStart[c] = syllables;
                }
                else
                {
                    table._after[c] = syllables;
                }
            }
        }

        return table;
    }
}
