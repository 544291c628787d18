using Site.Generator.Model;

namespace Site.Generator.Linking;

/// <summary>
/// Official roster order (按姓氏笔画排序): by the stroke count of the surname, then of the following
/// characters, as mainland lists are printed. Ties fall back to code point so the order is total.
/// </summary>
public sealed class DeputyRosterOrder : IComparer<Deputy>
{
    public static DeputyRosterOrder Instance { get; } = new();

    public int Compare(Deputy? x, Deputy? y) =>
        StrokeOrder.Compare(x?.Name ?? "", y?.Name ?? "") is var byName and not 0
            ? byName
            : string.CompareOrdinal(x?.Id.Value, y?.Id.Value);
}
