using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;

namespace Site.Intake.Submissions;

/// <summary>
/// Reads a submission's body within a small limit, before anything is parsed, so a post of many megabytes is
/// refused after the limit's bytes instead of being read whole; a form with too many fields or a
/// field beyond the limit is refused the same way (413), never a 500.
/// </summary>
public static class SubmissionBody
{
    /// <summary>
    /// The largest submission body, in bytes. A 5,000-character comment is at most about 45,000 bytes as
    /// a form (each Chinese character percent-encoded as 9 bytes) and 30,000 as JSON; the rest is room
    /// for the other fields.
    /// </summary>
    public const int MaxBytes = 96 * 1024;

    /// <summary>Form fields a submission may have (the comment form has 6).</summary>
    public const int MaxFormFields = 32;

    /// <summary>The Chinese answer to a body over the limit.</summary>
    public const string TooLarge = "提交的内容过大，无法接收。意见内容最多 5000 字，请删减后再提交";

    /// <summary>The form fields, or null when the body is over the limit (the caller answers 413).</summary>
    public static async Task<IFormCollection?> ReadFormAsync(HttpContext http)
    {
        if (!await BufferAsync(http))
        {
            return null;
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
            return await http.Request.ReadFormAsync(http.RequestAborted);
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>The JSON body as <typeparamref name="T"/>: (value, fits); value is null when the JSON is not valid.</summary>
    public static async Task<(T? Value, bool Fits)> ReadJsonAsync<T>(HttpContext http, JsonSerializerOptions options)
        where T : class
    {
        if (!await BufferAsync(http))
        {
            return (null, false);
        }

        try
        {
            return (await JsonSerializer.DeserializeAsync<T>(http.Request.Body, options, http.RequestAborted), true);
        }
        catch (JsonException)
        {
            return (null, true);
        }
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
