namespace Site.Intake.Submissions;

/// <summary>
/// A store that fails (disk full, read-only file, a lock held, PostgreSQL down or its pool busy)
/// answers 503 with a Chinese problem and Retry-After, never a 500 with an empty body; the page's
/// script shows the sentence, and a plain form post gets a page. The exception is logged.
/// </summary>
public sealed class StoreUnavailableFilter(ILogger<StoreUnavailableFilter> log) : IEndpointFilter
{
    /// <summary>Seconds a client is asked to wait before trying again.</summary>
    public const int RetryAfterSeconds = 30;

    public const string Detail = "意见库暂时无法访问，您的意见没有保存。请稍后再试，您填写的内容仍在本页";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (Exception ex) when (!context.HttpContext.RequestAborted.IsCancellationRequested)
        {
            log.LogError(ex, "store failure on {Path}", context.HttpContext.Request.Path);
            return await SubmissionAnswers.RefuseAsync(context.HttpContext, StatusCodes.Status503ServiceUnavailable, "服务暂时无法访问，请稍后再试", RetryAfterSeconds);
        }
    }
}
