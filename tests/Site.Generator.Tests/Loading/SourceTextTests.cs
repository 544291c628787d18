using System.Text;
using Site.Generator.Loading;

namespace Site.Generator.Tests.Loading;

/// <summary>Story files are read without ReadAllText's buffers; the text must be exactly what it gives.</summary>
public sealed class SourceTextTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("source-text-").FullName;

    public static TheoryData<string, string> Encodings() => new()
    {
        { "utf-8", "---\ntitle: 人大代表\n---\n正文" },
        { "utf-8-bom", "---\ntitle: 人大代表\n---\n正文" },
        { "utf-16le-bom", "---\ntitle: 人大代表\n---\n正文𠀀" },
        { "utf-16be-bom", "---\ntitle: 人大代表\n---\n正文" },
        { "utf-32le-bom", "---\ntitle: 人大代表\n---\n正文𠀀" },
        { "utf-32be-bom", "标题" },
        { "utf-8", "" },
        { "utf-8-bom", "" },
    };

    [Theory]
    [MemberData(nameof(Encodings))]
    public void Read_EachByteOrderMark_SameTextAsReadAllText(string encoding, string text)
    {
        Encoding writer = encoding switch
        {
            "utf-8" => new UTF8Encoding(false),
            "utf-8-bom" => new UTF8Encoding(true),
            "utf-16le-bom" => new UnicodeEncoding(false, true),
            "utf-16be-bom" => new UnicodeEncoding(true, true),
            "utf-32le-bom" => new UTF32Encoding(false, true),
            _ => new UTF32Encoding(true, true),
        };
        var path = Path.Combine(_folder, encoding + ".md");
        File.WriteAllText(path, text, writer);

        Assert.Equal(File.ReadAllText(path), SourceText.Read(path));
    }

    [Fact]
    public void Read_InvalidAndTruncatedUtf8_SameReplacementsAsReadAllText()
    {
        var random = new Random(3);
        for (var i = 0; i < 200; i++)
        {
            var bytes = Encoding.UTF8.GetBytes("人大代表 abc 联络站").Concat(Enumerable.Range(0, random.Next(1, 12)).Select(_ => (byte)random.Next(256))).ToArray();
            var path = Path.Combine(_folder, $"bad{i}.md");
            File.WriteAllBytes(path, bytes);

            Assert.Equal(File.ReadAllText(path), SourceText.Read(path));
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
