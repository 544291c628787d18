using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Site.Generator.Build;
using Site.Generator.Diagnostics;

namespace Site.Generator.Tests.Support;

/// <summary>
/// A whole site in one string, Hugo style: "-- path --" lines start files. Built for real in a temp
/// folder through <see cref="BuildPipeline"/>; assertions read the written files.
/// </summary>
public sealed class TestSite : IDisposable
{
    /// <summary>The clock every test build uses, so which drafts are open never depends on today.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.FromHours(8));

    public const string MinimalConfig = """
        -- input/site.yaml --
        title: 测试县人大
        baseUrl: https://test.example
        columns:
          - slug: lvzhi
            name: 履职故事
          - slug: dongtai
            name: 家站点动态
        """;

    private TestSite(string root) => Root = root;

    public string Root { get; }

    public string Output => Path.Combine(Root, "_site");

    public BuildReport Report { get; private set; } = default!;

    public static async Task<TestSite> BuildAsync(string files, bool checkOnly = false)
    {
        var site = Write(files);
        await site.RebuildAsync(checkOnly);
        return site;
    }

    public static TestSite Write(string files)
    {
        var root = Path.Combine(Path.GetTempPath(), "site-test-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(root);
        var site = new TestSite(root);
        site.AddFiles(files);
        return site;
    }

    public void AddFiles(string files)
    {
        string? path = null;
        var content = new List<string>();
        void Flush()
        {
            if (path is not null)
            {
                var full = Path.Combine(Root, path);
                Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                File.WriteAllText(full, string.Join('\n', content).TrimEnd('\n') + "\n");
            }
        }

        foreach (var line in files.Replace("\r\n", "\n").Split('\n'))
        {
            if (line.StartsWith("-- ", StringComparison.Ordinal) && line.EndsWith(" --", StringComparison.Ordinal))
            {
                Flush();
                path = line[3..^3].Trim();
                content.Clear();
                continue;
            }

            content.Add(line);
        }

        Flush();
    }

    public async Task<BuildReport> RebuildAsync(bool checkOnly = false, BuildCache? cache = null, string? output = null)
    {
        Report = await BuildPipeline.RunAsync(BuildOptions.For(Root, output, checkOnly) with { Now = Now }, default, cache);
        return Report;
    }

    public string IntakeFolder => Path.Combine(Root, "_intake");

    public string ReadFile(string relativePath) => File.ReadAllText(Path.Combine(Output, relativePath));

    public IHtmlDocument Html(string relativePath) => new HtmlParser().ParseDocument(ReadFile(relativePath));

    /// <summary>Each line must be contained in the file; a line starting with "! " must not be.</summary>
    public void AssertFile(string relativePath, params string[] expectations)
    {
        AssertNoErrors();
        var text = ReadFile(relativePath);
        foreach (var expectation in expectations)
        {
            if (expectation.StartsWith("! ", StringComparison.Ordinal))
            {
                Assert.DoesNotContain(expectation[2..], text);
            }
            else
            {
                Assert.Contains(expectation, text);
            }
        }
    }

    public void AssertNoErrors() =>
        Assert.False(Report.Diagnostics.HasErrors, string.Join('\n', Report.Diagnostics.Sorted()));

    /// <summary>A diagnostic with <paramref name="code"/> was reported at <paramref name="path"/> (and line, if given).</summary>
    public Diagnostic AssertDiagnostic(string path, int? line, string code, Severity severity = Severity.Error)
    {
        var all = Report.Diagnostics.Sorted();
        var match = all.FirstOrDefault(d => d.Location.Path == path && d.Code == code && d.Severity == severity && (line is null || d.Location.Line == line));
        Assert.True(match is not null, $"expected {severity} {code} at {path}:{line}, got:\n{string.Join('\n', all)}");
        return match!;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
