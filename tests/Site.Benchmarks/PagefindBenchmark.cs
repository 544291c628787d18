using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Site.Generator.Build;
using Site.Generator.Diagnostics;
using Site.Generator.Indexing;
using Site.Generator.Linking;
using Site.Generator.Loading;
using Site.Generator.Validation;
using Site.Search;

namespace Site.Benchmarks;

/// <summary>
/// `pagefind --stories N --pairs P`: this generator's search index against Pagefind 1.x on the same
/// pages (issue #23: the index build at least 5× faster than Pagefind). <see cref="BuildBenchmark"/>'s
/// synthetic stories are built once with `site build` (untimed); then each round runs, as separate
/// processes in alternating order:
/// <list type="bullet">
/// <item>`index-only`: this program loading the same content the way the build does (load, validate,
/// link) and writing the site's search index from it (SearchDocuments.From, SearchIndexWriter.Write:
/// what the build's index step does, from scratch, bigram and SmartCn word fields included, Markdown
/// converted to plain text by the step itself); the process from start to exit, and the index step
/// alone as it prints it;</item>
/// <item>Pagefind (the binary the npm package `pagefind` ships, `pagefind_extended`, which segments
/// Chinese) indexing the HTML that build wrote, every page's &lt;body&gt; (the theme marks no
/// data-pagefind-body), into a folder outside the site.</item>
/// </list>
/// Each run prints the load average before it, wall and processor time, peak resident memory and the
/// index's size on disk; each round prints Pagefind's figures over ours. Pagefind is installed with npm
/// into a tool folder under the temp folder (never into the repository); `--pagefind PATH` names a
/// binary instead. Without npm or the package the command prints PAGEFIND ABSENT and stops.
/// </summary>
internal static partial class PagefindBenchmark
{
    public static int Run(int stories, int pairs, string? pagefindPath, int warmUps)
    {
        var pagefind = pagefindPath ?? Install();
        if (pagefind is null)
        {
            return 1;
        }

        var site = VersusBenchmark.GeneratorExecutable(null);
        Console.WriteLine($"generator: {site}");
        Console.WriteLine($"pagefind: {pagefind} ({VersusBenchmark.Capture(pagefind, "--version").Trim()})");
        var (self, selfArguments) = Self();
        var root = Bench.TempFolder("pagefind");
        try
        {
            var write = Stopwatch.StartNew();
            BuildBenchmark.Generate(root, stories);
            Console.WriteLine($"input: {stories:N0} stories, {Bench.Size(Bench.FolderSize(Path.Combine(root, "content")))} of Markdown (written in {write.Elapsed.TotalSeconds:0.0} s)");

            var siteOut = Path.Combine(root, "out-site");
            var build = VersusBenchmark.Measure(site, ["build", "--root", root, "--out", siteOut, "--timings"], siteOut);
            VersusBenchmark.Report("site build, untimed (the HTML Pagefind indexes)", build);
            if (build.Exit != 0)
            {
                return 1;
            }

            var htmlFiles = Directory.EnumerateFiles(siteOut, "*.html", SearchOption.AllDirectories).Count();
            Console.WriteLine($"built site: {htmlFiles:N0} HTML files, {Bench.Size(Bench.FolderSize(siteOut))}");

            var ourIndex = Path.Combine(root, "index-site");
            var theirIndex = Path.Combine(root, "index-pagefind");
            VersusBenchmark.Run RunSite() => VersusBenchmark.Measure(self, [.. selfArguments, "index-only", "--root", root, "--index", ourIndex], ourIndex);
            VersusBenchmark.Run RunPagefind() => VersusBenchmark.Measure(pagefind, ["--site", siteOut, "--output-path", theirIndex], theirIndex);

            for (var i = 0; i < warmUps; i++)
            {
                Print("warm-up site index", RunSite(), ourIndex);
                Print("warm-up pagefind", RunPagefind(), theirIndex);
            }

            var ours = new List<(VersusBenchmark.Run Run, long Size)>();
            var theirs = new List<(VersusBenchmark.Run Run, long Size)>();
            for (var pair = 1; pair <= pairs; pair++)
            {
                // Odd rounds start with ours, even rounds with Pagefind: a burst of load falls on both.
                (VersusBenchmark.Run Run, long Size) a, b;
                if (pair % 2 == 1)
                {
                    a = Print($"round {pair} site index", RunSite(), ourIndex);
                    b = Print($"round {pair} pagefind", RunPagefind(), theirIndex);
                }
                else
                {
                    b = Print($"round {pair} pagefind", RunPagefind(), theirIndex);
                    a = Print($"round {pair} site index", RunSite(), ourIndex);
                }

                ours.Add(a);
                theirs.Add(b);
                var step = a.Run.Steps.GetValueOrDefault("index");
                Console.WriteLine($"round {pair} pagefind/site: process wall {b.Run.Wall / a.Run.Wall:0.00}×, processor {b.Run.Cpu / a.Run.Cpu:0.00}×; " +
                    $"against the index step alone: wall {b.Run.Wall * 1000 / step.Ms:0.00}×, processor {b.Run.Cpu * 1000 / step.CpuMs:0.00}×; " +
                    $"peak memory {b.Run.PeakMiB / a.Run.PeakMiB:0.00}×, size on disk {(double)b.Size / a.Size:0.00}×");
            }

            Console.WriteLine();
            Console.WriteLine($"summary, {stories:N0} stories, {pairs} rounds (each run's load average is above):");
            Console.WriteLine($"  site index-only process: wall {VersusBenchmark.Range(ours.Select(r => r.Run.Wall))} s, processor {VersusBenchmark.Range(ours.Select(r => r.Run.Cpu))} s, " +
                $"peak {VersusBenchmark.Range(ours.Select(r => r.Run.PeakMiB), "0")} MiB, index {VersusBenchmark.Range(ours.Select(r => r.Size / 1048576.0), "0.0")} MiB");
            Console.WriteLine($"    its index step: wall {VersusBenchmark.Range(ours.Select(r => r.Run.Steps.GetValueOrDefault("index").Ms / 1000))} s, processor {VersusBenchmark.Range(ours.Select(r => r.Run.Steps.GetValueOrDefault("index").CpuMs / 1000))} s");
            Console.WriteLine($"  pagefind: wall {VersusBenchmark.Range(theirs.Select(r => r.Run.Wall))} s, processor {VersusBenchmark.Range(theirs.Select(r => r.Run.Cpu))} s, " +
                $"peak {VersusBenchmark.Range(theirs.Select(r => r.Run.PeakMiB), "0")} MiB, index {VersusBenchmark.Range(theirs.Select(r => r.Size / 1048576.0), "0.0")} MiB");
            Console.WriteLine($"  pagefind/site in the same round, whole process: wall {VersusBenchmark.Range(ours.Zip(theirs, (a, b) => b.Run.Wall / a.Run.Wall))}×, processor {VersusBenchmark.Range(ours.Zip(theirs, (a, b) => b.Run.Cpu / a.Run.Cpu))}×");
            Console.WriteLine($"  pagefind/site in the same round, index step: wall {VersusBenchmark.Range(ours.Zip(theirs, (a, b) => b.Run.Wall * 1000 / a.Run.Steps.GetValueOrDefault("index").Ms))}×, processor {VersusBenchmark.Range(ours.Zip(theirs, (a, b) => b.Run.Cpu * 1000 / a.Run.Steps.GetValueOrDefault("index").CpuMs))}×");
            return ours.Concat(theirs).All(r => r.Run.Exit == 0) ? 0 : 1;
        }
        finally
        {
            Bench.Remove(root);
        }
    }

