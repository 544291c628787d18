using Site.Generator.Commands;
using Site.Generator.Tests.Support;
using Site.Generator.Writing;

namespace Site.Generator.Tests.Pipeline;

/// <summary>The signed manifest of a built site, and the verify verb finding a tampered, missing or added file.</summary>
public sealed class SiteManifestTests
{
    private const string Site = TestSite.MinimalConfig + """

        -- content/pages/about.md --
        ---
        title: 关于本站
        ---
        县人大常委会办公室主办。
        """;

    private static (int Exit, string Output, string Errors) Verify(string folder, string? key = null)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var exit = VerifyCommand.Run(folder, key, output, errors);
        return (exit, output.ToString(), errors.ToString());
    }

    [Fact]
    public async Task Verify_UntouchedSite_Passes_TamperedMissingAndAddedFiles_AreEachNamed()
    {
        using var site = await TestSite.BuildAsync(Site);
        site.AssertNoErrors();
        var key = File.ReadAllText(Path.Combine(site.Output, "verify", "public-key.txt")).Trim();
        Assert.Contains(key, site.ReadFile("verify/index.html"));

        var (exit, output, _) = Verify(site.Output, key);
        Assert.Equal(0, exit);
        Assert.Contains("核验通过", output);

        File.AppendAllText(Path.Combine(site.Output, "about", "index.html"), "<script>alert(1)</script>");
        File.Delete(Path.Combine(site.Output, "robots.txt"));
        File.WriteAllText(Path.Combine(site.Output, "extra.html"), "x");
        var (tamperedExit, _, errors) = Verify(site.Output, key);

        Assert.Equal(1, tamperedExit);
        Assert.Contains("about/index.html：内容与清单不符", errors);
        Assert.Contains("robots.txt：缺少此文件", errors);
        Assert.Contains("extra.html：清单中没有此文件", errors);
        Assert.DoesNotContain("sitemap.xml", errors);
    }

    [Fact]
    public async Task Verify_ARewrittenManifest_FailsItsSignature_AndAnotherKeyIsRefused()
    {
        using var site = await TestSite.BuildAsync(Site);
        var key = File.ReadAllText(Path.Combine(site.Output, "verify", "public-key.txt")).Trim();

        // Someone changes a page and updates its hash in the manifest: the signature no longer holds.
        var page = Path.Combine(site.Output, "about", "index.html");
        var manifest = Path.Combine(site.Output, "site-manifest.json");
        var oldHash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(page)));
        File.AppendAllText(page, "改动");
        var newHash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(page)));
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace(oldHash, newHash));

        var (exit, _, errors) = Verify(site.Output, key);
        Assert.Equal(1, exit);
        Assert.Contains("签名与清单不符", errors);

        var other = Convert.ToBase64String(new byte[32]);
        Assert.Contains("公钥不同", Verify(site.Output, other).Errors);
    }

    [Fact]
    public async Task Verify_AfterServeRebuildsAndAFreshRebuild_Passes_KeptFilesAreSignedWithTheirRememberedHashes()
    {
        using var site = TestSite.Write(Site);
        var cache = new Site.Generator.Build.BuildCache();
        await site.RebuildAsync(cache: cache);
        site.AssertNoErrors();
        var key = File.ReadAllText(Path.Combine(site.Output, "verify", "public-key.txt")).Trim();

        // `serve`: one page changes, every other file is kept unread and signed with the hash the last build took.
        var about = Path.Combine(site.Root, "content", "pages", "about.md");
        File.WriteAllText(about, File.ReadAllText(about).Replace("县人大常委会办公室主办。", "县人大常委会办公室主办，信息科维护。"));
        await site.RebuildAsync(cache: cache);
        site.AssertNoErrors();
        Assert.Contains("信息科维护", site.ReadFile("about/index.html"));
        Assert.Equal(0, Verify(site.Output, key).Exit);
        await site.RebuildAsync(cache: cache);
        Assert.Equal(0, Verify(site.Output, key).Exit);

        // A fresh `build` over the last output: unchanged files are hard-linked, and still listed with their hashes.
        await site.RebuildAsync();
        site.AssertNoErrors();
        var (exit, output, errors) = Verify(site.Output, key);
        Assert.True(exit == 0, errors);
        Assert.Contains("核验通过", output);
    }

    [Fact]
    public void SigningKey_FromConfiguration_IsStable_BadOrInsideTheSite_IsAChineseProblem()
    {
        var seed = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
        using var first = SigningKey.Load("/srv/site", out var none, name => name == SigningKey.EnvironmentVariable ? seed : null)!;
        using var second = SigningKey.Load("/srv/site", out _, name => name == SigningKey.EnvironmentVariable ? seed : null)!;
        Assert.Null(none);
        Assert.False(first.IsEphemeral);
        Assert.Equal(first.PublicKey, second.PublicKey);

        Assert.Null(SigningKey.Load("/srv/site", out var shortKey, name => name == SigningKey.EnvironmentVariable ? "abcd" : null));
        Assert.Contains("32 字节", shortKey);
        Assert.Null(SigningKey.Load("/srv/site", out var inside, name => name == SigningKey.FileVariable ? "/srv/site/keys/site.key" : null));
        Assert.Contains("站点目录之内", inside);

        using var ephemeral = SigningKey.Load("/srv/site", out _, _ => null)!;
        Assert.True(ephemeral.IsEphemeral);
    }
    [Fact]
    public void Manifest_IsTheSortedDictionarysJson_ByteForByte_AndItsSignatureHolds()
    {
        // The manifest is written from the build's unordered hashes; it must stay exactly what
        // serializing the published shape (a SortedDictionary in ordinal order) gives.
        var seed = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
        using var key = SigningKey.Load("/srv/site", out _, name => name == SigningKey.EnvironmentVariable ? seed : null)!;
        var files = new System.Collections.Concurrent.ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        string[] paths = ["stories/a/index.html", "stories/B/index.html", "stories/a-b/index.html", "stories/a/b/index.html", "tags/履职/index.html",
            "tags/代表/index.html", "index.html", "assets/site.3f2a.css", "stories/\"quoted\"/index.html", "Z.txt", "_headers.txt", "stories/a/index.htm"];
        foreach (var (path, i) in paths.Select((p, i) => (p, i)))
        {
            files[path] = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(BitConverter.GetBytes(i)));
        }

        var (manifest, signature) = SiteManifest.Create(files, key);

        var expected = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(
            new SiteManifest.Manifest("SHA-256", "Ed25519", key.PublicKey, new SortedDictionary<string, string>(files, StringComparer.Ordinal)),
            new System.Text.Json.JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        Assert.Equal(System.Text.Encoding.UTF8.GetString(expected), System.Text.Encoding.UTF8.GetString(manifest));
        Assert.Equal(expected, manifest);
        Assert.Equal(Convert.ToBase64String(key.Sign(manifest)) + "\n", System.Text.Encoding.UTF8.GetString(signature));
    }
    [Fact]
    public void Manifest_GivenTheLastBuildsOrder_IsTheSameBytes_AndAnotherSetOfFilesIsSortedAgain()
    {
        // `serve` hands each rebuild the order of the last manifest: kept only for exactly the same paths.
        var seed = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
        using var key = SigningKey.Load("/srv/site", out _, name => name == SigningKey.EnvironmentVariable ? seed : null)!;
        var files = new System.Collections.Concurrent.ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in new[] { "stories/b/index.html", "index.html", "tags/履职/index.html", "stories/a/index.html" })
        {
            files[path] = new string('a', 64);
        }

        var (first, _) = SiteManifest.Create(files, key, null, out var order);
        Assert.Equal(["index.html", "stories/a/index.html", "stories/b/index.html", "tags/履职/index.html"], order);

        // One page edited: same paths, a new hash.
        files["stories/a/index.html"] = new string('b', 64);
        var (edited, _) = SiteManifest.Create(files, key, order, out var kept);
        Assert.Same(order, kept);
        Assert.Equal(SiteManifest.Create(files, key).Manifest, edited);
        Assert.NotEqual(first, edited);

        // A page added and another gone, as many files as before: sorted again.
        files.TryRemove("stories/b/index.html", out _);
        files["stories/0/index.html"] = new string('c', 64);
        var (moved, _) = SiteManifest.Create(files, key, order, out var resorted);
        Assert.Equal(["index.html", "stories/0/index.html", "stories/a/index.html", "tags/履职/index.html"], resorted);
        Assert.Equal(SiteManifest.Create(files, key).Manifest, moved);
    }
}
