using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Site.Intake.Http;

/// <summary>
/// X-Forwarded-For/-Proto/-Host are believed only from the proxies in Intake:KnownProxies (addresses
/// such as 10.0.0.5, or networks such as 10.0.0.0/8); from anyone else they are ignored, so a client
/// cannot pick its own address to dodge the rate limit. With none configured the middleware is not
/// used at all: ForwardedHeadersOptions with empty lists would believe every sender.
/// </summary>
public static class ProxySetup
{
    public static IApplicationBuilder UseKnownProxies(this IApplicationBuilder app, IReadOnlyList<string> knownProxies)
    {
        if (knownProxies.Any(p => !string.IsNullOrWhiteSpace(p)))
        {
            app.UseForwardedHeaders(Options(knownProxies));
        }

        return app;
    }

    public static ForwardedHeadersOptions Options(IReadOnlyList<string> knownProxies)
    {
        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost,
            ForwardLimit = 1,
        };
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
#pragma warning disable ASPDEPR005 // the obsolete list still defaults to loopback, and the middleware still reads it
        options.KnownNetworks.Clear();
#pragma warning restore ASPDEPR005
        foreach (var entry in knownProxies.Select(p => p.Trim()).Where(p => p.Length > 0))
        {
            if (entry.Contains('/', StringComparison.Ordinal))
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(entry));
            }
            else
            {
                options.KnownProxies.Add(IPAddress.Parse(entry));
            }
        }

        return options;
    }
}
