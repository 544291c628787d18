using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Site.Benchmarks;

/// <summary>
/// `versus --stories N --pairs P`: this generator's `site build` and Hugo's `hugo`, each as its own
/// process from start to exit, on the same synthetic Chinese stories (<see cref="BuildBenchmark"/>'s
/// corpus; Hugo gets the same Markdown files with a small theme of its own: a page per story, paged
/// lists for home, the section, every column and tag, RSS and a sitemap). The runs alternate which
/// tool goes first, so a burst of load from the other engineers falls on both; every run prints the
/// load average before it, its wall and processor time, and each generator step (`build --timings`),
/// so a slower figure names its step. Without Hugo on PATH it says so and times the generator alone.
///
/// `--generator PATH` times another build of the generator (a ReadyToRun publish, say) instead of
/// the one `dotnet build` left in generator/bin.
///
/// `sample --runs R`: the bundled sample site (this repository's content/ and input/) built R times
/// from process start to exit, then `serve` timed from process start to its first answer.
/// </summary>
internal static partial class VersusBenchmark
{
    /// <param name="variants">
    /// Runtime settings to compare, "|" between variants and "," between the environment variables of
    /// one ("default" for none), e.g. <c>default|DOTNET_TC_QuickJit=1</c>: every round runs each variant
    /// and Hugo once, in an order that rotates from round to round.
    /// </param>
    public static async Task<int> RunAsync(int stories, int pairs, string? variants = null, string? generator = null, int warmUps = 1)
    {
        var site = GeneratorExecutable(generator);
        var hugo = FindOnPath("hugo");
        Console.WriteLine($"generator: {site}");
        Console.WriteLine(hugo is null
            ? "HUGO ABSENT: `hugo` is not on PATH (Debian: apt-get install -y hugo); timing the generator alone, no ratios."
            : $"hugo: {hugo} ({Capture(hugo, "version").Trim()})");
        var settings = Variants(variants, site);

        var root = Bench.TempFolder("versus");
        try
        {
            var write = Stopwatch.StartNew();
            BuildBenchmark.Generate(root, stories);
            var hugoRoot = Path.Combine(root, "hugo");
            WriteHugoSite(root, hugoRoot);
            Console.WriteLine($"input: {stories:N0} stories, {Bench.Size(Bench.FolderSize(Path.Combine(root, "content")))} of Markdown, for both (written in {write.Elapsed.TotalSeconds:0.0} s)");

            var siteOut = Path.Combine(root, "out-site");
            var hugoOut = Path.Combine(root, "out-hugo");
            var siteRuns = settings.Select(_ => new List<Run>()).ToList();
            var hugoRuns = new List<Run>();
            Run RunSite(int variant) => Measure(settings[variant].Generator, ["build", "--root", root, "--out", siteOut, "--timings"], siteOut, settings[variant].Environment);
            Run RunHugo() => Measure(hugo!, ["--source", hugoRoot, "--destination", hugoOut, "--quiet"], hugoOut);

            // One run of each first, unmeasured: both read their input from the page cache after it.
            // (`--warm-up 0` leaves them out, for the largest sizes.)
            if (warmUps > 0)
            {
                var warmUp = RunSite(0);
                Report("warm-up site", warmUp);
                if (warmUp.Exit != 0)
                {
                    return 1;
                }

                if (hugo is not null)
                {
                    Report("warm-up hugo", RunHugo());
                }
            }

            // Entrants of a round: each variant (0..n-1) and Hugo (-1); round r starts r places further on.
            var entrants = Enumerable.Range(0, settings.Count).Concat(hugo is null ? [] : [-1]).ToList();
            for (var pair = 1; pair <= pairs; pair++)
            {
                var order = entrants.Skip((pair - 1) % entrants.Count).Concat(entrants.Take((pair - 1) % entrants.Count)).ToList();
                var round = new Dictionary<int, Run>();
                foreach (var entrant in order)
                {
                    var run = entrant < 0 ? RunHugo() : RunSite(entrant);
                    round[entrant] = run;
                    Report($"round {pair} {(entrant < 0 ? "hugo" : "site " + settings[entrant].Name)}", run);
                }

                for (var v = 0; v < settings.Count; v++)
                {
                    siteRuns[v].Add(round[v]);
                }

                if (round.TryGetValue(-1, out var h))
                {
                    hugoRuns.Add(h);
                    foreach (var (v, setting) in settings.Index())
                    {
                        Console.WriteLine($"round {pair} ratio site {setting.Name}/hugo: wall {round[v].Wall / h.Wall:0.00}, processor {round[v].Cpu / h.Cpu:0.00}");
                    }
                }
            }

            Console.WriteLine();
            Console.WriteLine($"summary, {stories:N0} stories, {pairs} rounds (wall figures are noisy on a shared machine; each run's load average is above):");
            foreach (var (v, setting) in settings.Index())
            {
                var runs = siteRuns[v];
                Console.WriteLine($"  site {setting.Name}: wall {Range(runs.Select(r => r.Wall))} s, processor {Range(runs.Select(r => r.Cpu))} s, peak {Range(runs.Select(r => r.PeakMiB), "0")} MiB, files {runs[^1].Files:N0}");
                if (hugoRuns.Count > 0)
                {
                    Console.WriteLine($"    ratio to hugo in the same round: wall {Range(runs.Zip(hugoRuns, (s, h) => s.Wall / h.Wall))}, processor {Range(runs.Zip(hugoRuns, (s, h) => s.Cpu / h.Cpu))}");
                }

                PrintSteps(runs);
            }

            if (hugoRuns.Count > 0)
            {
                Console.WriteLine($"  hugo: wall {Range(hugoRuns.Select(r => r.Wall))} s, processor {Range(hugoRuns.Select(r => r.Cpu))} s, peak {Range(hugoRuns.Select(r => r.PeakMiB), "0")} MiB, files {hugoRuns[^1].Files:N0}");
            }

            return siteRuns.All(runs => runs.All(r => r.Exit == 0)) && hugoRuns.All(r => r.Exit == 0) ? 0 : 1;
        }
        finally
        {
            Bench.Remove(root);
        }
    }

