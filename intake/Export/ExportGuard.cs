using System.Threading.RateLimiting;

namespace Site.Intake.Export;

/// <summary>
/// Wrong export tokens per client address: after <see cref="FailuresAllowed"/> in a sliding
/// <see cref="Window"/>, wrong tokens from that address are refused (429) until the window has moved on.
/// Right tokens are not counted, and the callers let them through a lockout.
/// </summary>
public sealed class ExportGuard : IDisposable
{
    public const int FailuresAllowed = 10;

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    private readonly PartitionedRateLimiter<string> _failures = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetSlidingWindowLimiter(address, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = FailuresAllowed,
            Window = Window,
            SegmentsPerWindow = 10,
            QueueLimit = 0,
        }));

    /// <summary>True while the address has failures left (asking takes none).</summary>
    public bool MayTry(string address)
    {
        using var lease = _failures.AttemptAcquire(address, 0);
        return lease.IsAcquired;
    }

    public void Failed(string address) => _failures.AttemptAcquire(address).Dispose();

    public void Dispose() => _failures.Dispose();
}
