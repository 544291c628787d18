using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using NSec.Cryptography;
using Site.Generator.Vocabulary;

namespace Site.Generator.Writing;

/// <summary>
/// Tamper evidence for a published site: <c>site-manifest.json</c> lists every file's SHA-256
/// (paths relative to the site folder, '/'-separated, in ordinal order), and
/// <c>site-manifest.json.sig</c> is the Ed25519 signature of the manifest's exact bytes (base64).
/// The public key is published at <see cref="SiteRoutes.PublicKey"/> and inside the manifest.
/// </summary>
public static class SiteManifest
{
    public static readonly string ManifestFile = SiteRoutes.OutputPath(SiteRoutes.Manifest);

    public static readonly string SignatureFile = SiteRoutes.OutputPath(SiteRoutes.ManifestSignature);

    /// <summary>
    /// The manifest's bytes (indented JSON) for <paramref name="files"/> (path → lowercase hex SHA-256,
    /// the manifest and its signature not among them), and the signature file's bytes: the Ed25519
    /// signature of exactly those manifest bytes, base64, one line.
    /// </summary>
    public static (byte[] Manifest, byte[] Signature) Create(IReadOnlyDictionary<string, string> files, SigningKey key) => Create(files, key, null, out _);

    /// <summary>
    /// As <see cref="Create(IReadOnlyDictionary{string, string}, SigningKey)"/>; <paramref name="previousOrder"/>
    /// is the <paramref name="order"/> an earlier call gave (the paths in ordinal order): when this
    /// build has exactly those paths, as a rebuild after an edit does, they are not sorted again.
    /// </summary>
    public static (byte[] Manifest, byte[] Signature) Create(IReadOnlyDictionary<string, string> files, SigningKey key, string[]? previousOrder, out string[] order)
    {
        // Each path is looked up once: as many paths as before, each of them present, is the same set.
        var hashes = new string[files.Count];
        order = previousOrder is not null && previousOrder.Length == files.Count && HashesInOrder(files, previousOrder, hashes)
            ? previousOrder
            : Sorted(files);
        if (order != previousOrder)
        {
            HashesInOrder(files, order, hashes);
        }

        // Written as JsonSerializer writes the Written record (the same properties, order and
        // indentation), without first building an ordered copy of every path of a large site.
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(Math.Max(4096, files.Count * 128));
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = WriteOptions.Encoder }))
        {
            json.WriteStartObject();
            json.WriteString(nameof(Written.Hash), "SHA-256");
            json.WriteString(nameof(Written.Signature), "Ed25519");
            json.WriteString(nameof(Written.PublicKey), key.PublicKey);
            json.WriteStartObject(nameof(Written.Files));
            for (var i = 0; i < order.Length; i++)
            {
                json.WriteString(order[i], hashes[i]);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        var manifest = buffer.WrittenSpan.ToArray();
        return (manifest, new UTF8Encoding(false).GetBytes(Convert.ToBase64String(key.Sign(manifest)) + "\n"));
    }

    private static bool HashesInOrder(IReadOnlyDictionary<string, string> files, string[] order, string[] hashes)
    {
        for (var i = 0; i < order.Length; i++)
        {
            if (!files.TryGetValue(order[i], out var hash))
            {
                return false;
            }

            hashes[i] = hash;
        }

        return true;
    }

    private static string[] Sorted(IReadOnlyDictionary<string, string> files)
    {
        var paths = files.Keys.ToArray();
        Array.Sort(paths, StringComparer.Ordinal);
        return paths;
    }

    private static readonly JsonSerializerOptions WriteOptions = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary><see cref="Manifest"/> as written: the same properties in the same order, the files already in ordinal order.</summary>
    private sealed record Written(string Hash, string Signature, string PublicKey, OrderedDictionary<string, string> Files);

    /// <summary>The manifest's shape: algorithms, the signer's public key (base64), path → lowercase hex SHA-256.</summary>
    public sealed record Manifest(string Hash, string Signature, string PublicKey, SortedDictionary<string, string> Files);

    /// <summary>What <see cref="Verify"/> found: Problems name each file (Chinese); empty means the folder is what was signed.</summary>
    public sealed record Result(IReadOnlyList<string> Problems, int Checked, string? PublicKey);

    /// <summary>
    /// Checks <paramref name="siteFolder"/> against its signed manifest: the signature (with
    /// <paramref name="trustedPublicKey"/> if given, else the key the manifest names), then every
    /// file listed (missing or different) and every file not listed.
    /// </summary>
    public static Result Verify(string siteFolder, string? trustedPublicKey = null)
    {
        var problems = new List<string>();
        var manifestPath = Path.Combine(siteFolder, ManifestFile);
        var signaturePath = Path.Combine(siteFolder, SignatureFile);
        if (!File.Exists(manifestPath) || !File.Exists(signaturePath))
        {
            return new Result([$"缺少 {ManifestFile} 或 {SignatureFile}：这个目录不是带签名清单的网站"], 0, null);
        }

        var bytes = File.ReadAllBytes(manifestPath);
        Manifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize(bytes, GeneratorJson.Default.Manifest);
        }
        catch (JsonException ex)
        {
            return new Result([$"{ManifestFile} 不是有效的清单：{ex.Message}"], 0, null);
        }

        if (manifest?.Files is null || manifest.PublicKey is null)
        {
            return new Result([$"{ManifestFile} 不是有效的清单"], 0, null);
        }

        var publicKey = trustedPublicKey ?? manifest.PublicKey;
        if (trustedPublicKey is not null && trustedPublicKey != manifest.PublicKey)
        {
            problems.Add($"{ManifestFile}：清单写的公钥与指定的公钥不同");
        }

        if (!SignatureValid(publicKey, bytes, File.ReadAllText(signaturePath).Trim()))
        {
            problems.Add($"{SignatureFile}：签名与清单不符（清单被改动，或不是用这把密钥签的）");
        }

        var actual = Hash(siteFolder);
        foreach (var (path, hash) in manifest.Files)
        {
            if (!actual.TryGetValue(path, out var found))
            {
                problems.Add($"{path}：缺少此文件");
            }
            else if (!string.Equals(found, hash, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"{path}：内容与清单不符");
            }
        }

        problems.AddRange(actual.Keys.Where(path => !manifest.Files.ContainsKey(path)).Select(path => $"{path}：清单中没有此文件"));
        return new Result(problems, manifest.Files.Count, publicKey);
    }

    private static bool SignatureValid(string publicKey, byte[] data, string signature)
    {
        try
        {
            var key = PublicKey.Import(SignatureAlgorithm.Ed25519, Convert.FromBase64String(publicKey), KeyBlobFormat.RawPublicKey);
            return SignatureAlgorithm.Ed25519.Verify(key, data, Convert.FromBase64String(signature));
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException)
        {
            return false;
        }
    }

    private static SortedDictionary<string, string> Hash(string siteFolder)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var root = Path.GetFullPath(siteFolder);
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            if (relative == ManifestFile || relative == SignatureFile)
            {
                continue;
            }

            using var stream = File.OpenRead(file);
            files[relative] = Convert.ToHexStringLower(SHA256.HashData(stream));
        }

        return files;
    }
}
