using System.Diagnostics;

namespace Site.Benchmarks;

/// <summary>
/// What the disk under the temp folder charges for the site's shape of output: a folder with a page
/// in it (a story or a deputy's profile at its pretty URL), and a page in a folder that exists already. Printed
/// as wall time and kernel time per item, three rounds, because this cost varies from run to run.
/// </summary>
internal static class FilesBenchmark
{
    public static int Run(int count)
    {
        var root = Bench.TempFolder("files");
        var page = new byte[12_000];
        try
        {
            Console.WriteLine($"{count:N0} items per round under {Path.GetTempPath()}");
            for (var round = 1; round <= 3; round++)
            {
                var folders = Path.Combine(root, $"folders{round}");
                Measure($"round {round}: folder + page", () =>
                {
                    for (var i = 0; i < count; i++)
                    {
                        var folder = Directory.CreateDirectory(Path.Combine(folders, $"d{i:D6}")).FullName;
                        File.WriteAllBytes(Path.Combine(folder, "index.html"), page);
                    }
                }, count);

                var flat = Directory.CreateDirectory(Path.Combine(root, $"flat{round}")).FullName;
                Measure($"round {round}: page in an existing folder", () =>
                {
                    for (var i = 0; i < count; i++)
                    {
                        File.WriteAllBytes(Path.Combine(flat, $"p{i:D6}.html"), page);
                    }
                }, count);
            }
        }
        finally
        {
            Bench.Remove(root);
        }

        return 0;
    }

    private static void Measure(string label, Action action, int count)
    {
        var process = Process.GetCurrentProcess();
        var kernel = process.PrivilegedProcessorTime;
        var clock = Stopwatch.StartNew();
        action();
        clock.Stop();
        process.Refresh();
        Console.WriteLine($"  {label,-42} {clock.Elapsed.TotalMicroseconds / count,7:F1} µs each, kernel {(process.PrivilegedProcessorTime - kernel).TotalMicroseconds / count,7:F1} µs");
    }
}
