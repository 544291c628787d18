namespace Site.Intake.Http;

/// <summary>
/// The security headers the site is served with, the same as netlify.toml sets for "/*" (a test
/// compares the two): on every answer of the endpoint and of `serve`, pages, files and API alike.
/// </summary>
public static class SecurityHeaders
{
    public static readonly IReadOnlyDictionary<string, string> Values = new Dictionary<string, string>
    {
        ["X-Content-Type-Options"] = "nosniff",
        ["X-Frame-Options"] = "DENY",
        ["Referrer-Policy"] = "strict-origin-when-cross-origin",
        ["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()",
        ["Content-Security-Policy"] = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'",
    };

    /// <summary>Sent only over HTTPS (a browser ignores it on plain HTTP); netlify.toml sets the same.</summary>
    public const string StrictTransportSecurity = "max-age=31536000; includeSubDomains";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            foreach (var (name, value) in Values)
            {
                headers.TryAdd(name, value);
            }

            if (context.Request.IsHttps)
            {
                headers.TryAdd("Strict-Transport-Security", StrictTransportSecurity);
            }

            return Task.CompletedTask;
        });
        return next(context);
    });
}
