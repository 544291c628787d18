using System.Globalization;
using System.Security.Cryptography;

namespace Site.Intake.Storage;

/// <summary>
/// 回执编号 such as YJ261123-7KQ2M9PX: the kind's prefix (YJ for 意见), the day in Beijing, then 8
/// random Crockford base-32 characters (no I, L, O, U to misread). Numbers are random, so two may
/// meet: the stores insert with "on conflict do nothing" and ask <see cref="New"/> again.
/// </summary>
public class ReceiptNumbers(string prefix)
{
    /// <summary>Comments on drafts (意见).</summary>
    public static readonly ReceiptNumbers Comments = new("YJ");

    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <summary>How many numbers a store tries for one item before it gives up on the batch.</summary>
    public const int Attempts = 8;

    public string Prefix => prefix;

    /// <summary>A new number for an item accepted at <paramref name="now"/>.</summary>
    public virtual string New(DateTimeOffset now)
    {
        var tail = new string(RandomNumberGenerator.GetItems<char>(Alphabet, 8));
        return prefix + now.ToOffset(TimeSpan.FromHours(8)).ToString("yyMMdd", CultureInfo.InvariantCulture) + "-" + tail;
    }
}
