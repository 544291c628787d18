using System.Globalization;
using Site.Theme.ViewModels;

namespace Site.Intake.Submissions;

/// <summary>
/// How a submission endpoint says no: a browser that posted a plain form gets a page in the site's
/// layout, a script gets problem JSON (RFC 9457) with the same Chinese sentence in title and detail.
/// </summary>
public static class SubmissionAnswers
{
    /// <summary>The problem type of a 429 (RFC 6585 section 4 defines the status; ASP.NET Core has no default for it).</summary>
    public const string TooManyRequestsType = "https://www.rfc-editor.org/rfc/rfc6585#section-4";

    /// <summary>
    /// The problem, as the caller asked for it; <paramref name="retryAfter"/> sets Retry-After (seconds).
    /// The page's heading names the kind of submission from the endpoint's <see cref="SubmissionKind"/>
    /// (意见未提交, 留言未提交); <paramref name="back"/> is where its link goes.
    /// </summary>
    public static async Task<IResult> RefuseAsync(
        HttpContext http, int status, string detail, int? retryAfter = null,
        IReadOnlyList<string>? details = null, CommentFormView? form = null, Dictionary<string, object?>? extensions = null,
        MessageFormView? messageForm = null, Crumb? back = null)
    {
        if (retryAfter is { } seconds)
        {
            http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }

        if (http.Request.HasFormContentType)
        {
            var pages = http.RequestServices.GetRequiredService<SubmissionPages>();
            var kind = http.GetEndpoint()?.Metadata.GetMetadata<SubmissionKind>();
            var noun = kind?.Noun ?? "意见";
            return await pages.RefusedAsync(status >= 500 ? "暂时无法提交" : $"{noun}未提交", detail, details ?? [], status, form, back, messageForm, kind?.Section);
        }

        return TypedResults.Problem(detail: detail, statusCode: status, title: detail, extensions: extensions,
            type: status == StatusCodes.Status429TooManyRequests ? TooManyRequestsType : null);
    }
}

/// <summary>Endpoint metadata: what the endpoint takes, as its refusal pages name it (意见, 留言).</summary>
/// <param name="Section">The site section its refusal pages sit under (代表 /deputies/, 家站点 /stations/); null: 征求意见 /drafts/.</param>
public sealed record SubmissionKind(string Noun, Crumb? Section = null);

/// <summary>
/// Refuses a post made from another site's page (the browser says where it came from): the site's
/// own origin, and those in Intake:AllowedOrigins, may post. Runs before the rate limit, so refused
/// cross-site posts never use up a real visitor's quota.
/// </summary>
public sealed class SameOriginFilter(Microsoft.Extensions.Options.IOptions<IntakeOptions> options) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        IsSameOrigin(context.HttpContext, options.Value.AllowedOrigins)
            ? await next(context)
            : await SubmissionAnswers.RefuseAsync(context.HttpContext, StatusCodes.Status403Forbidden, "不接受来自其他网站的提交");

    /// <summary>
    /// Sec-Fetch-Site cross-site is refused; an Origin header must name this host (as the request,
    /// or a trusted proxy's X-Forwarded-Host, gives it) or an allowed origin; "null" is refused.
    /// Without Origin, a Referer is held to the same rule (its scheme and host as the origin); with
    /// neither (old browsers, scripts) the post passes.
    /// </summary>
    public static bool IsSameOrigin(HttpContext http, IReadOnlyCollection<string> allowed)
    {
        if (http.Request.Headers["Sec-Fetch-Site"].FirstOrDefault() is "cross-site")
        {
            return false;
        }

        var origin = http.Request.Headers.Origin.FirstOrDefault();
        if (string.IsNullOrEmpty(origin))
        {
            var referer = http.Request.Headers.Referer.FirstOrDefault();
            if (string.IsNullOrEmpty(referer))
            {
                return true;
            }

            if (!Uri.TryCreate(referer, UriKind.Absolute, out var page) || page.Scheme is not ("http" or "https"))
            {
                return false;
            }

            origin = page.GetLeftPart(UriPartial.Authority);
        }

        if (origin == "null")
        {
            return false;
        }

        return Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            && (string.Equals(uri.Authority, http.Request.Host.Value, StringComparison.OrdinalIgnoreCase)
                || allowed.Contains(origin.TrimEnd('/'), StringComparer.OrdinalIgnoreCase));
    }
}
