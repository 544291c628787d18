using System.Globalization;
using System.Text.RegularExpressions;
using Site.Generator.Diagnostics;
using Site.Generator.Loading;

namespace Site.Generator.Validation;

/// <summary>
/// Reads the fields of one raw record into typed values. Every problem becomes a diagnostic that
/// names the field by its key and Chinese label (and, for spreadsheets, the sheet, row and column
/// header); reading goes on, so one run reports every bad field.
/// </summary>
public sealed partial class FieldReader
{
    private readonly RawMap _map;
    private readonly DiagnosticBag _diagnostics;
    private readonly IReadOnlyDictionary<string, string> _labels;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public FieldReader(RawMap map, DiagnosticBag diagnostics, IReadOnlyDictionary<string, string> labels)
    {
        _map = map;
        _diagnostics = diagnostics;
        _labels = labels;
    }

    public RawMap Map => _map;

    public int ErrorCount { get; private set; }

    public SourceLocation LocationOf(string key) => _map.Find(key)?.Value.Location ?? _map.Location;

    public bool Has(string key) => _map.Find(key) is { Value: not RawScalar { IsEmpty: true } };

    public string? String(string key, bool required = false)
    {
        var entry = Take(key);
        switch (entry?.Value)
        {
            case null:
            case RawScalar { IsEmpty: true }:
                if (required)
                {
                    Error(DiagnosticCodes.MissingField, entry?.Value.Location ?? _map.Location, key, "缺少必填字段");
                }

                return null;
            case RawScalar scalar:
                return scalar.Value.Trim();
            default:
                Error(DiagnosticCodes.WrongShape, entry.Value.Location, key, "应为一个值，而不是列表或多个字段");
                return null;
        }
    }

    /// <summary>
    /// A slug or record id that becomes part of a URL and of a path under _site/: it must have the
    /// <see cref="SafeName"/> shape; an unsafe one is an error naming the field, and gives null.
    /// </summary>
    public string? Name(string key, bool required = false)
    {
        var text = String(key, required);
        return text is null || CheckName(text, LocationOf(key), key) ? text : null;
    }

    /// <summary>True if <paramref name="value"/> (a list item, say) has the <see cref="SafeName"/> shape; otherwise an error at <paramref name="location"/>.</summary>
    public bool CheckName(string value, SourceLocation location, string key)
    {
        if (SafeName.IsSafe(value))
        {
            return true;
        }

        Error(DiagnosticCodes.UnsafeName, location, key, SafeName.Describe(value, ""));
        return false;
    }

    /// <summary>A list, written either as a YAML list or as one cell separated by 、，,；;/ (as spreadsheets do).</summary>
    public IReadOnlyList<(string Value, SourceLocation Location)> List(string key, bool required = false)
    {
        var entry = Take(key);
        var result = new List<(string, SourceLocation)>();
        switch (entry?.Value)
        {
            case RawList list:
                foreach (var item in list.Items)
                {
                    if (item is RawScalar { IsEmpty: false } scalar)
                    {
                        result.Add((scalar.Value.Trim(), scalar.Location));
                    }
                    else if (item is not RawScalar)
                    {
                        Error(DiagnosticCodes.WrongShape, item.Location, key, "列表中的每一项应为一个值");
                    }
                }

                break;
            case RawScalar { IsEmpty: false } scalar:
                foreach (var part in ListSeparator().Split(scalar.Value))
                {
                    if (part.Trim().Length > 0)
                    {
                        result.Add((part.Trim(), scalar.Location));
                    }
                }

                break;
            case RawMap map:
                Error(DiagnosticCodes.WrongShape, map.Location, key, "应为列表");
                break;
        }

        if (required && result.Count == 0)
        {
            Error(DiagnosticCodes.MissingField, entry?.Value.Location ?? _map.Location, key, "至少要有一项");
        }

        return result;
    }

    public DateOnly? Date(string key, bool required = false)
    {
        var text = String(key, required);
        if (text is null)
        {
            return null;
        }

        if (DateParsing.TryParse(text, out var date))
        {
            return date;
        }

        Error(DiagnosticCodes.BadDate, LocationOf(key), key, $"“{text}”不是有效日期，请写成 2025-03-15 或 2025年3月15日");
        return null;
    }

