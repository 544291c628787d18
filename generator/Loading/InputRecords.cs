namespace Site.Generator.Loading;

/// <summary>The raw records of input/, by kind, in file order.</summary>
public sealed class InputRecords
{
    private readonly Dictionary<RecordKind, List<RawMap>> _byKind = [];

    public RawMap? SiteConfig { get; set; }

    public IReadOnlyList<RawMap> Of(RecordKind kind) =>
        _byKind.TryGetValue(kind, out var list) ? list : [];

    public void Add(RecordKind kind, IEnumerable<RawMap> records)
    {
        if (!_byKind.TryGetValue(kind, out var list))
        {
            _byKind[kind] = list = [];
        }

        list.AddRange(records);
    }
}
