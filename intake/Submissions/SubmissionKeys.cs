using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Site.Intake.Submissions;

/// <summary>The Idempotency-Keys and participant hashes every kind of submission makes the same way.</summary>
public static class SubmissionKeys
{
    /// <summary>The longest Idempotency-Key taken.</summary>
    public const int MaxKeyLength = 100;

    /// <summary>A key made when the endpoint renders a form: its resubmission stores once.</summary>
    public static string NewKey() => "page-" + Guid.NewGuid().ToString("N");

    /// <summary>
    /// The key of a key-less form post: what it goes to (<paramref name="scope"/>: a draft, a deputy),
    /// what was said, the client's address and the day in Beijing. The same text from the same
    /// address on the same day is taken as a second click, and stored once.
    /// </summary>
    public static string FormKey(string scope, string fingerprint, HttpContext http, DateTimeOffset now)
    {
        var day = now.ToOffset(TimeSpan.FromHours(8)).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var basis = string.Join('\n', scope, fingerprint, SubmissionRateLimit.ClientAddress(http), day);
        return "form-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(basis)))[..32];
    }

    /// <summary>Who counts as one participant: the same contact is one person; anonymous submissions count one each.</summary>
    public static string Participant(string? contact, string? idempotencyKey)
    {
        var basis = contact?.ToLowerInvariant() ?? idempotencyKey ?? Guid.NewGuid().ToString("N");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(basis)))[..16];
    }

    /// <summary>The key from the header (or the form's field), trimmed; the error when it is too long or unstorable.</summary>
    public static (string? Key, string? Error) Check(string? key)
    {
        key = string.IsNullOrWhiteSpace(key) ? null : key.Trim();
        return key is { Length: > MaxKeyLength } || (key is not null && SubmissionText.Unstorable(key, "Idempotency-Key") is not null)
            ? (key, $"Idempotency-Key 最多 {MaxKeyLength} 个字符，且不能含控制字符")
            : (key, null);
    }

    /// <summary>A SHA-256 of the fields, joined by U+001F: what was said, for telling a retry from a different submission.</summary>
    public static string Fingerprint(params object?[] fields) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001F', fields))));
}
