namespace Site.Generator.Model;

/// <summary>
/// The whole site after linking: every record, ordered as pages show them, with the lookups
/// that make links go both ways (a deputy's page lists the stories about them).
/// </summary>
public sealed class SiteModel
{
    public required SiteConfig Config { get; init; }

    /// <summary>Newest first.</summary>
    public required IReadOnlyList<Story> Stories { get; init; }

    public required IReadOnlyList<PlainPage> Pages { get; init; }

    /// <summary>Open drafts first (nearest deadline first), then closed ones (latest first).</summary>
    public required IReadOnlyList<Draft> Drafts { get; init; }

    /// <summary>In official roster order: by surname stroke count.</summary>
    public required IReadOnlyList<Deputy> Deputies { get; init; }

    public required IReadOnlyList<Station> Stations { get; init; }

    public required IReadOnlyList<Suggestion> Suggestions { get; init; }

    /// <summary>Newest year first; within a year the county before townships, 票决 before 票选.</summary>
    public required IReadOnlyList<Ballot> Ballots { get; init; }

    public required IReadOnlyDictionary<RegionCode, Region> Regions { get; init; }

    /// <summary>A region's direct sub-regions (a town's villages), in code order.</summary>
    public required ILookup<RegionCode, Region> RegionChildren { get; init; }

    public required IReadOnlyDictionary<DeputyId, Deputy> DeputiesById { get; init; }

    public required IReadOnlyDictionary<StationId, Station> StationsById { get; init; }

    public required ILookup<DeputyId, Story> StoriesByDeputy { get; init; }

    public required ILookup<StationId, Story> StoriesByStation { get; init; }

    public required ILookup<string, Story> StoriesByColumn { get; init; }

    public required ILookup<string, Story> StoriesByTag { get; init; }

    public required ILookup<StationId, Deputy> DeputiesByStation { get; init; }

    public required ILookup<DeputyId, DutyRecord> DutiesByDeputy { get; init; }

    public required ILookup<DeputyId, Suggestion> SuggestionsByDeputy { get; init; }

    /// <summary>Stories naming a suggestion in their <c>suggestions:</c>, by 建议编号, newest first.</summary>
    public ILookup<string, Story> StoriesBySuggestion { get; init; } = Array.Empty<Story>().ToLookup(s => s.Slug, StringComparer.Ordinal);

    /// <summary>Each draft that names a previous reading, compared with it article by article.</summary>
    public IReadOnlyDictionary<DraftId, DraftComparison> DraftComparisons { get; init; } = new Dictionary<DraftId, DraftComparison>();

    /// <summary>Each draft in a chain of readings (linked by <c>previous:</c>): the whole chain, earliest first.</summary>
    public IReadOnlyDictionary<DraftId, IReadOnlyList<Draft>> DraftReadings { get; init; } = new Dictionary<DraftId, IReadOnlyList<Draft>>();

    /// <summary>The clock the build was asked to use: decides which drafts are open. Fixed in tests.</summary>
    public required DateTimeOffset Now { get; init; }

    public string RegionName(RegionCode? code) =>
        code is { } c && Regions.TryGetValue(c, out var region) ? region.Name : "";

    private HashSet<string>? _sharedRegionNames;

    /// <summary>
    /// A region's name as links and lists show it: with the names above it where another region has
    /// the same name (a province has five 龙潭镇: 龙潭镇（溆浦县）), climbing while those are shared too
    /// (城关镇（市辖区·某市）); the bare name where it is unique; "" for an unknown code.
    /// </summary>
    public string RegionLabel(RegionCode? code)
    {
        if (code is not { } c || !Regions.TryGetValue(c, out var region))
        {
            return "";
        }

        var shared = _sharedRegionNames ??= Regions.Values.GroupBy(r => r.Name, StringComparer.Ordinal)
            .Where(g => g.Skip(1).Any()).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        if (!shared.Contains(region.Name))
        {
            return region.Name;
        }

        var above = new List<string>(2);
        for (var parent = region.Parent; parent is { } p && Regions.TryGetValue(p, out var next) && above.Count < 3; parent = next.Parent)
        {
            above.Add(next.Name);
            if (!shared.Contains(next.Name))
            {
                break;
            }
        }

        return above.Count == 0 ? region.Name : $"{region.Name}（{string.Join("·", above)}）";
    }

    /// <summary>The township/street a region lies in (itself if it is one), for grouping stations.</summary>
    public Region? Township(RegionCode? code) => RegionAndAbove(code).FirstOrDefault(r => r.Level == "town");

    /// <summary>A region and every region below it (its towns, their villages), depth first in code order.</summary>
    public IEnumerable<Region> RegionAndBelow(Region region)
    {
        var pending = new Stack<Region>();
        var seen = new HashSet<RegionCode>();
        pending.Push(region);
        while (pending.TryPop(out var next))
        {
            if (!seen.Add(next.Code))
            {
                continue;
            }

            yield return next;
            foreach (var child in RegionChildren[next.Code].Reverse())
            {
                pending.Push(child);
            }
        }
    }

    /// <summary>A region, then its parent, and so on up to the county.</summary>
    public IEnumerable<Region> RegionAndAbove(RegionCode? code)
    {
        while (code is { } c && Regions.TryGetValue(c, out var region))
        {
            yield return region;
            code = region.Parent;
        }
    }
}
