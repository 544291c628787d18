using System.Diagnostics;
using System.Text;
using Site.Generator.Build;

namespace Site.Benchmarks;

/// <summary>
/// N synthetic stories (text sampled from the seed articles, 5 columns, tags, 1–3 paragraphs a
/// heading) built from scratch; then one story is edited and the site rebuilt, as `serve` does.
/// </summary>
internal static class BuildBenchmark
{
    private static readonly string[] Columns = ["daibiao-fengcai", "lvzhi-gushi", "jiazhandian", "lifa", "jiandu"];
    private static readonly string[] ColumnNames = ["代表风采", "履职故事", "家站点动态", "立法", "监督"];
    private static readonly string[] Tags = ["接待日", "建议办理", "代表之家", "票决", "立法联系点", "乡村振兴", "民生实事", "述职评议", "执法检查", "联络站"];

    /// <param name="rebuilds">How many one-story edits to rebuild after; more than one is for profiling the rebuild.</param>
    /// <param name="withCache">False (`--cache none`): one build without a cache, as `site build` does, and no rebuilds.</param>
    /// <param name="words">False (`--words none`): the search index without the SmartCn word fields, to measure what they cost.</param>
    public static async Task<int> RunAsync(int stories, int rebuilds = 1, bool withCache = true, bool words = true)
    {
        Site.Search.SearchIndexWriter.WordFields = words;
        var root = Bench.TempFolder("build");
        try
        {
            var write = Stopwatch.StartNew();
            Generate(root, stories);
            Console.WriteLine($"input: {stories:N0} stories, {Bench.Size(Bench.FolderSize(Path.Combine(root, "content")))} of Markdown (written in {write.Elapsed.TotalSeconds:0.0} s)");

            var options = BuildOptions.For(root) with { Now = new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.FromHours(8)) };
            // As `serve` does: one cache across builds. The first build fills it (a cold start).
            var cache = withCache ? new BuildCache() : null;
            rebuilds = withCache ? rebuilds : 0;
            var clock = Stopwatch.StartNew();
            var report = await BuildPipeline.RunAsync(options, CancellationToken.None, cache);
            var full = clock.Elapsed;
            var peak = Bench.PeakMiB();
            Console.WriteLine($"full build: {full.TotalSeconds:0.00} s wall, peak working set {peak:0} MiB, {report.Pages:N0} pages, {report.FilesWritten:N0} files, errors: {report.Diagnostics.Sorted().Count(d => d.Severity == Site.Generator.Diagnostics.Severity.Error)}");
            Console.WriteLine($"  steps: {report.SummaryWithCpu()}");
            Console.WriteLine($"  allocated: {report.SummaryWithGc()}");
            Console.WriteLine($"  {Bench.GcSummary()}");

            // As `serve` does after every build, while the person reads the page (not part of any build's time).
            var collections = new List<double>();
            void CollectBetweenBuilds()
            {
                var collection = Stopwatch.StartNew();
                Site.Generator.Serving.DevServer.CollectBetweenBuilds();
                collections.Add(collection.Elapsed.TotalMilliseconds);
            }

            CollectBetweenBuilds();

            // One story edited, as a publicity officer fixing a typo.
            var edited = Directory.EnumerateFiles(Path.Combine(root, "content", "stories"), "*.md", SearchOption.AllDirectories).First();
            for (var i = 0; i < rebuilds; i++)
            {
                File.AppendAllText(edited, "\n补充：本文有更正。\n");
                clock.Restart();
                var again = await BuildPipeline.RunAsync(options, CancellationToken.None, cache);
                Console.WriteLine($"rebuild after one edit: {clock.Elapsed.TotalSeconds:0.00} s wall, {again.FilesWritten - again.FilesUnchanged:N0} files changed, {again.PagesRendered:N0} of {again.Pages:N0} pages rendered");
                Console.WriteLine($"  steps: {again.SummaryWithCpu()}");
                CollectBetweenBuilds();
            }

            Console.WriteLine($"full collection after each build, as `serve` does while the page is read: {string.Join(", ", collections.Select(ms => $"{ms:0} ms"))}");

            Console.WriteLine($"peak working set over both: {Bench.PeakMiB():0} MiB");
            return 0;
        }
        finally
        {
            Bench.Remove(root);
        }
    }

    private static void Generate(string root, int count)
    {
        Bench.WriteSiteConfig(root);
        var paragraphs = Bench.SeedParagraphs();
        Parallel.For(0, count, i =>
        {
            var random = new Random(i);
            var date = new DateOnly(2020, 1, 1).AddDays(random.Next(0, 2500));
            var column = random.Next(Columns.Length);
            var first = paragraphs[random.Next(paragraphs.Count)];
            var title = first[..Math.Min(first.Length, random.Next(10, 24))].TrimEnd('，', '。', ',');
            var text = new StringBuilder()
                .Line("---")
                .Line("title: " + Bench.Yaml(title))
                .Line($"date: {date:yyyy-MM-dd}")
                .Line("column: " + ColumnNames[column])
                .Line("author: 县人大常委会办公室")
                .Line($"tags: [{Tags[random.Next(Tags.Length)]}, {Tags[random.Next(Tags.Length)]}]")
                .Line("summary: " + Bench.Yaml(first[..Math.Min(first.Length, 60)]))
                .Line("---");
            for (var section = 0; section < 3; section++)
            {
                text.Line("").Line($"## {Tags[random.Next(Tags.Length)]}（{section + 1}）").Line("");
                for (var p = random.Next(1, 4); p > 0; p--)
                {
                    text.Line(paragraphs[random.Next(paragraphs.Count)]).Line("");
                }
            }

            var folder = Path.Combine(root, "content", "stories", date.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, $"story-{i:D6}.md"), text.ToString());
        });
    }
}
