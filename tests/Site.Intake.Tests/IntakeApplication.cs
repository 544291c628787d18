using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Site.Intake.Drafts;

namespace Site.Intake.Tests;

/// <summary>The endpoint on a real SQLite file in a temp folder, with a drafts.json like the build writes.</summary>
public sealed class IntakeApplication : WebApplicationFactory<Program>
{
    public IntakeApplication(string? folder = null)
    {
        Folder = folder ?? Path.Combine(Path.GetTempPath(), "intake-test-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Folder);
        var now = DateTimeOffset.UtcNow;
        var manifest = new DraftManifest(
        [
            new DraftEntry("open-draft", "某某条例（草案）", "/drafts/open-draft/", now.AddDays(-3), now.AddDays(30),
                [new ArticleEntry("article-1", "第一条"), new ArticleEntry("article-2", "第二条"), new ArticleEntry("article-3", "第三条")]),
            new DraftEntry("closed-draft", "某某办法（征求意见稿）", "/drafts/closed-draft/", now.AddDays(-60), now.AddDays(-30),
                [new ArticleEntry("article-1", "第一条")]),
        ]);
        File.WriteAllText(Path.Combine(Folder, DraftManifest.FileName), JsonSerializer.Serialize(manifest, DraftManifest.Json));
    }

    public string Folder { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder) =>
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Intake:DataPath"] = Folder,
            ["Intake:Sqlite"] = Path.Combine(Folder, "comments.db"),
            ["Intake:ExportToken"] = "staff-token",
            ["Intake:PostsPerMinute"] = "1000",
        }));
}
