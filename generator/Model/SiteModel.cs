namespace Site.Generator.Model;

/// <summary>
/// The whole site after linking: every record, ordered as pages show them, with the lookups
/// that make links go both ways (a deputy's page lists the stories about them). Each kind's
/// members are set once, by its step in <c>SiteLinker.Steps</c>; a kind added later keeps what its
/// step made in <see cref="Linked{T}"/> instead of a member here.
/// </summary>
public sealed class SiteModel
{
    public required SiteConfig Config { get; init; }

    /// <summary>Newest first.</summary>
    public IReadOnlyList<Story> Stories { get; internal set; } = [];

    public IReadOnlyList<PlainPage> Pages { get; internal set; } = [];

    /// <summary>Open drafts first (nearest deadline first), then closed ones (latest first).</summary>
    public IReadOnlyList<Draft> Drafts { get; internal set; } = [];

    /// <summary>In official roster order: by surname stroke count.</summary>
    public IReadOnlyList<Deputy> Deputies { get; internal set; } = [];

    public IReadOnlyList<Station> Stations { get; internal set; } = [];

    public IReadOnlyList<Suggestion> Suggestions { get; internal set; } = [];

    /// <summary>Newest year first; within a year the county before townships, 票决 before 票选.</summary>
    public IReadOnlyList<Ballot> Ballots { get; internal set; } = [];

    public IReadOnlyDictionary<RegionCode, Region> Regions { get; internal set; } = new Dictionary<RegionCode, Region>();

    /// <summary>A region's direct sub-regions (a town's villages), in code order.</summary>
    public ILookup<RegionCode, Region> RegionChildren { get; internal set; } = NoLinks<RegionCode, Region>();

    public IReadOnlyDictionary<DeputyId, Deputy> DeputiesById { get; internal set; } = new Dictionary<DeputyId, Deputy>();

    public IReadOnlyDictionary<StationId, Station> StationsById { get; internal set; } = new Dictionary<StationId, Station>();

    public ILookup<DeputyId, Story> StoriesByDeputy { get; internal set; } = NoLinks<DeputyId, Story>();

    public ILookup<StationId, Story> StoriesByStation { get; internal set; } = NoLinks<StationId, Story>();

    public ILookup<string, Story> StoriesByColumn { get; internal set; } = NoLinks<string, Story>();

    public ILookup<string, Story> StoriesByTag { get; internal set; } = NoLinks<string, Story>();

    /// <summary>Serving deputies received at each station, in roster order (a deputy whose 离任日期 has passed by <see cref="Today"/> is in <see cref="DepartedByStation"/>).</summary>
    public ILookup<StationId, Deputy> DeputiesByStation { get; internal set; } = NoLinks<StationId, Deputy>();

    /// <summary>Deputies of each station whose 离任日期 has passed by <see cref="Today"/>, latest departure first.</summary>
    public ILookup<StationId, Deputy> DepartedByStation { get; internal set; } = NoLinks<StationId, Deputy>();

    /// <summary>
    /// <see cref="Deputies"/> without those whose 离任日期 has passed by <see cref="Today"/>: what lists,
    /// posters and counts show. Their own pages, the search index and open data keep every deputy.
    /// </summary>
    public IReadOnlyList<Deputy> ServingDeputies { get; internal set; } = [];

    public ILookup<DeputyId, DutyRecord> DutiesByDeputy { get; internal set; } = NoLinks<DeputyId, DutyRecord>();

    public ILookup<DeputyId, Suggestion> SuggestionsByDeputy { get; internal set; } = NoLinks<DeputyId, Suggestion>();

    /// <summary>Stories naming a suggestion in their <c>suggestions:</c>, by 建议编号, newest first.</summary>
    public ILookup<string, Story> StoriesBySuggestion { get; internal set; } = NoLinks<string, Story>();

    /// <summary>Each draft that names a previous reading, compared with it article by article.</summary>
    public IReadOnlyDictionary<DraftId, DraftComparison> DraftComparisons { get; internal set; } = new Dictionary<DraftId, DraftComparison>();

    /// <summary>Each draft in a chain of readings (linked by <c>previous:</c>): the whole chain, earliest first.</summary>
    public IReadOnlyDictionary<DraftId, IReadOnlyList<Draft>> DraftReadings { get; internal set; } = new Dictionary<DraftId, IReadOnlyList<Draft>>();

    /// <summary>The clock the build was asked to use: decides which drafts are open. Fixed in tests.</summary>
    public required DateTimeOffset Now { get; init; }

    /// <summary>The build's date in Beijing (UTC+8), the day the endpoint also counts 离任日期 by.</summary>
    public DateOnly Today => DateOnly.FromDateTime(Now.ToOffset(TimeSpan.FromHours(8)).DateTime);

    private readonly Dictionary<Type, object> _linked = [];

    /// <summary>
    /// What a kind's link step made of its records (its ordered list and lookups, one type per kind),
    /// for kinds added without members here. Throws <see cref="KeyNotFoundException"/> when no step
    /// in <c>SiteLinker.Steps</c> set it.
    /// </summary>
    public T Linked<T>()
        where T : class =>
        _linked.TryGetValue(typeof(T), out var value) ? (T)value : throw new KeyNotFoundException($"No link step set {typeof(T).Name}.");

    internal void SetLinked<T>(T value)
        where T : class => _linked[typeof(T)] = value;

    private static ILookup<TKey, TValue> NoLinks<TKey, TValue>() => Array.Empty<(TKey Key, TValue Value)>().ToLookup(x => x.Key, x => x.Value);

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
