using System.Diagnostics;

namespace Site.Generator.Build;

/// <summary>
/// Tells the person waiting what a build is doing (Chinese, one line each): every step as it starts,
/// and while pages render, how many of them are done (at most one line a second, and the last).
/// `serve` shows it for its first build, the one that takes long on a large site.
/// </summary>
public sealed class BuildProgress(TextWriter output) : Rendering.IRenderProgress
{
    /// <summary>The pipeline's step names (<see cref="BuildReport.Time{T}"/>) → what the person reads.</summary>
    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        ["load"] = "加载内容（content/）",
        ["load-input"] = "加载数据（input/）",
        ["validate"] = "校验",
        ["link"] = "关联代表、家站点和记录",
        ["plan"] = "规划页面",
        ["index"] = "编制搜索索引（与渲染同时进行）",
        ["write"] = "写出其余文件",
        ["wait-index"] = "等待搜索索引完成",
        ["commit"] = "启用新版本",
    };

    private readonly object _gate = new();
    private int _total;
    private int _done;
    private long _lastPrinted;

    /// <summary>A step begins; steps without a label (render prints its own) print nothing.</summary>
    public void StepStarted(string step)
    {
        if (Labels.TryGetValue(step, out var label))
        {
            Print(label + "…");
        }
    }

    /// <summary>Rendering begins with <paramref name="total"/> pages (kept, unchanged pages count as done).</summary>
    public void PagesStarted(int total)
    {
        _total = total;
        _done = 0;
        _lastPrinted = Stopwatch.GetTimestamp();
        Print($"渲染 0/{total} 页…");
    }

    public void PageDone()
    {
        var done = Interlocked.Increment(ref _done);
        var last = Volatile.Read(ref _lastPrinted);
        if ((done == _total || Stopwatch.GetElapsedTime(last) >= TimeSpan.FromSeconds(1))
            && Interlocked.CompareExchange(ref _lastPrinted, Stopwatch.GetTimestamp(), last) == last)
        {
            Print($"渲染 {done}/{_total} 页");
        }
    }

    private void Print(string line)
    {
        lock (_gate)
        {
            output.WriteLine("  " + line);
        }
    }
}
