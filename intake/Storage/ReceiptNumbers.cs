using System.Globalization;
using System.Security.Cryptography;

namespace Site.Intake.Storage;

/// <summary>
/// 回执编号 such as YJ261123-7KQ2M9PX: the kind's prefix (YJ for 意见, LY for 留言), the day in Beijing, then 8
/// random Crockford base-32 characters (no I, L, O, U to misread). Numbers are random, so two may
/// meet: the stores insert with "on conflict do nothing" and ask <see cref="New"/> again.
/// <para>
/// Unguessable: the tail is 40 bits from the operating system's CSPRNG, so on a day with a thousand
/// receipts a guess of that day's numbers hits one with odds of about one in a billion; the lookup
/// (<c>GET /api/receipts/{number}</c>) is rate-limited per address on top.
/// </para>
/// </summary>
public class ReceiptNumbers(string prefix)
{
    /// <summary>Comments on drafts (意见).</summary>
    public static readonly ReceiptNumbers Comments = new("YJ");

    /// <summary>Messages to deputies and stations (留言).</summary>
    public static readonly ReceiptNumbers Messages = new("LY");

    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <summary>How many numbers a store tries for one item before it gives up on the batch.</summary>
    public const int Attempts = 8;

    public string Prefix => prefix;

    /// <summary>Characters of the random tail.</summary>
    public const int TailLength = 8;

    /// <summary>Every kind's numbers, by prefix.</summary>
    public static readonly IReadOnlyList<ReceiptNumbers> Kinds = [Comments, Messages];

    /// <summary>
    /// The number as it is stored (upper case; full-width characters, spaces, any hyphen and stray punctuation forgiven:
    /// "ly261130 7kq2m9px", "ＬＹ２６１１３０－７ＫＱ２Ｍ９ＰＸ。"), or null when it cannot be one of ours: a prefix we do not give, or the
    /// wrong shape. Letters a person may misread are mapped as Crockford base-32 maps them (O→0, I/L→1).
    /// </summary>
    public static string? Normalize(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            return null;
        }

        // Compatibility folding first: a phone keyboard in full-width mode types ＬＹ２６１１３０; then only
        // letters and digits count (spaces, any hyphen or dash, a trailing 。 or . are forgiven).
        var folded = typed.Normalize(System.Text.NormalizationForm.FormKC);
        var compact = new string(folded.Where(char.IsAsciiLetterOrDigit).ToArray()).ToUpperInvariant();
        if (compact.Length != 2 + 6 + TailLength || Kinds.All(k => !compact.StartsWith(k.Prefix, StringComparison.Ordinal)))
        {
            return null;
        }

        var date = compact[2..8];
        var tail = compact[8..].Replace('O', '0').Replace('I', '1').Replace('L', '1');
        return date.All(char.IsAsciiDigit) && tail.All(c => Alphabet.Contains(c))
            ? compact[..2] + date + "-" + tail
            : null;
    }

    /// <summary>A new number for an item accepted at <paramref name="now"/>.</summary>
    public virtual string New(DateTimeOffset now)
    {
        var tail = new string(RandomNumberGenerator.GetItems<char>(Alphabet, TailLength));
        return prefix + now.ToOffset(TimeSpan.FromHours(8)).ToString("yyMMdd", CultureInfo.InvariantCulture) + "-" + tail;
    }
}
