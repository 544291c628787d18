namespace Site.Intake.Drafts;

/// <summary>The drafts the build published (drafts.json), followed across rebuilds.</summary>
public sealed class DraftCatalog(string dataPath)
{
    private readonly BuildData<DraftManifest> _manifest = new(Path.Combine(dataPath, DraftManifest.FileName), DraftManifest.Load, DraftManifest.Empty);

    public DraftEntry? Find(string id) => (_manifest.Current ?? DraftManifest.Empty).Find(id);
}
