using System.Threading.RateLimiting;

namespace Site.Intake.Export;

/// <summary>
/// Wrong staff tokens per client (an IPv4 address or an IPv6 /64): after <see cref="FailuresAllowed"/>
/// in a sliding <see cref="Window"/>, every token from that client is refused (429), the right one
/// too, until the window has moved on. Were the right token let through a lockout, a guesser would
/// go on guessing at full speed and learn the token by the one answer that is not 429; so a lucky
/// guess during a lockout gets nothing. The price: someone guessing behind the staff's own address
/// (the office's NAT) keeps them out for up to <see cref="Window"/>; `site export` and
/// `site messages export` on the server need no token. Right tokens are not counted, and neither is a
/// request with no token at all (a link opened in a browser).
/// </summary>
public sealed class ExportGuard : IDisposable
{
    public const int FailuresAllowed = 10;

    /// <summary>The Chinese answer while a client is locked out.</summary>
    public const string LockedOut = "令牌错误次数过多，本网络暂时不能导出或导入（10 分钟内不再接受任何令牌）。请稍后再试，或在服务器上用 site export、site messages export、site messages import 办理";

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
