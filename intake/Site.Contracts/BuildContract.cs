using System.Text.Json;
using System.Text.Json.Serialization;

namespace Site.Contracts;

/// <summary>
/// What the build leaves in the endpoint's data folder (`_intake/` beside the site): every file name
/// and the JSON settings of the manifests. The build writes the whole folder into a staging folder
/// and swaps it in at once, so the endpoint never sees half of one build.
/// </summary>
public static class BuildContract
{
    /// <summary>Drafts open for comment, <see cref="DraftManifest"/>.</summary>
    public const string DraftsFile = "drafts.json";

    /// <summary>Deputies a message can be addressed to, <see cref="DeputyManifest"/>.</summary>
    public const string DeputiesFile = "deputies.json";

    /// <summary>Liaison stations (家站点), <see cref="StationManifest"/>.</summary>
    public const string StationsFile = "stations.json";

    /// <summary>The site chrome (title, navigation, asset URLs) for pages the endpoint renders itself.</summary>
    public const string ChromeFile = "chrome.json";

    /// <summary>The Lucene search index (a folder), written and read through Site.Search.</summary>
    public const string IndexFolder = "index";

    /// <summary>Names the build that wrote the folder, so a later build knows whether its cache describes it.</summary>
    public const string StampFile = "build.stamp";

    /// <summary>Manifests: camelCase, Chinese kept as it is, nulls left out.</summary>
    public static readonly JsonSerializerOptions ManifestJson = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>chrome.json: camelCase, Chinese kept as it is.</summary>
    public static readonly JsonSerializerOptions ChromeJson = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The stamp of the build that wrote <paramref name="folder"/>; null if none did.</summary>
    public static string? ReadStamp(string folder)
    {
        var path = Path.Combine(folder, StampFile);
        return File.Exists(path) ? File.ReadAllText(path) : null;
    }

    /// <summary>Reads a manifest; <paramref name="missing"/> when the build has not written it.</summary>
    public static T Load<T>(string path, T missing)
        where T : class =>
        File.Exists(path) ? JsonSerializer.Deserialize<T>(File.ReadAllText(path), ManifestJson) ?? missing : missing;
}
