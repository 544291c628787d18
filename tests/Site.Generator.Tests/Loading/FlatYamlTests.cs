using System.Text;
using Site.Generator.Diagnostics;
using Site.Generator.Loading;
using Site.Generator.Tests.Support;

namespace Site.Generator.Tests.Loading;

/// <summary>
/// Story headers of the common shape are read without YamlDotNet (<see cref="FlatYaml"/>). Whatever it
/// accepts must give exactly YamlDotNet's nodes, values and positions; whatever it cannot be sure of
/// it must leave to YamlDotNet.
/// </summary>
public sealed class FlatYamlTests
{
    public static TheoryData<string> Accepted() =>
    [
        "title: 人大代表进站接待群众\ndate: 2026-03-01\ncolumn: 履职故事",
        "title: \"带引号的标题：有冒号\"\ntags: [接待日, 建议办理]\n",
        "title: '单引号 标题'\ntags: []\nslug: jie-dai_2026\n",
        "\n\ntitle: 前面有空行\r\ndate: 2026-3-1\r\n",
        "cover: http://example.gov.cn/a.jpg\ntime: 9:00\nauthor: 县人大常委会办公室  ",
        "tags: [ 接待日 ,建议办理,  新站 ]",
        "draft: true\ncount: 3\nratio: 1.5",
    ];

    public static TheoryData<string> LeftToYamlDotNet() =>
    [
        "title: 甲\ntitle: 乙",                 // repeated key
        "title: 标题 # 注释",
        "title：全角冒号",
        "title: \"转义\\n\"",
        "title:\n  - 列表",
        "summary: 第一行\n  第二行",
        "title: >\n  折叠",
        "title: &a 锚点\nalias: *a",
        "title: !tag 值",
        "title: null",
        "title: ~",
        "title:",
        "title: [未闭合",
        "title: a, b",
        "title: 'it''s'",
        "- 列表",
        "纯文本",
        "key:value",
        "title: 值:",
        "\ttitle: 制表符",
        "tags: [a, [b]]",
        "tags: [\"a\", b]",
        "title: -负号开头",
    ];

    [Theory]
    [MemberData(nameof(Accepted))]
    public void TryRead_CommonHeaders_SameNodesAsYamlDotNet(string text)
    {
        var flat = FlatYaml.TryRead(text, "content/stories/a.md", 1);

        Assert.NotNull(flat);
        Assert.Equal(Dump(YamlDotNet(text)), Dump(flat));
    }

    [Theory]
    [MemberData(nameof(LeftToYamlDotNet))]
    public void TryRead_AnythingElse_LeftToYamlDotNet(string text)
    {
        Assert.Null(FlatYaml.TryRead(text, "content/stories/a.md", 1));
    }

    [Fact]
    public void TryRead_EverySampleHeader_SameNodesAsYamlDotNetWhenAccepted()
    {
        var content = Path.Combine(SampleSite.FindRepositoryRoot(), "content");
        var accepted = 0;
        foreach (var file in Directory.GetFiles(content, "*.md", SearchOption.AllDirectories))
        {
            var header = FrontMatterSplitter.Split(File.ReadAllText(file)).FrontMatter;
            if (header is null)
            {
                continue;
            }

            if (FlatYaml.TryRead(header, file, 1) is { } flat)
            {
                accepted++;
                Assert.Equal(Dump(YamlDotNet(header)), Dump(flat));
            }
        }

        Assert.True(accepted > 5, $"only {accepted} sample headers took the short cut");
    }

    [Fact]
    public void TryRead_RandomHeaders_SameNodesAsYamlDotNetWhenAccepted()
    {
        var random = new Random(17);
        string[] keys = ["title", "date", "column", "tags", "summary", "slug", "x-y", "a_b", "2025"];
        string[] values =
        [
            "人大代表", "2026-03-01", "\"引号\"", "'单引号'", "[甲, 乙]", "[]", "[ 甲 ]", "a b  c", "http://a.b/c", "9:00", "true",
            "1.5", "-1", "null", "~", "a: b", "a:b", "\"\"", "''", "[a,,b]", "[a, b", "甲，乙", "x #y", "'a''b'", "值 ", "·", "@at", "%p",
            "{a: b}", "a]", "\"a\" b", "？问号", "[\"甲\"]",
        ];
        var accepted = 0;
        for (var i = 0; i < 3000; i++)
        {
            var text = new StringBuilder();
            for (var j = random.Next(1, 6); j > 0; j--)
            {
                if (random.Next(8) == 0)
                {
                    text.Append(random.Next(2) == 0 ? "\n" : "  \n");
                }

                text.Append(keys[random.Next(keys.Length)]).Append(": ").Append(values[random.Next(values.Length)]).Append(random.Next(5) == 0 ? "\r\n" : "\n");
            }

            var yaml = text.ToString();
            if (FlatYaml.TryRead(yaml, "a.md", 1) is { } flat)
            {
                accepted++;
                var expected = YamlDotNet(yaml);
                Assert.True(Dump(expected) == Dump(flat), $"「{yaml}」\nYamlDotNet: {Dump(expected)}\nFlatYaml:   {Dump(flat)}");
            }
        }

        Assert.True(accepted > 300, $"only {accepted} random headers took the short cut");
    }

    private static RawNode? YamlDotNet(string text)
    {
        var diagnostics = new DiagnosticBag();
        var node = YamlReader.ReadWithYamlDotNet(text, "content/stories/a.md", 1, diagnostics);
        Assert.Equal(0, diagnostics.Count);
        return node;
    }

    private static string Dump(RawNode? node) => node switch
    {
        null => "null",
        RawScalar s => $"'{s.Value}'@{s.Location.Line}:{s.Location.Column}",
        RawList l => $"[{string.Join(", ", l.Items.Select(Dump))}]@{l.Location.Line}:{l.Location.Column}",
        RawMap m => $"{{{string.Join(", ", m.Entries.Select(e => $"{e.Key}@{e.KeyLocation.Line}:{e.KeyLocation.Column}={Dump(e.Value)}"))}}}@{m.Location.Line}:{m.Location.Column}",
        _ => node.ToString()!,
    };
}