    /// <summary>One run's line, and what each tool says it indexed (its own summary), checked against the site.</summary>
    private static (VersusBenchmark.Run Run, long Size) Print(string label, VersusBenchmark.Run run, string index)
    {
        var size = Directory.Exists(index) ? Bench.FolderSize(index) : 0;
        VersusBenchmark.Report($"{label} ({Bench.Size(size)} on disk)", run);
        var said = string.Join("; ", SummaryLine().Matches(run.Output).Select(m => m.Value.Trim()));
        if (said.Length > 0)
        {
            Console.WriteLine($"  it says: {said}");
        }

        return (run, size);
    }

    // Pagefind's own summary ("Found 11146 files matching **/*.{html}", "Indexed 11146 pages", …, the
    // data-pagefind-body notice) and index-only's ("documents: 10013").
    [GeneratedRegex(@"(Found \d+ files[^\n]*|Indexed \d+ (pages|words|languages?)|Did not find a data-pagefind-body[^\n]*|documents: \d+)")]
    private static partial Regex SummaryLine();

    /// <summary>
    /// Pagefind from npm, installed once into a tool folder under the temp folder (not the repository's
    /// dependencies); null, after saying PAGEFIND ABSENT, without npm or the package.
    /// </summary>
    private static string? Install()
    {
        var tool = Path.Combine(Path.GetTempPath(), "site-bench-pagefind");
        if (Binary(tool) is { } installed)
        {
            return installed;
        }

        var npm = VersusBenchmark.FindOnPath("npm");
        if (npm is null)
        {
            Console.WriteLine("PAGEFIND ABSENT: npm is not on PATH (Debian: apt-get install -y npm), so the npm package `pagefind` cannot be installed; or name a binary with --pagefind PATH.");
            return null;
        }

        Directory.CreateDirectory(tool);
        var start = new ProcessStartInfo(npm) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "install", "--prefix", tool, "--no-save", "--no-package-lock", "--no-audit", "--no-fund", "pagefind@1" })
        {
            start.ArgumentList.Add(argument);
        }

        Console.WriteLine($"installing Pagefind: npm install --prefix {tool} pagefind@1");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (Binary(tool) is { } binary)
        {
            return binary;
        }

        Console.WriteLine($"PAGEFIND ABSENT: `npm install pagefind@1` exited {process.ExitCode} without a Pagefind binary for this platform in {tool}.");
        Console.WriteLine((output.Result + error).Trim());
        return null;
    }

    /// <summary>
    /// The binary of the platform package (`@pagefind/linux-x64` and the like): pagefind_extended, the
    /// one `npx pagefind` runs, which segments Chinese; pagefind where a platform has no extended build.
    /// </summary>
    private static string? Binary(string tool)
    {
        var packages = Path.Combine(tool, "node_modules", "@pagefind");
        if (!Directory.Exists(packages))
        {
            return null;
        }

        var binaries = Directory.EnumerateDirectories(packages).Select(p => Path.Combine(p, "bin")).Where(Directory.Exists).ToList();
        return binaries.Select(b => Path.Combine(b, "pagefind_extended")).FirstOrDefault(File.Exists)
            ?? binaries.Select(b => Path.Combine(b, "pagefind")).FirstOrDefault(File.Exists);
    }

    /// <summary>This program as a child process: its apphost, or `dotnet` with its assembly.</summary>
    private static (string Executable, string[] Arguments) Self()
    {
        var process = Environment.ProcessPath!;
        return Path.GetFileNameWithoutExtension(process) == "dotnet"
            ? (process, [typeof(PagefindBenchmark).Assembly.Location])
            : (process, []);
    }

    /// <summary>
    /// `index-only --root DIR --index DIR`: the site's search index written from its content as the
    /// build does it, without rendering any page; prints each step as `build --timings` does.
    /// </summary>
    public static int IndexOnly(string root, string index)
    {
        var report = new BuildReport(new DiagnosticBag());
        var diagnostics = report.Diagnostics;
        var options = BuildOptions.For(root);
        var (content, input) = report.Time("load", () => (ContentLoader.Load(options.Root, diagnostics), InputLoader.Load(options.Root, diagnostics)));
        var validated = report.Time("validate", () => SiteValidator.Validate(content, input, diagnostics));
        var site = report.Time("link", () => SiteLinker.Link(validated, options.Now, diagnostics));
        if (diagnostics.HasErrors)
        {
            foreach (var diagnostic in diagnostics.Sorted().Take(20))
            {
                Console.Error.WriteLine(diagnostic);
            }

            return 1;
        }

        var documents = 0;
        report.Time("index", () =>
        {
            SearchIndexWriter.Write(index, SearchDocuments.From(site).Select(d =>
            {
                Interlocked.Increment(ref documents);
                return d;
            }));
            return 0;
        });
        Console.WriteLine($"documents: {documents.ToString(CultureInfo.InvariantCulture)}");
        Console.WriteLine($"steps: {report.SummaryWithCpu()}");
        return 0;
    }
}
