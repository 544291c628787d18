namespace Site.Contracts;

/// <summary>stations.json, written by the build: every liaison station (家站点) and its page.</summary>
public sealed record StationManifest(IReadOnlyList<StationEntry> Stations)
{
    public static StationManifest Empty { get; } = new([]);

    public StationEntry? Find(string id) => Stations.FirstOrDefault(s => s.Id == id);

    public static StationManifest Load(string path) => BuildContract.Load(path, Empty);
}

/// <summary>One station: id (家站点编号), name, page URL, region code (null: none).</summary>
public sealed record StationEntry(string Id, string Name, string Url, string? Region);
