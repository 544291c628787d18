namespace Site.Intake.Recipients;

/// <summary>The deputies and stations the build published (deputies.json, stations.json), followed across rebuilds.</summary>
public sealed class RecipientCatalog(string dataPath)
{
    private readonly BuildData<DeputyManifest> _deputies = new(Path.Combine(dataPath, BuildContract.DeputiesFile), DeputyManifest.Load, DeputyManifest.Empty);
    private readonly BuildData<StationManifest> _stations = new(Path.Combine(dataPath, BuildContract.StationsFile), StationManifest.Load, StationManifest.Empty);

    public DeputyEntry? Deputy(string id) => (_deputies.Current ?? DeputyManifest.Empty).Find(id);

    public StationEntry? Station(string id) => (_stations.Current ?? StationManifest.Empty).Find(id);
}
