namespace Site.Intake.Drafts;

/// <summary>
/// The drafts the build published, reloaded when the build replaces drafts.json, so a running
/// endpoint follows rebuilds without a restart.
/// </summary>
public sealed class DraftCatalog(string dataPath)
{
    private readonly Lock _lock = new();
    private DraftManifest _manifest = DraftManifest.Empty;
    private DateTime _loadedStamp;

    public DraftEntry? Find(string id)
    {
        var path = Path.Combine(dataPath, DraftManifest.FileName);
        var stamp = File.Exists(path) ? File.GetLastWriteTimeUtc(path) : default;
        lock (_lock)
        {
            if (stamp != _loadedStamp)
            {
                _manifest = stamp == default ? DraftManifest.Empty : DraftManifest.Load(path);
                _loadedStamp = stamp;
            }

            return _manifest.Find(id);
        }
    }
}
