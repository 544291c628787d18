namespace Site.Intake.Submissions;

/// <summary>
/// A store that fails (disk full, read-only file, a lock held, PostgreSQL down or its pool busy)
/// answers 503 with a Chinese problem and Retry-After, never a 500 with an empty body; the page's
/// script shows the sentence, and a plain form post gets a page. The exception is logged. A request
/// whose body Kestrel refused (too slow, cut short) is the client's failure: its own status, not 503.
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
        catch (Microsoft.AspNetCore.Http.BadHttpRequestException ex) when (!context.HttpContext.RequestAborted.IsCancellationRequested)
        {
            // The client, not the store: a body sent too slowly (Kestrel's MinRequestBodyDataRate), cut
            // short or over a limit. Its own status (408, 400, 413), a Chinese sentence, a warning line.
            log.LogWarning("request body refused on {Path}: {Status} {Reason}", context.HttpContext.Request.Path, ex.StatusCode, ex.Message);
            var detail = ex.StatusCode switch
            {
                StatusCodes.Status408RequestTimeout => "内容发送得太慢，连接已超时，没有保存。请检查网络后重新提交，您填写的内容仍在本页",
                StatusCodes.Status413PayloadTooLarge => "提交的内容太大，没有保存",
                _ => "提交的内容不完整，没有保存。请重新提交，您填写的内容仍在本页",
            };
            return await SubmissionAnswers.RefuseAsync(context.HttpContext, ex.StatusCode, detail);
        }
        catch (Exception ex) when (!context.HttpContext.RequestAborted.IsCancellationRequested)
        {
            log.LogError(ex, "store failure on {Path}", context.HttpContext.Request.Path);
            return await SubmissionAnswers.RefuseAsync(context.HttpContext, StatusCodes.Status503ServiceUnavailable, "服务暂时无法访问，请稍后再试", RetryAfterSeconds);
        }
    }
}
