using System.Text;
using ICU4N.Globalization;
using ICU4N.Text;
using Site.Generator.Indexing;
using Site.Generator.Tests.Support;

namespace Site.Generator.Tests.Indexing;

/// <summary>
/// <c>generator/Indexing/Data/han-pinyin.txt</c> is what ICU's Han-Latin/Names transform gives every CJK
/// (and compatibility) ideograph of the BMP, and names read from it get the pinyin ICU would give them. To remake the
/// table after ICU4N changes: <c>SITE_WRITE_PINYIN_TABLE=1 dotnet test tests/Site.Generator.Tests
/// --filter NamePinyinTableTests</c> (it writes the file, then fails once so the change is looked at).
/// </summary>
public sealed class NamePinyinTableTests
{
    private static readonly Lazy<Transliterator> Icu = new(() => Transliterator.GetInstance(NamePinyin.TransformId));

    [Fact]
    public void Table_IsWhatIcuGivesEveryHanCharacter()
    {
        var expected = MakeTable();
        var path = Path.Combine(SampleSite.FindRepositoryRoot(), "generator", "Indexing", "Data", "han-pinyin.txt");
        if (Environment.GetEnvironmentVariable("SITE_WRITE_PINYIN_TABLE") == "1")
        {
            File.WriteAllText(path, expected);
            Assert.Fail($"{path} written: run the test again without SITE_WRITE_PINYIN_TABLE");
        }

        using var stream = typeof(Site.Search.HanPinyin).Assembly.GetManifestResourceStream(Site.Search.HanPinyin.ResourceName)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        Assert.Equal(expected, reader.ReadToEnd());
    }

    [Theory]
    [InlineData("单雄信")] // 单 as a surname: shan
    [InlineData("解放")]
    [InlineData("曾国藩")] // 曾 is zeng anywhere
    [InlineData("长孙无忌")] // 长孙 at the start: zhang
    [InlineData("王长孙")] // … and elsewhere chang
    [InlineData("令狐冲")]
    [InlineData("万俟卨")]
    [InlineData("澹台灭明")]
    [InlineData("沈阳")]
    [InlineData("李沈阳")]
    [InlineData("王重庆")]
    [InlineData("张秘鲁")]
    [InlineData("藏文")]
    [InlineData("阿卜杜拉·买买提")] // the part after · starts again: 买 read as a surname would be
    [InlineData("热依拉·单")]
    [InlineData("王𠮷")] // a reading put in for a character beyond the BMP
    [InlineData("王𠮷单")] // … after which ICU starts again
    [InlineData("李\U0001F600华")] // an emoji (no reading) left out
    [InlineData("〇")]
    [InlineData("々")]
    [InlineData("王A")] // read by ICU itself
    [InlineData("王 建国")]
    [InlineData("Smith")]
    public void Keywords_AgreeWithIcu(string name)
    {
        Assert.Equal(NamePinyin.KeywordsByIcu(name), NamePinyin.Keywords(name));
    }

    [Fact]
    public void Keywords_AgreeWithIcu_OnRandomNames()
    {
        // Names of 1–4 characters from the whole table, the characters of the rules that look at the
        // next one, · and characters beyond the BMP among them: every one must read as ICU reads it.
        var han = Enumerable.Range(0x3400, 0x9FFF - 0x3400 + 1).Concat(Enumerable.Range(0xF900, 0xFAFF - 0xF900 + 1)).Where(cp => UScript.GetScript(cp) == UScript.Han).Select(cp => ((char)cp).ToString()).ToList();
        string[] special = ["〇", "⼘", "令", "狐", "万", "俟", "澹", "台", "长", "孙", "藏", "文", "重", "庆", "沈", "阳", "秘", "鲁", "单", "曾", "·", "𠮷", "𫖯"];
        var random = new Random(28);
        var differing = new List<string>();
        for (var i = 0; i < 20_000; i++)
        {
            var name = new StringBuilder();
            for (var length = random.Next(1, 5); length > 0; length--)
            {
                name.Append(random.Next(3) == 0 ? special[random.Next(special.Length)] : han[random.Next(han.Count)]);
            }

            var text = name.ToString();
            if (NamePinyin.KeywordsByIcu(text) != NamePinyin.Keywords(text))
            {
                differing.Add($"{text}: ICU {NamePinyin.KeywordsByIcu(text)}, table {NamePinyin.Keywords(text)}");
            }
        }

        Assert.Empty(differing);
    }

    /// <summary>The table's text: per reading (syllables joined by commas) the characters ICU reads so after another character, then, after ^, where it reads one otherwise at the start.</summary>
    private static string MakeTable()
    {
        var inner = new SortedDictionary<string, StringBuilder>(StringComparer.Ordinal);
        var first = new SortedDictionary<string, StringBuilder>(StringComparer.Ordinal);
        for (var cp = 0; cp <= char.MaxValue; cp++)
        {
            // CJK unified ideographs (extension A on) and compatibility ideographs: the characters of names.
            // Radicals, 〇, 々 and the like are left to ICU.
            if (cp is not ((>= 0x3400 and <= 0x9FFF) or (>= 0xF900 and <= 0xFAFF)) || UScript.GetScript(cp) != UScript.Han)
            {
                continue;
            }

            // A character ICU reads apart from its neighbours (between 一 yi, and before one) is read from the
            // table; one it runs into them (a Kangxi radical, made a character by NFKC after the readings) is
            // left out, and a name holding it is read by ICU.
            var c = ((char)cp).ToString();
            var aloneSyllables = NamePinyin.Syllables(Icu.Value.Transliterate(c));
            var between = NamePinyin.Syllables(Icu.Value.Transliterate("一" + c + "一"));
            if (between.Count < 2 || between[0] != "yi" || between[^1] != "yi"
                || !NamePinyin.Syllables(Icu.Value.Transliterate(c + "一")).SequenceEqual(aloneSyllables.Append("yi")))
            {
                continue;
            }

            var alone = Reading(aloneSyllables);
            var reading = Reading(between.Skip(1).SkipLast(1));
            Add(inner, reading, c);
            if (alone != reading)
            {
                Add(first, alone, c);
            }
        }

        var table = new StringBuilder();
        table.Append("# Pinyin of every CJK ideograph of the BMP as ICU4N's \"").Append(NamePinyin.TransformId).Append("\" reads it:\n")
            .Append("# \"syllables characters\" after another Han character, \"^syllables characters\" at the start where that differs,\n")
            .Append("# \"-\" for no reading. Made by tests/Site.Generator.Tests/Indexing/NamePinyinTableTests.cs; do not edit.\n");
        foreach (var (syllables, chars) in inner)
        {
            table.Append(syllables).Append(' ').Append(chars).Append('\n');
        }

        foreach (var (syllables, chars) in first)
        {
            table.Append('^').Append(syllables).Append(' ').Append(chars).Append('\n');
        }

        return table.ToString();

        static string Reading(IEnumerable<string> syllables) => syllables.Any() ? string.Join(',', syllables) : "-";

        static void Add(SortedDictionary<string, StringBuilder> readings, string reading, string c)
        {
            if (!readings.TryGetValue(reading, out var chars))
            {
                readings[reading] = chars = new StringBuilder();
            }

            chars.Append(c);
        }
    }
}
