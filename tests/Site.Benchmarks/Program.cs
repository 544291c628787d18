using System.Diagnostics;
using System.Globalization;
using System.Text;
using Site.Benchmarks;

// Benchmarks that print figures; each writes its synthetic input to a temp folder and removes it.
//   build    --stories N [--rebuilds R]   whole-site build of N stories, then R rebuilds after one edit each
//            [--words none]                 … with the search index's SmartCn word fields left out
//   serve    --stories N [--edits E] [--pause S]  `serve` over N stories; E one-story edits, each timed from the save until the new page is served
//   versus   --stories N [--pairs P] [--variants "default|DOTNET_TC_QuickJit=1"] [--warm-up 0] [--generator PATH]
//                                          `site build` and Hugo as processes, interleaved, on the same stories: ratios and steps
//   sample   [--runs R] [--variants V] [--generator PATH]
//                                          the bundled sample site built from process start to exit; `serve` to its first answer
//   (--variants: "|" between variants, "," between DOTNET_… variables and generator=PATH of one)
//   any command [--alloc-types T]          also print the T types the process allocated most bytes of
//   roster   --deputies N --stations M
//   search   --docs N --queries Q [--keep DIR]   index throughput and size, query p50/p99
//   pagefind --stories N [--pairs P] [--warm-up 1] [--pagefind PATH]
//                                          the site's search index and Pagefind's on the same built pages, as processes, interleaved
//   index-only --root DIR --index DIR     (for `pagefind`) the site's search index written from its content, no page rendered
//   words    [--rounds R]                  word segmentation: SmartCn against the replacement, chars/s and bytes/char, and the library's parts
//   relevance                          MRR and precision@5 of the search relevance table, bigrams alone and with words
//   comments --seconds S --clients C [--postgres CONN] [--preload N]   (N comments stored before the clients start, as after a restart)
//   messages --seconds S --clients C [--postgres CONN]
//   qr       --codes N                     QR encoding: QRCoder against the site's encoder
//   files    --count N                     what the temp folder's disk charges per folder and per file
var arguments = Arguments.Parse(args);
var command = args.FirstOrDefault() ?? "";
Console.WriteLine($"# {command} {string.Join(' ', args.Skip(1))}  ({Environment.ProcessorCount} cores, .NET {Environment.Version}, {DateTime.UtcNow:yyyy-MM-dd})");
// The input these commands sample real text and names from must be there before any temp folder is made.
_ = command switch
{
    "build" or "serve" or "search" or "versus" or "pagefind" or "words" => Bench.Shared("seeds"),
    "roster" => Bench.Shared("data", "names"),
    _ => "",
};
var allocationTypes = arguments.Int("alloc-types", 0);
using var sampler = allocationTypes > 0 ? new AllocationSampler() : null;
var exitCode = command switch
{
    "build" => await BuildBenchmark.RunAsync(arguments.Int("stories", 1000), arguments.Int("rebuilds", 1), arguments.String("cache") != "none", arguments.String("words") != "none"),
    "serve" => await ServeBenchmark.RunAsync(arguments.Int("stories", 1000), arguments.Int("edits", 5), arguments.Int("pause", 3)),
    "versus" => await VersusBenchmark.RunAsync(arguments.Int("stories", 1000), arguments.Int("pairs", 5), arguments.String("variants"), arguments.String("generator"), arguments.Int("warm-up", 1)),
    "sample" => await VersusBenchmark.SampleAsync(arguments.Int("runs", 5), arguments.String("generator"), arguments.String("variants")),
    "roster" => await RosterBenchmark.RunAsync(arguments.Int("deputies", 100_000), arguments.Int("stations", 10_000)),
    "pagefind" => PagefindBenchmark.Run(arguments.Int("stories", 10_000), arguments.Int("pairs", 3), arguments.String("pagefind"), arguments.Int("warm-up", 1)),
    "index-only" => PagefindBenchmark.IndexOnly(arguments.String("root") ?? "", arguments.String("index") ?? ""),
    "search" => SearchBenchmark.Run(arguments.Int("docs", 100_000), arguments.Int("queries", 2000), arguments.String("keep")),
    "words" => WordsBenchmark.Run(arguments.Int("rounds", 5)),
    "relevance" => await RelevanceBenchmark.RunAsync(),
    "comments" => await CommentsBenchmark.RunAsync(arguments.Int("seconds", 10), arguments.Int("clients", 64), arguments.String("postgres"), preload: arguments.Int("preload", 0)),
    "messages" => await CommentsBenchmark.RunAsync(arguments.Int("seconds", 10), arguments.Int("clients", 64), arguments.String("postgres"), messages: true),
    "qr" => QrBenchmark.Run(arguments.Int("codes", 20_000)),
    "files" => FilesBenchmark.Run(arguments.Int("count", 10_000)),
    _ => Usage(),
};
sampler?.Print(allocationTypes);
return exitCode;

static int Usage()
{
    Console.Error.WriteLine("usage: build --stories N | serve --stories N [--edits E] | versus --stories N [--pairs P] | sample [--runs R] | roster --deputies N --stations M | search --docs N | pagefind --stories N [--pairs P] | relevance | comments --seconds S --clients C [--postgres CONN] | messages --seconds S --clients C [--postgres CONN] | qr --codes N | files --count N");
    return 2;
}

namespace Site.Benchmarks
{
    internal sealed class Arguments(Dictionary<string, string> values)
    {
        public static Arguments Parse(string[] args)
        {
            var values = new Dictionary<string, string>();
            for (var i = 1; i + 1 < args.Length; i += 2)
            {
                values[args[i].TrimStart('-')] = args[i + 1];
            }

            return new Arguments(values);
        }