    public int? Int(string key, bool required = false, int min = int.MinValue, int max = int.MaxValue)
    {
        var text = String(key, required);
        if (text is null)
        {
            return null;
        }

        if (!decimal.TryParse(text.Replace(",", "").Replace("，", ""), NumberStyles.Number, CultureInfo.InvariantCulture, out var value)
            || value != decimal.Truncate(value) || value < min || value > max)
        {
            var range = min == 0 && max == int.MaxValue ? "非负整数" : min == int.MinValue ? "整数" : $"{min}到{max}之间的整数";
            Error(DiagnosticCodes.BadNumber, LocationOf(key), key, $"“{text}”不是{range}");
            return null;
        }

        return (int)value;
    }

    public decimal? Decimal(string key, bool required = false, decimal min = 0)
    {
        var text = String(key, required);
        if (text is null)
        {
            return null;
        }

        if (!decimal.TryParse(text.Replace(",", "").Replace("，", ""), NumberStyles.Number, CultureInfo.InvariantCulture, out var value) || value < min)
        {
            Error(DiagnosticCodes.BadNumber, LocationOf(key), key, $"“{text}”不是有效的数");
            return null;
        }

        return value;
    }

    public double? Double(string key, double min, double max)
    {
        var text = String(key);
        if (text is null)
        {
            return null;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            Error(DiagnosticCodes.BadNumber, LocationOf(key), key, $"“{text}”应为{min}到{max}之间的数");
            return null;
        }

        return value;
    }

    public bool Bool(string key)
    {
        var text = String(key);
        switch (text)
        {
            case null or "" or "否" or "false" or "False" or "no" or "0" or "×":
                return false;
            case "是" or "true" or "True" or "yes" or "1" or "√" or "✓":
                return true;
            default:
                Error(DiagnosticCodes.BadValue, LocationOf(key), key, $"“{text}”应为 是 或 否");
                return false;
        }
    }

    /// <summary>One of a fixed set of values; <paramref name="allowed"/> maps what people write to the value.</summary>
    public T? OneOf<T>(string key, IReadOnlyDictionary<string, T> allowed, bool required = false)
        where T : struct
    {
        var text = String(key, required);
        if (text is null)
        {
            return null;
        }

        if (allowed.TryGetValue(text, out var value))
        {
            return value;
        }

        Error(DiagnosticCodes.BadValue, LocationOf(key), key, $"“{text}”不是{string.Join("/", allowed.Keys.Distinct())}");
        return null;
    }

    public string? OneOf(string key, IReadOnlyCollection<string> allowed, bool required = false)
    {
        var text = String(key, required);
        if (text is null || allowed.Contains(text))
        {
            return text;
        }

        Error(DiagnosticCodes.BadValue, LocationOf(key), key, $"“{text}”不是{string.Join("/", allowed)}");
        return null;
    }

    public RawNode? Node(string key) => Take(key)?.Value;

    /// <summary>Warns about keys nobody asked for: catches typos such as deputy: for deputies:.</summary>
    public void ReportUnknownKeys()
    {
        foreach (var entry in _map.Entries)
        {
            if (!_read.Contains(entry.Key))
            {
                var known = string.Join("、", _labels.Keys);
                _diagnostics.Warning(
                    DiagnosticCodes.UnknownKey,
                    entry.KeyLocation,
                    $"{Prefix()}不认识的字段 {entry.Key}，已忽略；可用的字段：{known}");
            }
        }
    }

    public void Error(string code, SourceLocation location, string key, string message)
    {
        ErrorCount++;
        _diagnostics.Error(code, location, $"{Prefix()}{Describe(key)}: {message}");
    }

    /// <summary>A problem that does not keep the record off the site (an optional field left out).</summary>
    public void Warning(string code, SourceLocation location, string key, string message) =>
        _diagnostics.Warning(code, location, $"{Prefix()}{Describe(key)}: {message}");

    public string Describe(string key)
    {
        var header = _map.Find(key)?.Header;
        if (header is not null)
        {
            return header;
        }

        return _labels.TryGetValue(key, out var label) ? $"{key}（{label}）" : key;
    }

    private string Prefix() => _map.Context is null ? "" : _map.Context + " ";

    private RawEntry? Take(string key)
    {
        _read.Add(key);
        return _map.Find(key);
    }

    [GeneratedRegex("[、，,；;/]")]
    private static partial Regex ListSeparator();
}
