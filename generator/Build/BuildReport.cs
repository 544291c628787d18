using System.Diagnostics;
using Site.Generator.Diagnostics;
using Site.Generator.Model;

namespace Site.Generator.Build;

/// <summary>What a build did: its diagnostics, the time each step took, and what it wrote.</summary>
public sealed class BuildReport(DiagnosticBag diagnostics)
{
    private readonly List<Step> _steps = [];
    private int _besideRunning;

    /// <param name="Cpu">Processor time the whole process spent meanwhile (all threads).</param>
    /// <param name="Allocated">Bytes the whole process allocated meanwhile: what the garbage collector has to clear.</param>
    /// <param name="Paused">Time the garbage collector stopped the program meanwhile.</param>
    /// <param name="Shared">The step ran while a step beside it was running, so the figures above are both steps'.</param>
    public readonly record struct Step(string Name, TimeSpan Elapsed, TimeSpan Cpu, long Allocated, TimeSpan Paused, bool Shared = false);

    public DiagnosticBag Diagnostics { get; } = diagnostics;

    /// <summary>Each step's wall time, processor time, allocations and garbage-collection pauses.</summary>
    public IReadOnlyList<Step> Steps => _steps;

    public SiteModel? Model { get; set; }

    /// <summary>Told each step's name as it starts.</summary>
    public BuildProgress? Progress { get; init; }

    /// <summary>Every page of the site.</summary>
    public int Pages { get; set; }

    /// <summary>Pages rendered by this build; the others were unchanged and kept (see <see cref="BuildCache"/>).</summary>
    public int PagesRendered { get; set; }

    /// <summary>Deputies' photos decoded and resized by this build (the others were kept from the previous one).</summary>
    public int PhotosEncoded { get; set; }

    public int FilesWritten { get; set; }

    public int FilesUnchanged { get; set; }

    public bool Succeeded => !Diagnostics.HasErrors;

    /// <summary>No signing key was configured: the manifest was signed with a key made for this run (local preview).</summary>
    public bool SigningKeyEphemeral { get; set; }

    /// <summary>Runs one named step and records how long it took; an exception comes out as a <see cref="BuildStepException"/> naming the step.</summary>
    public T Time<T>(string step, Func<T> action)
    {
        Progress?.StepStarted(step);
        var start = Meter.Start(Volatile.Read(ref _besideRunning) > 0);
        T result;
        try
        {
            result = action();
        }
        catch (Exception ex) when (Named(ex))
        {
            throw new BuildStepException(step, ex);
        }

        Add(start.Stop(step, Volatile.Read(ref _besideRunning) > 0));
        return result;
    }

    public async Task TimeAsync(string step, Func<Task> action)
    {
        Progress?.StepStarted(step);
        var start = Meter.Start(Volatile.Read(ref _besideRunning) > 0);
        try
        {
            await action();
        }
        catch (Exception ex) when (Named(ex))
        {
            throw new BuildStepException(step, ex);
        }

        Add(start.Stop(step, Volatile.Read(ref _besideRunning) > 0));
    }

    /// <summary>Cancellation stays cancellation, and a failure already named by an inner step keeps its name.</summary>
    private static bool Named(Exception ex) => ex is not OperationCanceledException and not BuildStepException;

    /// <summary>
    /// Starts a named step on the thread pool, beside the steps that follow; the caller awaits it.
    /// Steps that overlap it are marked <see cref="Step.Shared"/>.
    /// </summary>
    public Task TimeBeside(string step, Action action, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _besideRunning);
        Progress?.StepStarted(step);
        var start = Meter.Start(shared: true);
        return Task.Run(() =>
        {
            try
            {
                action();
            }
            catch (Exception ex) when (Named(ex))
            {
                throw new BuildStepException(step, ex);
            }
            finally
            {
                Interlocked.Decrement(ref _besideRunning);
                Add(start.Stop(step, shared: true));
            }
        }, cancellationToken);
    }

    private void Add(Step step)
    {
        lock (_steps)
        {
            _steps.Add(step);
        }
    }

    /// <summary>For people: each step's Chinese name and wall time (毫秒), as the build's last line shows them.</summary>
    public string Summary() =>
        string.Join("，", _steps.Select(s => $"{Label(s.Name)} {s.Elapsed.TotalMilliseconds:0} 毫秒"));

    /// <summary>A step's name in the Chinese summary; <see cref="SummaryWithCpu"/> keeps the English names benchmarks read.</summary>
    private static string Label(string step) => step switch
    {
        "load" => "加载",
        "validate" => "校验",
        "link" => "关联",
        "photos" => "检查照片",
        "plan" => "规划页面",
        "check-links" => "检查链接",
        "index" => "搜索索引",
        "render" => "渲染",
        "write" => "写出",
        "photos-write" => "写出照片",
        "sign" => "签名",
        "wait-index" => "等待索引",
        "commit" => "完成",
        _ => step,
    };

    /// <summary>For benchmarks: each step with its processor time, which shows how busy both cores were.</summary>
    public string SummaryWithCpu() =>
        string.Join(", ", _steps.Select(s => $"{s.Name} {s.Elapsed.TotalMilliseconds:0} ms (cpu{(s.Shared ? "*" : "")} {s.Cpu.TotalMilliseconds:0})"))
        + (_steps.Any(s => s.Shared) ? "; * overlapping steps: the processor time of both" : "");

    /// <summary>For benchmarks: what each step allocated and how long collecting it paused the program.</summary>
    public string SummaryWithGc() =>
        string.Join(", ", _steps.Where(s => s.Allocated >= 1 << 20).Select(s => $"{s.Name}{(s.Shared ? "*" : "")} {s.Allocated / (double)(1 << 20):0} MiB (paused {s.Paused.TotalMilliseconds:0} ms)"));

    private readonly record struct Meter(long Timestamp, TimeSpan Cpu, long Allocated, TimeSpan Paused, bool Shared)
    {
        public static Meter Start(bool shared) => new(Stopwatch.GetTimestamp(), Environment.CpuUsage.TotalTime, GC.GetTotalAllocatedBytes(), GC.GetTotalPauseDuration(), shared);

        public Step Stop(string name, bool shared) => new(
            name,
            Stopwatch.GetElapsedTime(Timestamp),
            Environment.CpuUsage.TotalTime - Cpu,
            GC.GetTotalAllocatedBytes() - Allocated,
            GC.GetTotalPauseDuration() - Paused,
            Shared || shared);
    }
}