        public int Int(string name, int fallback) => values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

        public string? String(string name) => values.GetValueOrDefault(name);
    }

    /// <summary>Shared helpers: the repository, seed text, peak memory, timing.</summary>
    internal static class Bench
    {
        public static string RepositoryRoot()
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Site.sln")))
            {
                directory = directory.Parent;
            }

            return directory?.FullName ?? throw new InvalidOperationException("Site.sln not found");
        }

        /// <summary>Paragraphs of the real articles in ../shared/seeds, to sample synthetic text from.</summary>
        public static List<string> SeedParagraphs()
        {
            var seeds = Shared("seeds");
            var paragraphs = Directory.EnumerateFiles(seeds, "*.txt").SelectMany(File.ReadLines).Select(l => l.Trim()).Where(l => l.Length >= 30).ToList();
            return paragraphs.Count > 0 ? paragraphs : Missing<List<string>>(seeds, "holds no *.txt article");
        }

        /// <summary>
        /// A folder of the team's shared data beside the repository (../shared: seed articles, name
        /// statistics), which the benchmarks sample real text and names from; unlike the tests, they
        /// are not meant to run on a fresh clone. Without it the benchmark stops and says so, rather
        /// than printing figures for different input.
        /// </summary>
        public static string Shared(params string[] parts)
        {
            // BENCH_SHARED names the folder where a worktree has no ../shared beside it.
            var shared = Environment.GetEnvironmentVariable("BENCH_SHARED") is { Length: > 0 } named ? named : Path.Combine(RepositoryRoot(), "..", "shared");
            var path = Path.GetFullPath(Path.Combine([shared, .. parts]));
            return Directory.Exists(path) ? path : Missing<string>(path, "does not exist");
        }

        private static T Missing<T>(string path, string problem)
        {
            Console.Error.WriteLine(
                $"benchmark input missing: {path} {problem}. The benchmarks read the team's shared data " +
                "(../shared/seeds and ../shared/data/names, beside the repository; see BENCHMARKS.md). " +
                "Run them from a checkout that has ../shared, or copy that folder there.");
            Environment.Exit(2);
            return default!;
        }

        public static string TempFolder(string name)
        {
            SettleAfterRemoval();
            var folder = Path.Combine(Path.GetTempPath(), $"bench-{name}-{Guid.NewGuid():N}"[..28]);
            Directory.CreateDirectory(folder);
            return folder;
        }

        /// <summary>Removes a benchmark's temp folder and notes when, for <see cref="SettleAfterRemoval"/>.</summary>
        public static void Remove(string folder)
        {
            Directory.Delete(folder, recursive: true);
            File.WriteAllText(RemovalMarker, DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        }

        private static string RemovalMarker => Path.Combine(Path.GetTempPath(), "site-benchmarks.removed");

        // ext4 without a journal (as on these VMs) does not reuse an inode freed in the last 60 s, or in
        // the last 360 s while the block of the inode table that holds it is dirty (fs/ext4/ialloc.c,
        // RECENTCY_MIN and RECENTCY_DIRTY), and every new file scans past each such inode in its group.
        // A new run dirties those blocks again by creating files beside them, so only 360 s is safe. A
        // run started right after the previous run removed its 300,000 files spent 75 s instead of 40 s
        // of processor time creating the same pages, so a run first waits out that window (not on tmpfs).
        private static void SettleAfterRemoval()
        {
            if (new DriveInfo(Path.GetTempPath()).DriveFormat == "tmpfs")
            {
                return;
            }

            var since = File.Exists(RemovalMarker) ? DateTime.UtcNow - File.GetLastWriteTimeUtc(RemovalMarker) : TimeSpan.MaxValue;
            var window = TimeSpan.FromSeconds(365);
            if (since < window)
            {
                var wait = window - since;
                Console.WriteLine($"waiting {wait.TotalSeconds:0} s: inodes freed by the previous run are in the file system's reuse window (60 s, 360 s while their block is dirty)");
                Thread.Sleep(wait);
            }
        }

        public static double PeakMiB()
        {
            using var process = Process.GetCurrentProcess();
            process.Refresh();
            return process.PeakWorkingSet64 / 1024.0 / 1024.0;
        }

        /// <summary>Garbage collections so far, by generation, and the time the program was paused for them.</summary>
        public static string GcSummary() =>
            $"gc: gen0 {GC.CollectionCount(0)}, gen1 {GC.CollectionCount(1)}, gen2 {GC.CollectionCount(2)}, paused {GC.GetTotalPauseDuration().TotalMilliseconds:0} ms, allocated {Size(GC.GetTotalAllocatedBytes())}";

        public static string Size(long bytes) => bytes >= 1 << 30 ? $"{bytes / (double)(1 << 30):0.00} GiB" : $"{bytes / (double)(1 << 20):0.0} MiB";

        public static long FolderSize(string folder) => Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);

        public static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p / 100 * sorted.Count) - 1)];

        public static void WriteSiteConfig(string root)
        {
            Directory.CreateDirectory(Path.Combine(root, "input"));
            File.Copy(Path.Combine(RepositoryRoot(), "input", "site.yaml"), Path.Combine(root, "input", "site.yaml"));
            // The sample's site.yaml names its logo (checked by the build).
            Directory.CreateDirectory(Path.Combine(root, "content", "images"));
            File.Copy(Path.Combine(RepositoryRoot(), "content", "images", "logo.png"), Path.Combine(root, "content", "images", "logo.png"));
        }

        public static string Yaml(string value) => "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

        public static StringBuilder Line(this StringBuilder builder, string text) => builder.Append(text).Append('\n');
    }
}
