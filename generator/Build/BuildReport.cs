using System.Diagnostics;
using Site.Generator.Diagnostics;
using Site.Generator.Model;

namespace Site.Generator.Build;

/// <summary>What a build did: its diagnostics, the time each step took, and what it wrote.</summary>
public sealed class BuildReport(DiagnosticBag diagnostics)
{
    private readonly List<(string Step, TimeSpan Elapsed, TimeSpan Cpu)> _steps = [];

    public DiagnosticBag Diagnostics { get; } = diagnostics;

    /// <summary>Each step's wall time, and the processor time the whole process spent meanwhile (all threads).</summary>
    public IReadOnlyList<(string Step, TimeSpan Elapsed, TimeSpan Cpu)> Steps => _steps;

    public SiteModel? Model { get; set; }

    /// <summary>Every page of the site.</summary>
    public int Pages { get; set; }

    /// <summary>Pages rendered by this build; the others were unchanged and kept (see <see cref="BuildCache"/>).</summary>
    public int PagesRendered { get; set; }

    public int FilesWritten { get; set; }

    public int FilesUnchanged { get; set; }

    public bool Succeeded => !Diagnostics.HasErrors;

    /// <summary>Runs one named step and records how long it took.</summary>
    public T Time<T>(string step, Func<T> action)
    {
        var cpu = Environment.CpuUsage.TotalTime;
        var watch = Stopwatch.StartNew();
        var result = action();
        _steps.Add((step, watch.Elapsed, Environment.CpuUsage.TotalTime - cpu));
        return result;
    }

    public async Task TimeAsync(string step, Func<Task> action)
    {
        var cpu = Environment.CpuUsage.TotalTime;
        var watch = Stopwatch.StartNew();
        await action();
        _steps.Add((step, watch.Elapsed, Environment.CpuUsage.TotalTime - cpu));
    }

    public string Summary() =>
        string.Join("，", _steps.Select(s => $"{s.Step} {s.Elapsed.TotalMilliseconds:0} ms"));

    /// <summary>For benchmarks: each step with its processor time, which shows how busy both cores were.</summary>
    public string SummaryWithCpu() =>
        string.Join(", ", _steps.Select(s => $"{s.Step} {s.Elapsed.TotalMilliseconds:0} ms (cpu {s.Cpu.TotalMilliseconds:0})"));
}
