using Site.Generator.Model;
using Site.Generator.Vocabulary;

namespace Site.Generator.Linking;

/// <summary>
/// Official roster order (按姓氏笔画排序): by the stroke count of the surname, then of the following
/// characters, as mainland lists are printed (see <see cref="StrokeOrder"/>); with
/// <see cref="ShorterFirst"/> (site.yaml <c>roster: order: 两字名在前</c>) two-character names come
/// before longer ones of the same surname, for every list or for one (<c>roster: lists:</c>, as each
/// printed list has its own convention). Ties fall back to the id so the order is total.
/// </summary>
public sealed class DeputyRosterOrder(bool shorterFirst) : IComparer<Deputy>
{
    public static DeputyRosterOrder Instance { get; } = new(false);

    public static DeputyRosterOrder ShorterNamesFirst { get; } = new(true);

    public bool ShorterFirst { get; } = shorterFirst;

    /// <summary>The site's order for every list (site.yaml <c>roster: order:</c>).</summary>
    public static DeputyRosterOrder For(SiteConfig config) => config.ShorterNamesFirst ? ShorterNamesFirst : Instance;

    /// <summary>
    /// The order of one list, known by any of <paramref name="names"/> (its heading, a level's short
    /// names, a region's code): its own from <c>roster: lists:</c>, else the site's.
    /// </summary>
    public static DeputyRosterOrder ForList(SiteConfig config, params ReadOnlySpan<string> names)
    {
        foreach (var list in config.RosterLists)
        {
            foreach (var name in names)
            {
                if (string.Equals(list.Name, name, StringComparison.Ordinal))
                {
                    return list.ShorterFirst ? ShorterNamesFirst : Instance;
                }
            }
        }

        return For(config);
    }

    public int Compare(Deputy? x, Deputy? y) =>
        StrokeOrder.Compare(x?.Name ?? "", y?.Name ?? "", ShorterFirst) is var byName and not 0
            ? byName
            : string.CompareOrdinal(x?.Id.Value, y?.Id.Value);
}

/// <summary>The names of the roster lists, as <c>roster: lists:</c> may name them (checked by <see cref="SiteLinker"/>, pages by Rendering/Pages/DeputyPages).</summary>
public static class DeputyRosterLists
{
    /// <summary>The list of every deputy.</summary>
    public const string All = "人大代表";

    /// <summary>Every name a list of <paramref name="site"/> answers to.</summary>
    public static HashSet<string> Names(SiteModel site)
    {
        var names = new HashSet<string>(StringComparer.Ordinal) { All };
        foreach (var level in site.Deputies.SelectMany(d => d.Levels).Distinct())
        {
            var levelName = DeputyVocabulary.LevelLabels[level];
            names.UnionWith([levelName, levelName + "级", levelName + "级人大代表"]);
        }

        foreach (var deputy in site.Deputies)
        {
            if (deputy.Group is { } group)
            {
                names.Add(group);
            }

            if (deputy.Region is { } region)
            {
                var label = site.RegionLabel(region) is { Length: > 0 } l ? l : region.Value;
                names.UnionWith([region.Value, label, site.RegionName(region), label + "的人大代表"]);
            }
        }

        names.Remove("");
        return names;
    }
}
