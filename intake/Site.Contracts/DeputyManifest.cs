namespace Site.Contracts;

/// <summary>
/// deputies.json, written by the build: the deputies (代表) the endpoint may address a message to,
/// with the liaison station each receives citizens at. The endpoint never reads input/.
/// </summary>
public sealed record DeputyManifest(IReadOnlyList<DeputyEntry> Deputies)
{
    public static DeputyManifest Empty { get; } = new([]);

    public DeputyEntry? Find(string id) => Deputies.FirstOrDefault(d => d.Id == id);

    public static DeputyManifest Load(string path) => BuildContract.Load(path, Empty);
}

/// <summary>
/// One deputy: id (代表编号), name, page URL, the station id (null: none), and the day the deputy's
/// term ended (离任日期 in the roster; null: serving), from which day messages to the deputy are refused
/// and pointed to the station.
/// </summary>
public sealed record DeputyEntry(string Id, string Name, string Url, string? Station, DateOnly? TermEnded = null)
{
    /// <summary>Whether the term has ended by <paramref name="today"/> (a date in Beijing).</summary>
    public bool HasLeftBy(DateOnly today) => TermEnded is { } ended && ended <= today;
}
