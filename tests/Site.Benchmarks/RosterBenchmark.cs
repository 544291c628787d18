using System.Diagnostics;
using System.Text;
using Site.Generator.Build;

namespace Site.Benchmarks;

/// <summary>
/// A province-sized roster: N deputies (names drawn from ../shared/data/names by real surname and
/// given-name frequencies) and M stations, as the office's CSV exports, built into the whole site.
/// </summary>
internal static class RosterBenchmark
{
    public static async Task<int> RunAsync(int deputies, int stations)
    {
        var root = Bench.TempFolder("roster");
        try
        {
            Generate(root, deputies, stations);
            var options = BuildOptions.For(root) with { Now = new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.FromHours(8)) };
            var clock = Stopwatch.StartNew();
            var report = await BuildPipeline.RunAsync(options, CancellationToken.None);
            Console.WriteLine($"{deputies:N0} deputies, {stations:N0} stations: {clock.Elapsed.TotalSeconds:0.00} s wall, peak working set {Bench.PeakMiB():0} MiB, {report.Pages:N0} pages, {report.FilesWritten:N0} files, errors: {report.Diagnostics.Sorted().Count(d => d.Severity == Site.Generator.Diagnostics.Severity.Error)}");
            Console.WriteLine($"  steps: {report.SummaryWithCpu()}");
            Console.WriteLine($"  allocated: {report.SummaryWithGc()}");
            Console.WriteLine($"  {Bench.GcSummary()}");
            return 0;
        }
        finally
        {
            Bench.Remove(root);
        }
    }

    private static void Generate(string root, int deputies, int stations)
    {
        Bench.WriteSiteConfig(root);
        var names = Bench.Shared("data", "names");
        var surnames = File.ReadLines(Path.Combine(names, "familyname.csv")).Skip(1).Select(l => l.Split(','))
            .Select(c => (Name: c[0].Trim('\uFEFF'), Weight: double.Parse(c[5], System.Globalization.CultureInfo.InvariantCulture))).Take(300).ToList();
        var given = File.ReadLines(Path.Combine(names, "givenname.csv")).Skip(1).Select(l => l.Split(',')).Select(c => c[0].Trim('\uFEFF')).Take(800).ToList();
        var random = new Random(42);
        var total = surnames.Sum(s => s.Weight);
        string Surname()
        {
            var pick = random.NextDouble() * total;
            foreach (var (name, weight) in surnames)
            {
                if ((pick -= weight) <= 0)
                {
                    return name;
                }
            }

            return surnames[0].Name;
        }

        var input = Path.Combine(root, "input");
        Directory.CreateDirectory(Path.Combine(input, "regions"));
        File.Copy(Path.Combine(Bench.RepositoryRoot(), "input", "regions", "xiangtan-county.csv"), Path.Combine(input, "regions", "regions.csv"));
        var towns = File.ReadLines(Path.Combine(input, "regions", "regions.csv")).Skip(1).Select(l => l.Split(','))
            .Where(c => c[3] == "town").Select(c => (Code: c[0], Name: c[1])).ToList();

        var stationCsv = new StringBuilder("编号,名称,类型,所在地区,地址,接待日\n");
        for (var i = 1; i <= stations; i++)
        {
            var town = towns[random.Next(towns.Count)];
            stationCsv.Append($"S{i:D5},{town.Name}第{i}代表联络站,代表联络站,{town.Code},{town.Name}人民路{i}号,{random.Next(1, 29)}\n");
        }

        Directory.CreateDirectory(Path.Combine(input, "stations"));
        File.WriteAllText(Path.Combine(input, "stations", "stations.csv"), stationCsv.ToString(), Encoding.UTF8);

        string[] levels = ["县", "县、乡", "乡", "市、县", "省"];
        var deputyCsv = new StringBuilder("代表编号,姓名,性别,民族,出生年月,层级,届次,选区,代表组,职务,所在联络站,所在地区\n");
        for (var i = 1; i <= deputies; i++)
        {
            var town = towns[random.Next(towns.Count)];
            var name = Surname() + given[random.Next(given.Count)] + (random.Next(3) == 0 ? "" : given[random.Next(given.Count)]);
            deputyCsv.Append($"D{i:D6},{name},{(random.Next(2) == 0 ? "男" : "女")},汉族,{1960 + random.Next(40)}.{random.Next(1, 13)},{levels[random.Next(levels.Length)]},第十八届,第{random.Next(1, 200)}选区,{town.Name[..2]}代表组,村党支部书记,S{random.Next(1, stations + 1):D5},{town.Code}\n");
        }

        Directory.CreateDirectory(Path.Combine(input, "deputies"));
        File.WriteAllText(Path.Combine(input, "deputies", "roster.csv"), deputyCsv.ToString(), Encoding.UTF8);
    }
}
