using Site.Generator.Model;

namespace Site.Generator.Linking;

/// <summary>
/// Official roster order (按姓氏笔画排序): by the stroke count of the surname, then of the following
/// characters, as mainland lists are printed (see <see cref="StrokeOrder"/>); with
/// <see cref="ShorterFirst"/> (site.yaml <c>roster: order: 两字名在前</c>) two-character names come
/// before longer ones of the same surname. Ties fall back to the id so the order is total.
/// </summary>
public sealed class DeputyRosterOrder(bool shorterFirst) : IComparer<Deputy>
{
    public static DeputyRosterOrder Instance { get; } = new(false);

    public static DeputyRosterOrder ShorterNamesFirst { get; } = new(true);

    public bool ShorterFirst { get; } = shorterFirst;

    public static DeputyRosterOrder For(SiteConfig config) => config.ShorterNamesFirst ? ShorterNamesFirst : Instance;

    public int Compare(Deputy? x, Deputy? y) =>
        StrokeOrder.Compare(x?.Name ?? "", y?.Name ?? "", ShorterFirst) is var byName and not 0
            ? byName
            : string.CompareOrdinal(x?.Id.Value, y?.Id.Value);
}
