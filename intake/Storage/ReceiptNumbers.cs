using System.Security.Cryptography;

namespace Site.Intake.Storage;

/// <summary>回执编号 such as YJ261123-7KQ2M9PX: the date, then random Crockford base-32 (no I, L, O, U to misread).</summary>
public static class ReceiptNumbers
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string New(DateTimeOffset now)
    {
        Span<byte> bytes = stackalloc byte[8];
        RandomNumberGenerator.Fill(bytes);
        Span<char> suffix = stackalloc char[8];
        for (var i = 0; i < suffix.Length; i++)
        {
            suffix[i] = Alphabet[bytes[i] % 32];
        }

        return $"YJ{now.ToOffset(TimeSpan.FromHours(8)):yyMMdd}-{suffix}";
    }
}