    public static async Task<int> SampleAsync(int runs, string? generator = null, string? variants = null)
    {
        var settings = Variants(variants, GeneratorExecutable(generator));
        var repository = Bench.RepositoryRoot();
        var output = Bench.TempFolder("sample");
        try
        {
            var siteOut = Path.Combine(output, "_site");
            var builds = settings.Select(_ => new List<Run>()).ToList();
            Run RunBuild(int variant) => Measure(settings[variant].Generator, ["build", "--root", repository, "--out", siteOut, "--timings"], siteOut, settings[variant].Environment);
            foreach (var (v, setting) in settings.Index())
            {
                Report($"warm-up build {setting.Name}", RunBuild(v));
            }

            // A fresh output folder each time (Measure removes it), as a first build on a new checkout;
            // the variants take turns, starting one place further on each round.
            for (var i = 1; i <= runs; i++)
            {
                for (var k = 0; k < settings.Count; k++)
                {
                    var v = (k + i - 1) % settings.Count;
                    var run = RunBuild(v);
                    builds[v].Add(run);
                    Report($"build {i} {settings[v].Name}", run);
                }
            }

            foreach (var (v, setting) in settings.Index())
            {
                Console.WriteLine($"sample build {setting.Name}: wall {Range(builds[v].Select(r => r.Wall))} s, processor {Range(builds[v].Select(r => r.Cpu))} s, peak {Range(builds[v].Select(r => r.PeakMiB), "0")} MiB");
                PrintSteps(builds[v]);
            }

            // serve: from process start to the first answer on /, then to the first built page.
            for (var i = 1; i <= Math.Min(runs, 3); i++)
            {
                foreach (var (v, setting) in settings.Index())
                {
                    var (first, built) = await ServeAsync(setting.Generator, setting.Environment, repository, Path.Combine(output, $"serve-{i}-{v}"));
                    Console.WriteLine($"serve {i} {setting.Name}: first answer {first:0.00} s, the built home page {built:0.00} s after start (load {LoadAverage()})");
                }
            }

            return builds.All(b => b.All(r => r.Exit == 0)) ? 0 : 1;
        }
        finally
        {
            Bench.Remove(output);
        }
    }

    /// <summary>
    /// "|" between variants, "," between the settings of one: environment variables (<c>DOTNET_TC_QuickJit=1</c>)
    /// and <c>generator=PATH</c>, another build of the generator for that variant (a ReadyToRun publish, say);
    /// "default" alone is the given generator with no variables.
    /// </summary>
    private static List<(string Name, string Generator, Dictionary<string, string> Environment)> Variants(string? variants, string generator) =>
        (variants ?? "default").Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(v =>
            {
                var pairs = v == "default" ? [] : v.Split(',', StringSplitOptions.TrimEntries).Select(e => e.Split('=', 2)).ToList();
                var path = pairs.FirstOrDefault(p => p[0] == "generator")?[1];
                return (Name: v, Generator: path is null ? generator : GeneratorExecutable(path), Environment: pairs.Where(p => p[0] != "generator").ToDictionary(p => p[0], p => p[1]));
            })
            .ToList();

