using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace Site.Benchmarks;

/// <summary>
/// What the process allocates, by type: the runtime reports a sampled allocation about every 100 KB
/// (GCAllocationTick), naming the type that crossed the mark. Enough to see which types dominate a
/// build's gigabytes; nothing finer (no call stacks).
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private readonly ConcurrentDictionary<string, long> _bytesByType = new();

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(source, EventLevel.Verbose, GcKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (e.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) != true || e.PayloadNames is not { } names)
        {
            return;
        }

        var type = e.Payload![names.IndexOf("TypeName")] as string ?? "?";
        var amount = Convert.ToInt64(e.Payload[names.IndexOf("AllocationAmount64")], System.Globalization.CultureInfo.InvariantCulture);
        _bytesByType.AddOrUpdate(type, amount, (_, total) => total + amount);
    }

    public void Print(int top)
    {
        var total = Math.Max(1, _bytesByType.Values.Sum());
        Console.WriteLine($"allocations by type (sampled, {Bench.Size(total)} seen), top {top}:");
        foreach (var (type, bytes) in _bytesByType.OrderByDescending(kv => kv.Value).Take(top))
        {
            Console.WriteLine($"  {100.0 * bytes / total,5:0.0} %  {Bench.Size(bytes),10}  {type}");
        }
    }
}
