using MiniExcelLibs;
using Site.Generator.Build;
using Site.Generator.Commands;
using Site.Generator.Loading;
using Site.Generator.Tests.Support;

namespace Site.Generator.Tests.Loading;

/// <summary>The roster template an office downloads (`site template`) is read back by the loader as it is.</summary>
public sealed class RosterTemplateTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "template-test-" + Guid.NewGuid().ToString("N")[..12]);

    [Fact]
    public void Template_HeaderRow_IsOneHeaderPerFieldTheLoaderReads()
    {
        using var stream = new MemoryStream(RosterTemplateCommand.Render());
        var rows = stream.Query(useHeaderRow: false).Cast<IDictionary<string, object?>>().ToList();

        Assert.Equal(2, rows.Count);
        var headers = rows[0].Values.Select(v => v?.ToString()).ToList();
        var table = RosterTemplateCommand.HeaderTable(RecordKind.Deputies);
        Assert.All(headers, h => Assert.True(table.ContainsKey(h!), h));
        Assert.Equal(table.Values.Distinct().Order(StringComparer.Ordinal), headers.Select(h => table[h!]).Order(StringComparer.Ordinal));
        Assert.Equal("赵明华", rows[1].Values.ElementAt(headers.IndexOf("姓名")));
    }

    [Fact]
    public async Task Template_InTheSampleSite_PassesCheckWithItsExampleDeputy()
    {
        var sample = SampleSite.FindRepositoryRoot();
        foreach (var folder in new[] { "content", "input", "theme/assets" })
        {
            Copy(Path.Combine(sample, folder), Path.Combine(_root, folder));
        }

        File.WriteAllBytes(Path.Combine(_root, "input", "deputies", "模板.xlsx"), RosterTemplateCommand.Render());

        var report = await BuildPipeline.RunAsync(BuildOptions.For(_root, checkOnly: true) with { Now = TestSite.Now });

        Assert.True(report.Succeeded, string.Join("\n", report.Diagnostics.Sorted().Select(d => d.ToString())));
        var deputy = Assert.Single(report.Model!.Deputies, d => d.Id.Value == "D0101");
        Assert.Equal("赵明华", deputy.Name);
        Assert.Equal("易俗河镇金桥村党总支书记", deputy.Title);
    }

    [Fact]
    public void Readme_ListsEveryRosterHeaderTheLoaderAccepts()
    {
        var readme = File.ReadAllText(Path.Combine(SampleSite.FindRepositoryRoot(), "README.md"));

        Assert.All(RosterTemplateCommand.HeaderTable(RecordKind.Deputies).Keys, header => Assert.Contains(header, readme));
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
