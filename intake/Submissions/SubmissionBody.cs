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

        if (!IsMultipart(http.Request))
        {
            // ASP.NET Core's form reader decodes %XX as UTF-8 whatever the charset says, and keeps what
            // is not UTF-8 percent-encoded: a GBK form from an old phone would be stored as "%D2%E2…".
            var charset = Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var type) ? type.Charset.Value?.Trim('"') : null;
            if (!string.IsNullOrEmpty(charset) && !IsUtf8(charset))
            {
                return LegacyEncoding(charset) is { } encoding
                    ? ReadLegacyForm(http, encoding, charset)
                    : new(null, StatusCodes.Status415UnsupportedMediaType, UnknownCharset(charset));
            }
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
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            // Bytes that are not UTF-8 (a form in GBK sent without its charset) come out of the reader
            // still percent-encoded ("%D3%D0"): refused, rather than stored as text nobody can read.
            if (!IsMultipart(http.Request) && !IsUtf8Body(http.Request.Body))
            {
                return new(null, StatusCodes.Status400BadRequest, NotUtf8);
            }

            return new(form);
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

    /// <summary>
    /// The Chinese answer (415) to a body that is neither a form nor JSON (Content-Type text/xml,
    /// text/plain); null for JSON (application/json, …+json) or a body with no Content-Type, which is read as JSON.
    /// </summary>
    public static string? UnsupportedMediaType(HttpRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.ContentType) || request.HasJsonContentType())
        {
            return null;
        }

        var type = Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed) ? parsed.MediaType.Value ?? "" : "";
        type = new string(type.Where(c => c is > ' ' and < '\u007F').Take(60).ToArray());
        return $"不支持这种内容类型{(type.Length > 0 ? $"（{type}）" : "")}，内容没有保存。请用 JSON（Content-Type: application/json）或网页表单提交";
    }

    /// <summary>The Chinese answer to a form whose bytes are not text in the charset it names (or UTF-8 when it names none).</summary>
    public const string NotUtf8 = "提交的文字编码无法识别（不是 UTF-8），内容没有保存。请用手机自带的浏览器或电脑打开本站后重新提交";

    /// <summary>The Chinese answer to a form in a charset the endpoint does not read (415).</summary>
    public static string UnknownCharset(string charset) =>
        $"无法识别提交内容的字符编码“{charset}”，内容没有保存。本站接收 UTF-8、GBK、GB2312、GB18030 和 Big5 编码的表单，请用手机自带的浏览器或电脑打开本站后重新提交";

    private static bool IsUtf8(string charset) =>
        charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase)
        || charset.Equals("us-ascii", StringComparison.OrdinalIgnoreCase) || charset.Equals("ascii", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The encoding of a form in one of the legacy Chinese charsets old phones and some in-app browsers
    /// send (GBK and GB2312 are read as GB18030, of which both are subsets; Big5 as code page 950), set
    /// to throw on bytes it cannot decode; null for any other charset.
    /// </summary>
    internal static System.Text.Encoding? LegacyEncoding(string charset)
    {
        int? codePage = charset.ToLowerInvariant() switch
        {
            "gbk" or "x-gbk" or "gb2312" or "gb_2312-80" or "euc-cn" or "cp936" or "windows-936" or "gb18030" => 54936,
            "big5" or "cp950" or "x-x-big5" => 950,
            _ => null,
        };
        return codePage is { } page
            ? System.Text.CodePagesEncodingProvider.Instance.GetEncoding(page, System.Text.EncoderFallback.ExceptionFallback, System.Text.DecoderFallback.ExceptionFallback)
            : null;
    }

    /// <summary>
    /// A URL-encoded form in <paramref name="encoding"/> (<paramref name="charset"/> as the request named it): each name and value percent-decoded to bytes
    /// ("+" is a space) and decoded strictly, so text that is not in the encoding is refused (400), never
    /// stored garbled. The same limits and the same control-character refusal as the UTF-8 path.
    /// </summary>
    private static FormRead ReadLegacyForm(HttpContext http, System.Text.Encoding encoding, string charset)
    {
        var body = ((MemoryStream)http.Request.Body).ToArray();
        var pairs = ((ReadOnlySpan<byte>)body).Split((byte)'&');
        var fields = new Dictionary<string, StringValues>(StringComparer.OrdinalIgnoreCase);
        var count = 0;
        foreach (var range in pairs)
        {
            var pair = body.AsSpan(range);
            if (pair.IsEmpty)
            {
                continue;
            }

            if (++count > MaxFormFields)
            {
                return new(null, StatusCodes.Status413PayloadTooLarge, TooManyFields);
            }

            var equals = pair.IndexOf((byte)'=');
            string name, value;
            try
            {
                name = encoding.GetString(PercentDecode(equals < 0 ? pair : pair[..equals]));
                value = equals < 0 ? "" : encoding.GetString(PercentDecode(pair[(equals + 1)..]));
            }
            catch (System.Text.DecoderFallbackException)
            {
                return new(null, StatusCodes.Status400BadRequest, $"提交的文字不是有效的 {charset.ToUpperInvariant()} 编码，内容没有保存。请用手机自带的浏览器或电脑打开本站后重新提交");
            }

            if (name.Length > 100)
            {
                return new(null, StatusCodes.Status400BadRequest, Malformed);
            }

            var noun = http.GetEndpoint()?.Metadata.GetMetadata<SubmissionKind>()?.Noun ?? "意见";
            var label = name == "text" ? noun + "内容" : Labels.GetValueOrDefault(name, "表单字段");
            if ((SubmissionText.Unstorable(name, label) ?? SubmissionText.Unstorable(value, label)) is { } problem)
            {
                return new(null, StatusCodes.Status400BadRequest, problem);
            }

            fields[name] = fields.TryGetValue(name, out var earlier) ? StringValues.Concat(earlier, value) : new StringValues(value);
        }

        var form = new FormCollection(fields);
        http.Features.Set<IFormFeature>(new FormFeature(form));
        return new(form);
    }

    /// <summary>"%D2%E2+%BC%FB" → the bytes D2 E2 20 BC FB; a "%" not followed by two hex digits is kept as it is.</summary>
    private static byte[] PercentDecode(ReadOnlySpan<byte> encoded)
    {
        var bytes = new List<byte>(encoded.Length);
        for (var i = 0; i < encoded.Length; i++)
        {
            if (encoded[i] == '+')
            {
                bytes.Add((byte)' ');
            }
            else if (encoded[i] == '%' && i + 2 < encoded.Length && IsHex(encoded[i + 1]) && IsHex(encoded[i + 2]))
            {
                bytes.Add((byte)((Hex(encoded[i + 1]) << 4) | Hex(encoded[i + 2])));
                i += 2;
            }
            else
            {
                bytes.Add(encoded[i]);
            }
        }

        return [.. bytes];

        static bool IsHex(byte b) => char.IsAsciiHexDigit((char)b);
        static int Hex(byte b) => b <= '9' ? b - '0' : (b | 0x20) - 'a' + 10;
    }

    /// <summary>Whether every name and value of a URL-encoded body is UTF-8 once percent-decoded.</summary>
    private static bool IsUtf8Body(Stream body)
    {
        var bytes = ((MemoryStream)body).ToArray();
        foreach (var range in ((ReadOnlySpan<byte>)bytes).Split((byte)'&'))
        {
            ReadOnlySpan<byte> pair = bytes.AsSpan(range);
            foreach (var part in pair.Split((byte)'='))
            {
                if (!System.Text.Unicode.Utf8.IsValid(PercentDecode(pair[part])))
                {
                    return false;
                }
            }
        }

        return true;
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
    /// <remarks><paramref name="InvalidText"/>: the top-level field whose text holds a lone surrogate ("\ud800"), which no store can keep.</remarks>
    public sealed record JsonRead<T>(T? Value, bool Fits, string? WrongType = null, string? InvalidText = null);

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
            // A string with a lone surrogate escape ("\ud800") or bytes that are not UTF-8 fails the same
            // way, but its value has the right type: the reader's inner exception says it could not
            // read the text as UTF-16 or UTF-8 ("Cannot read incomplete UTF-16 JSON text …").
            return field is not null && ex.InnerException is InvalidOperationException inner
                && (inner.Message.Contains("UTF-", StringComparison.Ordinal) || inner.Message.Contains("surrogate", StringComparison.OrdinalIgnoreCase))
                ? new(null, true, InvalidText: field)
                : new(null, true, field);
        }
    }

    /// <summary>
    /// The 400 for a JSON body that could not be read: the field with the wrong type named by its
    /// Chinese label (from <paramref name="labels"/>) and the type it takes, or "not valid JSON".
    /// </summary>
    public static IResult JsonRefusal<T>(JsonRead<T> read, IReadOnlyDictionary<string, string> labels)
    {
        if (read.InvalidText is { } invalid)
        {
            var label = labels.TryGetValue(invalid, out var l) ? l : invalid;
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { [invalid] = [$"{label}（{invalid}）含有无法识别的字符（不成对的代理项或不是 UTF-8 的字节），请删除后重新输入"] }, title: "提交的内容有误");
        }

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
