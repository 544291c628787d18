using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;

namespace Site.Intake.Submissions;

/// <summary>
/// Reads a submission's body within a small limit, before anything is parsed, so a post of many megabytes is
/// refused after the limit's bytes instead of being read whole; a form with too many fields or a
/// field beyond the limit is refused the same way (413), and a field the form reader refuses for a
/// control character gets the JSON path's 400; never a 500.
/// </summary>
public static class SubmissionBody
{
    /// <summary>
    /// The largest submission body, in bytes, so that any comment within the character limit fits. The
    /// longest character a person can type is a ZWJ family emoji (👨‍👩‍👧‍👦: four 4-byte emoji and three
    /// 3-byte joiners, 25 UTF-8 bytes); percent-encoded in a form each byte takes 3, so 5,000 of them are
    /// 375,000 bytes (as JSON with \u escapes, 66 bytes each, 330,000 bytes). Name, contact and identity
    /// (170 characters at 75 bytes) add 12,750 bytes; the key, article and field names the rest of 400,000.
    /// </summary>
    public const int MaxBytes = 400_000;

    /// <summary>Form fields a submission may have (the comment form has 6).</summary>
    public const int MaxFormFields = 32;

    /// <summary>The Chinese answer to a body over the limit.</summary>
    public const string TooLarge = "提交的内容过大，无法接收。意见内容最多 5000 字，请删减后再提交";

    /// <summary>The Chinese answer to a form body the form reader cannot parse (a truncated multipart, one without a boundary).</summary>
    public const string Malformed = "提交的表单格式不对，无法接收。请从本站的表单重新提交";

    /// <summary>The Chinese answer to a form with more fields than <see cref="MaxFormFields"/>.</summary>
    public const string TooManyFields = "提交的表单字段过多，无法接收。请从本站的意见表提交";

    /// <summary>
    /// A form read: the fields, or the status (413 or 400) and Chinese detail the caller answers with.
    /// </summary>
    public sealed record FormRead(IFormCollection? Form, int Status = StatusCodes.Status200OK, string? Detail = null);

    /// <summary>
    /// The form fields; or 413 when the body is over the limit (<see cref="TooLarge"/>) or has too many
    /// fields (<see cref="TooManyFields"/>); or 400 with the control-character message the JSON path gives
    /// (<see cref="SubmissionText.Unstorable"/>) when the reader refused a field because of one.
    /// </summary>
    public static async Task<FormRead> ReadFormAsync(HttpContext http)
    {
        if (!await BufferAsync(http))
        {
            return new(null, StatusCodes.Status413PayloadTooLarge, TooLarge);
        }

        http.Features.Set<IFormFeature>(new FormFeature(http.Request, new FormOptions
        {
            ValueCountLimit = MaxFormFields,
            ValueLengthLimit = MaxBytes,
            KeyLengthLimit = 100,
            MultipartBodyLengthLimit = MaxBytes,
            MultipartHeadersCountLimit = 8,
            BufferBody = false,
        }));
        try
        {
            return new(await http.Request.ReadFormAsync(http.RequestAborted));
        }
        catch (InvalidDataException ex) when (IsMultipart(http.Request) && !ex.Message.Contains("limit", StringComparison.OrdinalIgnoreCase))
        {
            // "Missing content-type boundary", a bad section header: the body is not a form, whatever its size.
            return new(null, StatusCodes.Status400BadRequest, Malformed);
        }
        catch (IOException) when (!http.RequestAborted.IsCancellationRequested)
        {
            // The buffered body ended before the multipart's closing boundary.
            return new(null, StatusCodes.Status400BadRequest, Malformed);
        }
        catch (InvalidDataException ex)
        {
            return Refusal(http.Request.Body, ex, http.GetEndpoint()?.Metadata.GetMetadata<SubmissionKind>()?.Noun ?? "意见");
        }
    }

