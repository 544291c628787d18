using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Site.Intake.Submissions;

/// <summary>
/// Posts per client (an IPv4 address, an IPv6 /64: <see cref="ClientKey"/>): a sliding window of one minute in six steps (Intake:PostsPerMinute),
/// so no burst at a window's edge doubles the allowance. The address is the connecting one, or the
/// visitor's as a proxy in Intake:KnownProxies forwards it (UseIntake). Only posts that got past the
/// origin check are counted: a filter, not middleware, so it runs after <see cref="SameOriginFilter"/>.
/// </summary>
public sealed class SubmissionRateLimit(IOptions<IntakeOptions> options)
    : AddressRateLimit(options.Value.PostsPerMinute, "提交过于频繁，请稍等一分钟再试")
{
    /// <summary>The client's address as the partition key (<see cref="ClientKey"/>).</summary>
    public static string ClientAddress(HttpContext http) => ClientKey(http.Connection.RemoteIpAddress);

    /// <summary>
    /// Who a client is for the limits: an IPv4 address as it is ("203.0.113.5"), an IPv6 address by its
    /// /64 prefix ("2001:db8:1:2::/64"). A carrier gives one phone or one home a whole /64 (RFC 7934,
    /// and the privacy addresses of RFC 8981 change within it), so keying by the full address would
    /// give one visitor 2^64 allowances. An IPv4 address a dual-stack socket reports as ::ffff:a.b.c.d
    /// is keyed as the IPv4 address, not as a /64 that every IPv4 client would share.
    /// </summary>
    public static string ClientKey(System.Net.IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new System.Net.IPAddress(bytes) + "/64";
    }
}

/// <summary>
/// Receipt lookups that find nothing (400 or 404), per client address (Intake:LookupsPerMinute), so
/// nobody can try receipt numbers in bulk; the numbers are random (<see cref="Storage.ReceiptNumbers"/>),
/// this bounds the guessing. Only misses count: people behind one address (a station's Wi-Fi, a
/// carrier's NAT) looking up their real receipts, or landing on the receipt after a form post, do not
/// use up the limit. Once misses have used it up, every lookup from the address is refused until the
/// window moves on, real receipts too, or a guesser would still learn hits at full speed. Over the
/// limit: 429, as a page for the no-JS lookup.
/// </summary>
public sealed class LookupRateLimit(IOptions<IntakeOptions> options) : IEndpointFilter, IDisposable
{
    public const string TooMany = "查询过于频繁：这个网络一分钟内查了太多不存在的编号，请稍等一分钟再试";

    private readonly PartitionedRateLimiter<string> _misses = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetSlidingWindowLimiter(address, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, options.Value.LookupsPerMinute),
            Window = TimeSpan.FromMinutes(1),
            SegmentsPerWindow = 6,
            QueueLimit = 0,
        }));

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var address = SubmissionRateLimit.ClientAddress(http);
        if (_misses.GetStatistics(address)?.CurrentAvailablePermits is 0)
        {
            http.Response.Headers.RetryAfter = "60";
            if (http.Request.Path.Value?.EndsWith("/lookup", StringComparison.Ordinal) == true)
            {
                var pages = http.RequestServices.GetRequiredService<SubmissionPages>();
                return await pages.ReceiptAsync(new Theme.ViewModels.ReceiptPage(SubmissionPages.ReceiptMeta("查询回执"), null, null, TooMany), StatusCodes.Status429TooManyRequests);
            }

            return await SubmissionAnswers.RefuseAsync(http, StatusCodes.Status429TooManyRequests, TooMany);
        }

        var result = await next(context);
        if (result is Microsoft.AspNetCore.Http.IStatusCodeHttpResult { StatusCode: StatusCodes.Status400BadRequest or StatusCodes.Status404NotFound })
        {
            _misses.AttemptAcquire(address).Dispose();
        }

        return result;
    }

    public void Dispose() => _misses.Dispose();
}

/// <summary>
/// A sliding window of one minute in six steps per client address; a request over
/// <paramref name="perMinute"/> answers 429 with <paramref name="detail"/> and Retry-After.
/// </summary>
public abstract class AddressRateLimit(int perMinute, string detail) : IEndpointFilter, IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetSlidingWindowLimiter(address, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, perMinute),
            Window = TimeSpan.FromMinutes(1),
            SegmentsPerWindow = 6,
            QueueLimit = 0,
        }));

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        using var lease = _limiter.AttemptAcquire(SubmissionRateLimit.ClientAddress(http));
        if (!lease.IsAcquired)
        {
            return await SubmissionAnswers.RefuseAsync(http, StatusCodes.Status429TooManyRequests, detail, retryAfter: 10);
        }

        return await next(context);
    }

    public void Dispose() => _limiter.Dispose();
}
