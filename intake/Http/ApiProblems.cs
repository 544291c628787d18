using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing.Template;

namespace Site.Intake.Http;

/// <summary>
/// Every failure under /api/ answers as the endpoints' own refusals do: problem JSON (RFC 9457) with
/// the status and a Chinese title and detail. It covers what no endpoint writes itself: a query value
/// that does not bind (<c>?all=maybe</c>, <c>?page=abc</c>: 400 naming the parameter and what it
/// takes), an empty error answer, an exception (500, logged), and a method the address does not take
/// (405 with Allow). Kestrel's own refusals of a request it cannot parse (a "%00" in the path, a URL
/// or headers over its limits) never reach the application; <see cref="KestrelProblems"/> gives those a body.
/// </summary>
public static partial class ApiProblems
{
    /// <summary>Whether <paramref name="http"/> asks for the endpoint (/api/…), not a page of the site.</summary>
    public static bool IsApi(HttpContext http) => http.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    /// <summary>Minimal APIs throw <see cref="BadHttpRequestException"/> for a value they cannot bind, so this middleware can name it.</summary>
    /// Every problem written through the problem details service (TypedResults.Problem, NotFound and the
    /// like) gets a Chinese title where it was left to the framework's English default ("Not Found").
    public static IServiceCollection AddApiProblems(this IServiceCollection services) =>
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true)
            .AddProblemDetails(o => o.CustomizeProblemDetails = context =>
            {
                var problem = context.ProblemDetails;
                var status = problem.Status ?? context.HttpContext.Response.StatusCode;
                if (string.IsNullOrEmpty(problem.Title) || !problem.Title.Any(c => c >= '\u2E80'))
                {
                    problem.Title = Title(status);
                }

                // A validation problem's errors are its detail; the generic sentence would contradict them.
                if (string.IsNullOrEmpty(problem.Detail) && problem is not HttpValidationProblemDetails)
                {
                    problem.Detail = Detail(status);
                }
            });

    public static IApplicationBuilder UseApiProblems(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        try
        {
            await next(context);
        }
        catch (BadHttpRequestException ex) when (!context.Response.HasStarted)
        {
            context.Response.StatusCode = ex.StatusCode;
            if (IsApi(context))
            {
                await WriteAsync(context, ex.StatusCode, Detail(ex));
            }

            return;
        }
        catch (Exception ex) when (IsApi(context) && !context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ApiProblems)).LogError(ex, "{Method} {Path} failed", context.Request.Method, context.Request.Path);
            await WriteAsync(context, StatusCodes.Status500InternalServerError, "服务器出错，没有完成这次请求，请稍后再试");
            return;
        }

        // An error status with no body yet (a result that set only the status): the same problem JSON.
        var response = context.Response;
        if (IsApi(context) && response.StatusCode >= 400 && !response.HasStarted && response.ContentLength is null or 0 && string.IsNullOrEmpty(response.ContentType))
        {
            await WriteAsync(context, response.StatusCode, null);
        }
    });

    /// <summary>
    /// The /api/ fallback: 405 with Allow when another method of the same address exists (POST to a
    /// GET-only address), otherwise 404, both as problem JSON in Chinese.
    /// </summary>
    public static IResult Unmatched(HttpContext http, EndpointDataSource endpoints)
    {
        var allowed = endpoints.Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Endpoint: e, Methods: e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods))
            .Where(e => e.Methods is { Count: > 0 } && new TemplateMatcher(new RouteTemplate(e.Endpoint.RoutePattern), new RouteValueDictionary()).TryMatch(http.Request.Path, new RouteValueDictionary()))
            .SelectMany(e => e.Methods!)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.Ordinal)
            .ToList();
        if (allowed.Count == 0)
        {
            return TypedResults.Problem("没有这个接口，请核对网址", statusCode: StatusCodes.Status404NotFound, title: "没有这个接口");
        }

        http.Response.Headers.Allow = string.Join(", ", allowed);
        var detail = $"这个接口不接受 {http.Request.Method} 请求，只接受 {string.Join("、", allowed)}，请核对请求方法";
        return TypedResults.Problem(detail, statusCode: StatusCodes.Status405MethodNotAllowed, title: "请求方法不对");
    }

    /// <summary>The Chinese title of an error status.</summary>
    public static string Title(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "请求有误",
        StatusCodes.Status401Unauthorized => "需要工作人员凭据",
        StatusCodes.Status403Forbidden => "没有权限",
        StatusCodes.Status404NotFound => "没有找到",
        StatusCodes.Status405MethodNotAllowed => "请求方法不对",
        StatusCodes.Status409Conflict => "与已有内容冲突",
        StatusCodes.Status422UnprocessableEntity => "内容有误，未能处理",
        StatusCodes.Status429TooManyRequests => "请求过于频繁",
        StatusCodes.Status503ServiceUnavailable => "服务暂时不可用",
        StatusCodes.Status408RequestTimeout => "请求超时",
        StatusCodes.Status413PayloadTooLarge => "提交的内容过大",
        StatusCodes.Status414UriTooLong => "网址过长",
        StatusCodes.Status415UnsupportedMediaType => "不支持的内容类型",
        StatusCodes.Status431RequestHeaderFieldsTooLarge => "请求头过大",
        StatusCodes.Status500InternalServerError => "服务器内部错误",
        StatusCodes.Status505HttpVersionNotsupported => "不支持的 HTTP 版本",
        _ => status >= 500 ? "服务器暂时无法处理" : "请求未能完成",
    };

    /// <summary>The Chinese detail of an error status when nothing more is known.</summary>
    public static string Detail(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "请求的格式不对，无法处理，请核对网址和参数",
        StatusCodes.Status401Unauthorized => "需要工作人员凭据，请在请求中附上正确的令牌",
        StatusCodes.Status403Forbidden => "没有权限完成这个请求",
        StatusCodes.Status404NotFound => "没有找到要的内容，请核对网址",
        StatusCodes.Status429TooManyRequests => "请求过于频繁，请稍后再试",
        StatusCodes.Status503ServiceUnavailable => "服务暂时不可用，请稍后再试",
        StatusCodes.Status408RequestTimeout => "请求的内容没有及时送到，请重试",
        StatusCodes.Status413PayloadTooLarge => "提交的内容过大，无法接收",
        StatusCodes.Status414UriTooLong => "网址过长，无法处理，请核对网址",
        StatusCodes.Status415UnsupportedMediaType => "不支持这种内容类型，请用 JSON 或表单提交",
        StatusCodes.Status431RequestHeaderFieldsTooLarge => "请求头过大，无法处理（可能是 Cookie 过多），请清除本站的 Cookie 后重试",
        StatusCodes.Status505HttpVersionNotsupported => "不支持这个 HTTP 版本",
        _ => status >= 500 ? "服务器出错，没有完成这次请求，请稍后再试" : "请求未能完成，请核对网址和参数",
    };

    /// <summary>What a binding failure says in Chinese: the parameter, the value and what it takes.</summary>
    internal static string Detail(BadHttpRequestException ex)
    {
        if (FailedToBind().Match(ex.Message) is { Success: true } failed)
        {
            var value = failed.Groups["value"].Value;
            value = value.Length > 40 ? value[..40] + "…" : value;
            var name = failed.Groups["name"].Value;
            var type = failed.Groups["type"].Value.ToLowerInvariant();
            if (type.Contains("int", StringComparison.Ordinal) && OutOfRange().IsMatch(failed.Groups["value"].Value))
            {
                // Digits that do not fit an int: saying 应为整数 of 99999999999 is wrong, the range is what it misses.
                return $"参数 {name} 的值“{value}”超出范围，应为{Range(name)}之间的整数";
            }

            return $"参数 {name} 的值“{value}”不对，应为{Expected(failed.Groups["type"].Value)}";
        }

        if (Missing().Match(ex.Message) is { Success: true } missing)
        {
            return $"缺少参数 {missing.Groups["name"].Value}";
        }

        return Detail(ex.StatusCode);
    }

    /// <summary>What a parameter of <paramref name="type"/> takes ("bool", "Nullable&lt;int&gt;", "int?" as the message writes it).</summary>
    private static string Expected(string type)
    {
        var name = type.ToLowerInvariant();
        return name.Contains("bool", StringComparison.Ordinal) ? " true 或 false"
            : name.Contains("int", StringComparison.Ordinal) || name.Contains("long", StringComparison.Ordinal) ? "整数（如 2）"
            : name.Contains("dateonly", StringComparison.Ordinal) ? "日期（如 2026-03-01）"
            : "另一种写法";
    }

    /// <summary>The range of an int parameter, as words: page is clamped to the pages search counts (<see cref="Site.Search.SearchRequest.MaxPage"/>).</summary>
    private static string Range(string name) => name == "page"
        ? string.Create(CultureInfo.InvariantCulture, $" 1 到 {Site.Search.SearchRequest.MaxPage} ")
        : string.Create(CultureInfo.InvariantCulture, $" {int.MinValue} 到 {int.MaxValue} ");

    private static async Task WriteAsync(HttpContext http, int status, string? detail)
    {
        http.Response.StatusCode = status;
        await TypedResults.Problem(detail ?? Detail(status), statusCode: status, title: Title(status)).ExecuteAsync(http);
    }

    // RequestDelegateFactory's messages: Failed to bind parameter "bool all" from "maybe".
    [GeneratedRegex("""^Failed to bind parameter "(?<type>[^"]+) (?<name>[^" ]+)" from "(?<value>.*)"\.?$""", RegexOptions.Singleline)]
    private static partial Regex FailedToBind();

    // An integer written in digits, too long for an int.
    [GeneratedRegex("^[+-]?[0-9]{10,}$")]
    private static partial Regex OutOfRange();

    // Required parameter "string number" was not provided from route.
    [GeneratedRegex("""^Required parameter "(?<type>[^"]+) (?<name>[^" ]+)" was not provided""")]
    private static partial Regex Missing();
}
