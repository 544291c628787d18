using Site.Generator.Diagnostics;

namespace Site.Generator.Loading;

/// <summary>
/// A value read from YAML or a spreadsheet, before validation, with the position it came from.
/// Validators turn these into typed records so every bad field can be reported on its own line.
/// </summary>
public abstract record RawNode(SourceLocation Location);

public sealed record RawScalar(string Value, SourceLocation Location) : RawNode(Location)
{
    public bool IsEmpty => string.IsNullOrWhiteSpace(Value);
}

public sealed record RawList(IReadOnlyList<RawNode> Items, SourceLocation Location) : RawNode(Location);

/// <summary>
/// A mapping (a YAML mapping or a spreadsheet row). <see cref="Context"/> says where it sits for
/// messages, e.g. 工作表「代表名单」第12行.
/// </summary>
public sealed record RawMap(IReadOnlyList<RawEntry> Entries, SourceLocation Location, string? Context = null)
    : RawNode(Location)
{
    public RawEntry? Find(string key)
    {
        foreach (var entry in Entries)
        {
            if (string.Equals(entry.Key, key, StringComparison.Ordinal))
            {
                return entry;
            }
        }

        return null;
    }
}

/// <summary>One key of a mapping. <see cref="Header"/> is the spreadsheet column header it came from, if any.</summary>
public sealed record RawEntry(string Key, SourceLocation KeyLocation, RawNode Value, string? Header = null);