    /// <summary>Whether the request says its body is multipart/form-data.</summary>
    internal static bool IsMultipart(HttpRequest request) =>
        request.ContentType?.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>Why the form reader refused the buffered body: too many fields, a control character, or size.</summary>
    private static FormRead Refusal(Stream body, InvalidDataException ex, string noun)
    {
        body.Position = 0;
        var raw = new StreamReader(body, System.Text.Encoding.UTF8).ReadToEnd();
        var pairs = raw.Split('&', StringSplitOptions.RemoveEmptyEntries);

        // The reader's own message names the count limit; for a URL-encoded body the fields are counted too.
        if (ex.Message.Contains("count limit", StringComparison.OrdinalIgnoreCase) || pairs.Length > MaxFormFields)
        {
            return new(null, StatusCodes.Status413PayloadTooLarge, TooManyFields);
        }

        foreach (var pair in pairs)
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Decode(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? "" : Decode(pair[(equals + 1)..]);
            var label = name == "text" ? noun + "内容" : Labels.GetValueOrDefault(name, "表单字段");
            if ((SubmissionText.Unstorable(name, label) ?? SubmissionText.Unstorable(value, label)) is { } problem)
            {
                return new(null, StatusCodes.Status400BadRequest, problem);
            }
        }

        return new(null, StatusCodes.Status413PayloadTooLarge, TooLarge);

        static string Decode(string part) => Uri.UnescapeDataString(part.Replace('+', ' '));
    }

    /// <summary>The comment form's fields as the JSON path's messages name them.</summary>
    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        ["text"] = "意见内容",
        ["name"] = "姓名",
        ["contact"] = "联系方式",
        ["identity"] = "身份",
    };

    /// <summary>The JSON body as <typeparamref name="T"/>: (value, fits); value is null when the JSON is not valid.</summary>
    public static async Task<(T? Value, bool Fits)> ReadJsonAsync<T>(HttpContext http, JsonSerializerOptions options)
        where T : class
    {
        var read = await ReadJsonBodyAsync<T>(http, options);
        return (read.Value, read.Fits);
    }

    /// <summary>
    /// A JSON body read: the value (null when the JSON is not valid), whether it was within
    /// <see cref="MaxBytes"/>, and, when a top-level field had a value of the wrong type ({"text":123}),
    /// that field's JSON name.
    /// </summary>
    public sealed record JsonRead<T>(T? Value, bool Fits, string? WrongType = null);

    /// <summary>The JSON body as <typeparamref name="T"/>, saying which field had the wrong type.</summary>
    public static async Task<JsonRead<T>> ReadJsonBodyAsync<T>(HttpContext http, JsonSerializerOptions options)
        where T : class
    {
        if (!await BufferAsync(http))
        {
            return new(null, false);
        }

        try
        {
            return new(await JsonSerializer.DeserializeAsync<T>(http.Request.Body, options, http.RequestAborted), true);
        }
        catch (JsonException ex)
        {
            // "$.text" for a value of the wrong type; a syntax error has a path too, but its message says so.
            var field = ex.Path is ['$', '.', .. var name] && !name.Contains('.') && !name.Contains('[')
                && typeof(T).GetProperty(name, System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.IgnoreCase) is not null
                && ex.Message.Contains("could not be converted", StringComparison.Ordinal)
                ? name
                : null;
            return new(null, true, field);
        }
    }

    /// <summary>
    /// The 400 for a JSON body that could not be read: the field with the wrong type named by its
    /// Chinese label (from <paramref name="labels"/>) and the type it takes, or "not valid JSON".
    /// </summary>
    public static IResult JsonRefusal<T>(JsonRead<T> read, IReadOnlyDictionary<string, string> labels)
    {
        if (read.WrongType is { } field)
        {
            var type = typeof(T).GetProperty(field, System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.IgnoreCase)!.PropertyType;
            var expected = type == typeof(string) ? "文字（加引号的字符串）" : type == typeof(bool) || type == typeof(bool?) ? "true 或 false" : "其他类型";
            var label = labels.TryGetValue(field, out var l) ? l : field;
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { [field] = [$"{label}（{field}）的值类型不对，应为{expected}"] }, title: "提交的内容有误");
        }

        return TypedResults.ValidationProblem(
            new Dictionary<string, string[]> { ["body"] = ["请求内容不是有效的 JSON"] }, title: "提交的内容有误");
    }

    /// <summary>One value of a form field (the first, as a browser sends one).</summary>
    public static string? Field(IFormCollection form, string name) =>
        form.TryGetValue(name, out var values) && !StringValues.IsNullOrEmpty(values) ? values[0] : null;

    /// <summary>Reads the body into memory, stopping once it is over <see cref="MaxBytes"/>; false when it is.</summary>
    private static async Task<bool> BufferAsync(HttpContext http)
    {
        if (http.Request.ContentLength > MaxBytes)
        {
            return false;
        }

        // Kestrel stops reading beyond the limit as well (the feature is read-only once reading began).
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = MaxBytes + 1;
        }

        var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await http.Request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > MaxBytes)
                {
                    return false;
                }
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return false;
        }

        buffer.Position = 0;
        http.Request.Body = buffer;
        http.Response.RegisterForDispose(buffer);
        return true;
    }
}
