using System.Text.Json;
using Site.Generator.Model;
using Site.Intake.Drafts;
using Site.Intake.Search;
using Site.Search;
using Site.Theme.ViewModels;

namespace Site.Generator.Indexing;

/// <summary>
/// Writes what the endpoint reads (drafts.json, the search index, the site chrome for the pages it
/// renders) into a staging folder, then swaps it in, so a running endpoint never sees half a build.
/// </summary>
public static class IntakeDataWriter
{
    public static void Write(SiteModel site, SiteChrome chrome, string folder)
    {
        var staging = folder + ".staging";
        if (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }

        Directory.CreateDirectory(staging);
        File.WriteAllText(Path.Combine(staging, DraftManifest.FileName), JsonSerializer.Serialize(Manifest(site), DraftManifest.Json));
        File.WriteAllText(Path.Combine(staging, SearchService.ChromeFile), JsonSerializer.Serialize(chrome, SearchService.ChromeJson));
        SearchIndexWriter.Write(Path.Combine(staging, SearchService.IndexFolder), SearchDocuments.From(site));

        var old = folder + ".old";
        if (Directory.Exists(old))
        {
            Directory.Delete(old, recursive: true);
        }

        if (Directory.Exists(folder))
        {
            Directory.Move(folder, old);
        }

        Directory.Move(staging, folder);
        if (Directory.Exists(old))
        {
            Directory.Delete(old, recursive: true);
        }
    }

    public static DraftManifest Manifest(SiteModel site) => new(site.Drafts
        .Select(d => new DraftEntry(
            d.Id.Value,
            d.Title,
            d.Url,
            d.OpensAt,
            d.ClosesAt,
            d.Text.Articles.Select(a => new ArticleEntry(a.Anchor, a.Label)).ToList()))
        .ToList());
}
