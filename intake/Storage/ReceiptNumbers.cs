using System.Security.Cryptography;

namespace Site.Intake.Storage;

/// <summary>回执编号 such as YJ261123-7KQ2M9PX: the date, then random Crockford base-32 (no I, L, O, U to misread).</summary>
public static class ReceiptNumbers
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <summary>A new number; made inside the writer's transaction, so it is built by hand, not formatted.</summary>
    public static string New(DateTimeOffset now)
    {
        var date = now.ToOffset(TimeSpan.FromHours(8));
        Span<byte> random = stackalloc byte[8];
        RandomNumberGenerator.Fill(random);
        Span<char> number = stackalloc char[17];
        "YJ".CopyTo(number);
        Digits(number[2..], date.Year % 100);
        Digits(number[4..], date.Month);
        Digits(number[6..], date.Day);
        number[8] = '-';
        for (var i = 0; i < random.Length; i++)
        {
            number[9 + i] = Alphabet[random[i] % 32];
        }

        return new string(number);
    }

    private static void Digits(Span<char> into, int value)
    {
        into[0] = (char)('0' + (value / 10));
        into[1] = (char)('0' + (value % 10));
    }
}
