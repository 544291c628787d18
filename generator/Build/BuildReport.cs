using System.Diagnostics;
using Site.Generator.Diagnostics;
using Site.Generator.Model;

namespace Site.Generator.Build;

/// <summary>What a build did: its diagnostics, the time each step took, and what it wrote.</summary>
public sealed class BuildReport(DiagnosticBag diagnostics)
{
    private readonly List<Step> _steps = [];

    /// <param name="Cpu">Processor time the whole process spent meanwhile (all threads).</param>
    /// <param name="Allocated">Bytes the whole process allocated meanwhile: what the garbage collector has to clear.</param>
    /// <param name="Paused">Time the garbage collector stopped the program meanwhile.</param>
    public readonly record struct Step(string Name, TimeSpan Elapsed, TimeSpan Cpu, long Allocated, TimeSpan Paused);

    public DiagnosticBag Diagnostics { get; } = diagnostics;

    /// <summary>Each step's wall time, processor time, allocations and garbage-collection pauses.</summary>
    public IReadOnlyList<Step> Steps => _steps;

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
        var start = Meter.Start();
        var result = action();
        _steps.Add(start.Stop(step));
        return result;
    }

    public async Task TimeAsync(string step, Func<Task> action)
    {
        var start = Meter.Start();
        await action();
        _steps.Add(start.Stop(step));
    }

    public string Summary() =>
        string.Join("，", _steps.Select(s => $"{s.Name} {s.Elapsed.TotalMilliseconds:0} ms"));

    /// <summary>For benchmarks: each step with its processor time, which shows how busy both cores were.</summary>
    public string SummaryWithCpu() =>
        string.Join(", ", _steps.Select(s => $"{s.Name} {s.Elapsed.TotalMilliseconds:0} ms (cpu {s.Cpu.TotalMilliseconds:0})"));

    /// <summary>For benchmarks: what each step allocated and how long collecting it paused the program.</summary>
    public string SummaryWithGc() =>
        string.Join(", ", _steps.Where(s => s.Allocated >= 1 << 20).Select(s => $"{s.Name} {s.Allocated / (double)(1 << 20):0} MiB (paused {s.Paused.TotalMilliseconds:0} ms)"));

    private readonly record struct Meter(long Timestamp, TimeSpan Cpu, long Allocated, TimeSpan Paused)
    {
        public static Meter Start() => new(Stopwatch.GetTimestamp(), Environment.CpuUsage.TotalTime, GC.GetTotalAllocatedBytes(), GC.GetTotalPauseDuration());

        public Step Stop(string name) => new(
            name,
            Stopwatch.GetElapsedTime(Timestamp),
            Environment.CpuUsage.TotalTime - Cpu,
            GC.GetTotalAllocatedBytes() - Allocated,
            GC.GetTotalPauseDuration() - Paused);
    }
}
