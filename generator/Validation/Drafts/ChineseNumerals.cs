namespace Site.Generator.Validation.Drafts;

/// <summary>Chinese numerals as legal texts write them (第一百零五条, 第二十章), both ways.</summary>
public static class ChineseNumerals
{
    private const string Digits = "零一二三四五六七八九";

    public static int? Parse(string text)
    {
        if (text.Length == 0)
        {
            return null;
        }

        var total = 0;
        var current = 0;
        foreach (var c in text)
        {
            var digit = c switch { '〇' => 0, '两' => 2, _ => Digits.IndexOf(c) };
            if (digit >= 0)
            {
                current = digit;
                continue;
            }

            var unit = c switch { '十' => 10, '百' => 100, '千' => 1000, _ => 0 };
            if (unit == 0)
            {
                return null;
            }

            total += (current == 0 && unit == 10 ? 1 : current) * unit;
            current = 0;
        }

        return total + current;
    }

    public static string Format(int number)
    {
        if (number <= 0)
        {
            return "零";
        }

        var result = new System.Text.StringBuilder();
        var units = new[] { (1000, '千'), (100, '百'), (10, '十') };
        var needZero = false;
        foreach (var (value, name) in units)
        {
            var digit = number / value % 10;
            if (digit > 0)
            {
                if (needZero)
                {
                    result.Append('零');
                }

                if (!(value == 10 && digit == 1 && result.Length == 0))
                {
                    result.Append(Digits[digit]);
                }

                result.Append(name);
                needZero = false;
            }
            else if (result.Length > 0)
            {
                needZero = true;
            }
        }

        var ones = number % 10;
        if (ones > 0)
        {
            if (needZero)
            {
                result.Append('零');
            }

            result.Append(Digits[ones]);
        }

        return result.ToString();
    }
}
