using System.Text;
using Site.Generator.Build;
using Site.Generator.Diagnostics;
using Site.Generator.Rendering.Markdown;
using Site.Generator.Rendering.Pages;
using Site.Generator.Tests.Support;

namespace Site.Generator.Tests.Pipeline;

/// <summary>
/// The incremental-rebuild oracle over the whole sample site (a copy of the repository's content/
/// and input/), which has every page kind: an edit to each kind of file, rebuilt with `serve`'s
/// cache, must give exactly what a fresh build of the edited files gives.
/// </summary>
public sealed class SampleIncrementalTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "site-sample-edit-" + Guid.NewGuid().ToString("N")[..12]);
    private readonly List<string> _temp = [];

    public SampleIncrementalTests()
    {
        var repository = SampleSite.FindRepositoryRoot();
        foreach (var folder in new[] { "content", "input" })
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(repository, folder), "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(_root, Path.GetRelativePath(repository, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
        }
    }

    private string Output => Path.Combine(_root, "_site");

    [Fact]
    public async Task Rebuild_AnEditToEveryKindOfFile_GivesExactlyTheFreshBuildOfTheSampleSite()
    {
        var cache = new BuildCache();
        var first = await BuildAsync(cache);

        // The sample site has a page of every template the theme has (but the endpoint's own pages,
        // which it renders when a form is posted or a search is asked, not the build).
        var jobs = PagePlanner.Plan(new PageContext(first.Model!, new SiteUrls(), new DiagnosticBag(), null), []);
        string[] endpointTemplates = ["SubmissionTemplate", "ReceiptTemplate", "PublishedMessagesTemplate"];
        var templates = typeof(Site.Theme.ViewModels.PageMeta).Assembly.GetTypes()
            .Where(t => t.Namespace == "Site.Theme.Templates" && t.Name.EndsWith("Template", StringComparison.Ordinal))
            .Where(t => !endpointTemplates.Contains(t.Name))
            .Select(t => t.Name)
            .Order()
            .ToList();
        Assert.Equal(templates, jobs.Select(j => j.Template?.Name).OfType<string>().Distinct().Order().ToList());
        Assert.Contains(jobs, j => j.Template is null); // calendars, vote tallies

        var edits = new (string File, string From, string To)[]
        {
            ("input/site.yaml", "一件建议从提出到办结的来龙去脉。", "一件建议从提出到办结的全过程。"),
            ("input/deputies/deputies.yaml", "title: 易俗河镇金霞社区党委书记", "title: 易俗河镇金霞社区党委书记、居委会主任"),
            ("input/deputies/roster-gb18030.csv", "家庭农场主", "家庭农场负责人"),
            ("input/stations/stations.yaml", "hours: 周一至周五 8:30—17:30", "hours: 周一至周五 8:30—18:00"),
            ("input/suggestions/suggestions-2026.yaml", "unit: 县民政局", "unit: 县民政局、县卫生健康局"),
            ("input/duties/duties-2026.csv", "调研农村养老服务", "调研农村养老服务和助餐点"),
            ("input/ballots/xiangtan-2026.yaml", "年中票评已完成", "年中票评已于7月完成"),
            ("content/drafts/wuye-guanli-tiaoli.md", "第十三条 本条例自 年 月 日起施行。", "第十三条 本条例自2027年1月1日起施行。"),
            ("content/pages/about.md", null!, "\n本页内容定期更新。\n"),
            (FirstStory(), null!, "\n后续办理情况将继续跟进。\n"),
        };
        foreach (var (file, from, to) in edits)
        {
            Edit(file, from, to);
            var report = await BuildAsync(cache);
            Assert.True(report.PagesRendered < report.Pages, $"{file}: every page was rendered again");
        }

        FreshBuild.AssertSameOutput(_root, Output, Path.Combine(_root, "_intake"), _temp);
    }

    public void Dispose()
    {
        foreach (var folder in _temp.Append(_root).Where(Directory.Exists))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private async Task<BuildReport> BuildAsync(BuildCache cache)
    {
        var report = await BuildPipeline.RunAsync(BuildOptions.For(_root) with { Now = TestSite.Now }, cache: cache);
        Assert.False(report.Diagnostics.HasErrors, string.Join("\n", report.Diagnostics.Sorted()));
        return report;
    }

    private string FirstStory() =>
        Path.GetRelativePath(_root, Directory.EnumerateFiles(Path.Combine(_root, "content", "stories"), "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First()).Replace('\\', '/');

    /// <summary>Replaces text (null: appends), keeping the file's encoding (the roster is GB18030, as offices save it).</summary>
    private void Edit(string relativePath, string? from, string to)
    {
        var path = Path.Combine(_root, relativePath);
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var encoding = relativePath.Contains("gb18030", StringComparison.Ordinal) ? Encoding.GetEncoding("GB18030") : new UTF8Encoding(false);
        var text = encoding.GetString(File.ReadAllBytes(path));
        if (from is not null)
        {
            var at = text.IndexOf(from, StringComparison.Ordinal);
            Assert.True(at >= 0, $"{relativePath} has no “{from}”");
            text = text[..at] + to + text[(at + from.Length)..];
        }
        else
        {
            text += to;
        }

        File.WriteAllBytes(path, encoding.GetBytes(text));
    }
}