    private static async Task<(double First, double Built)> ServeAsync(string site, IReadOnlyDictionary<string, string> environment, string root, string output)
    {
        var port = FreePort();
        var start = new ProcessStartInfo(site) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "serve", "--root", root, "--out", output, "--port", port.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        // The endpoint's files stay in the temp folder, not in the repository's .data/ and _intake/.
        start.Environment["Intake__DataPath"] = Path.Combine(output, "_intake");
        start.Environment["Intake__Sqlite"] = Path.Combine(output, "comments.db");
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        double first = double.NaN, built = double.NaN;
        try
        {
            while (clock.Elapsed < TimeSpan.FromMinutes(3) && double.IsNaN(built))
            {
                try
                {
                    using var answer = await client.GetAsync($"http://127.0.0.1:{port}/");
                    if (double.IsNaN(first))
                    {
                        first = clock.Elapsed.TotalSeconds;
                    }

                    if (answer.IsSuccessStatusCode)
                    {
                        built = clock.Elapsed.TotalSeconds;
                    }
                }
                catch (HttpRequestException)
                {
                }
                catch (TaskCanceledException)
                {
                }

                await Task.Delay(20);
            }
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        return (first, built);
    }

    /// <summary>One process from start to exit: wall and processor time (user + system, from the kernel's account of reaped children), peak resident memory, files in its output.</summary>
    internal readonly record struct Run(int Exit, double Wall, double Cpu, double PeakMiB, int Files, string Load, IReadOnlyDictionary<string, (double Ms, double CpuMs)> Steps, string Error, string Output);

    internal static Run Measure(string executable, string[] arguments, string output, IReadOnlyDictionary<string, string>? environment = null)
    {
        if (Directory.Exists(output))
        {
            Directory.Delete(output, recursive: true);
        }

        var load = LoadAverage();
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true };
        arguments.ToList().ForEach(start.ArgumentList.Add);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var before = ChildrenCpu();
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        double peak = 0;
        while (!process.WaitForExit(10))
        {
            peak = Math.Max(peak, HighWaterMiB(process.Id));
        }

        var wall = clock.Elapsed.TotalSeconds;
        process.WaitForExit();
        var cpu = ChildrenCpu() - before;
        var text = stdout.Result + stderr.Result;
        var files = Directory.Exists(output) ? Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories).Count() : 0;
        var steps = StepPattern().Matches(text).ToDictionary(
            m => m.Groups["name"].Value,
            m => (double.Parse(m.Groups["ms"].Value, CultureInfo.InvariantCulture), double.Parse(m.Groups["cpu"].Value, CultureInfo.InvariantCulture)));
        return new Run(process.ExitCode, wall, cpu, peak, files, load, steps, process.ExitCode == 0 ? "" : text, text);
    }

    [GeneratedRegex(@"(?<name>[a-z-]+) (?<ms>\d+) ms \(cpu\*? (?<cpu>\d+)\)")]
    private static partial Regex StepPattern();

    internal static void Report(string label, Run run)
    {
        var steps = run.Steps.Count == 0 ? "" : "; " + string.Join(", ", run.Steps.Select(s => $"{s.Key} {s.Value.Ms:0}/{s.Value.CpuMs:0}"));
        Console.WriteLine($"{label}: {run.Wall:0.00} s wall, {run.Cpu:0.00} s processor, peak {run.PeakMiB:0} MiB, {run.Files:N0} files, load {run.Load}{steps}");
        if (run.Exit != 0)
        {
            Console.WriteLine($"  exit {run.Exit}:\n{run.Error}");
        }
    }

    /// <summary>Each step's wall and processor milliseconds over the runs (the render and index run side by side, so their processor time overlaps).</summary>
    private static void PrintSteps(List<Run> runs)
    {
        var names = runs.SelectMany(r => r.Steps.Keys).Distinct().ToList();
        if (names.Count == 0)
        {
            return;
        }

        Console.WriteLine("  generator steps, wall ms / processor ms (min–max over the runs):");
        foreach (var name in names)
        {
            var values = runs.Where(r => r.Steps.ContainsKey(name)).Select(r => r.Steps[name]).ToList();
            Console.WriteLine($"    {name,-12} {Range(values.Select(v => v.Ms), "0")} / {Range(values.Select(v => v.CpuMs), "0")}");
        }
    }

    internal static string Range(IEnumerable<double> values, string format = "0.00")
    {
        var list = values.Order().ToList();
        if (list.Count == 0)
        {
            return "—";
        }

        var median = list[list.Count / 2];
        return list.Count == 1
            ? list[0].ToString(format, CultureInfo.InvariantCulture)
            : $"{list[0].ToString(format, CultureInfo.InvariantCulture)}–{list[^1].ToString(format, CultureInfo.InvariantCulture)} (median {median.ToString(format, CultureInfo.InvariantCulture)})";
    }

    /// <summary>The generator as `dotnet build` of this configuration left it, run through its own apphost (as `dotnet run` does).</summary>
    /// <param name="given">`--generator PATH`: another build of the generator, e.g. a ReadyToRun publish.</param>
    internal static string GeneratorExecutable(string? given)
    {
        if (given is not null)
        {
            return File.Exists(given) ? Path.GetFullPath(given) : throw new FileNotFoundException("--generator: no such file", given);
        }

        var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
        var path = Path.Combine(Bench.RepositoryRoot(), "generator", "bin", configuration, "net10.0", "site");
        if (!File.Exists(path))
        {
            Console.Error.WriteLine($"generator not built: {path} is missing (dotnet build -c {configuration} generator)");
            Environment.Exit(2);
        }

        return path;
    }

    internal static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, name)).FirstOrDefault(File.Exists);

    internal static string Capture(string executable, params string[] arguments)
    {
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true };
        arguments.ToList().ForEach(start.ArgumentList.Add);
        using var process = Process.Start(start)!;
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return text;
    }

    /// <summary>/proc/loadavg's 1-, 5- and 15-minute load averages.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static double HighWaterMiB(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? 0 : double.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024;
        }
        catch (IOException)
        {
            return 0;
        }
        catch (UnauthorizedAccessException)
        {
            return 0;
        }
    }

    // getrusage(RUSAGE_CHILDREN): the processor time of every child this process has waited for.
    private static double ChildrenCpu()
    {
        var usage = new RUsage();
        return GetRUsage(-1, ref usage) == 0 ? usage.UserSeconds + usage.UserMicros / 1e6 + usage.SystemSeconds + usage.SystemMicros / 1e6 : double.NaN;
    }

    [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential)]
    private struct RUsage
    {
        public long UserSeconds;
        public long UserMicros;
        public long SystemSeconds;
        public long SystemMicros;
        public long MaxRss, IxRss, IdRss, IsRss, MinFlt, MajFlt, NSwap, InBlock, OuBlock, MsgSnd, MsgRcv, NSignals, NvCsw, NivCsw;
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "getrusage")]
    private static extern int GetRUsage(int who, ref RUsage usage);

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// A Hugo site over the same stories: the Markdown is copied unchanged (Hugo reads title, date,
    /// tags and summary; `column` becomes a taxonomy as the generator's columns are sections of their own).
    /// </summary>
    private static void WriteHugoSite(string root, string hugoRoot)
    {
        CopyTree(Path.Combine(root, "content", "stories"), Path.Combine(hugoRoot, "content", "stories"));
        File.WriteAllText(Path.Combine(hugoRoot, "hugo.toml"), """
            baseURL = "https://rd.example.org/"
            languageCode = "zh-cn"
            defaultContentLanguage = "zh"
            hasCJKLanguage = true
            title = "湘潭县人大代表履职服务平台"
            paginate = 20
            [taxonomies]
              tag = "tags"
              column = "column"
            """);
        var layouts = Path.Combine(hugoRoot, "layouts", "_default");
        Directory.CreateDirectory(layouts);
        File.WriteAllText(Path.Combine(layouts, "baseof.html"), """
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{ .Title }} - {{ .Site.Title }}</title><meta name="description" content="{{ .Summary | plainify | truncate 120 }}"></head>
            <body><header><a href="/">{{ .Site.Title }}</a><nav>{{ range .Site.Taxonomies.column.ByCount }}<a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> {{ end }}</nav></header>
            <main>{{ block "main" . }}{{ end }}</main><footer>© {{ .Site.Title }}</footer></body></html>
            """);
        File.WriteAllText(Path.Combine(layouts, "single.html"), """
            {{ define "main" }}<article><h1>{{ .Title }}</h1>
            <p><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2006年1月2日" }}</time> {{ .Params.author }}
            {{ range .GetTerms "column" }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a>{{ end }}</p>
            {{ .TableOfContents }}{{ .Content }}
            <p>{{ range .GetTerms "tags" }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a> {{ end }}</p>
            <nav>{{ with .PrevInSection }}<a href="{{ .RelPermalink }}">上一篇：{{ .Title }}</a>{{ end }} {{ with .NextInSection }}<a href="{{ .RelPermalink }}">下一篇：{{ .Title }}</a>{{ end }}</nav>
            </article>{{ end }}
            """);
        File.WriteAllText(Path.Combine(layouts, "list.html"), """
            {{ define "main" }}<h1>{{ .Title }}</h1>
            <ul>{{ range .Paginator.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time>{{ .Date.Format "2006-01-02" }}</time><p>{{ .Summary | plainify | truncate 80 }}</p></li>{{ end }}</ul>
            {{ template "_internal/pagination.html" . }}{{ end }}
            """);
        File.WriteAllText(Path.Combine(layouts, "terms.html"), """
            {{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Data.Terms.ByCount }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> {{ .Count }}</li>{{ end }}</ul>{{ end }}
            """);
    }

    private static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
