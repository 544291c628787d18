using System.Collections.Concurrent;
using System.Security.Cryptography;
using Site.Generator.Rendering;

namespace Site.Generator.Writing;

/// <summary>
/// The build's sink for the site's files: each goes to the <see cref="SiteWriter"/> (staging, kept
/// or hard-linked unchanged files) and its SHA-256 is taken from the bytes as they are handed over,
/// so the signed manifest (<see cref="SiteManifest"/>) is made from what was written and staged with
/// the site, instead of reading every published file back after the swap. A file kept from the
/// previous build without being read takes the hash that build remembered, or is hashed from disk
/// when there is none.
/// </summary>
public sealed class SiteOutput : IOutputSink
{
    private readonly SiteWriter _writer;
    private readonly string _output;
    private readonly IReadOnlyDictionary<string, string>? _previousHashes;
    private readonly ConcurrentDictionary<string, string> _hashes;

    /// <param name="previousHashes">Path → lowercase hex SHA-256 of the previous build's files, when they are known to be the output's.</param>
    public SiteOutput(SiteWriter writer, string output, IReadOnlyDictionary<string, string>? previousHashes, int expectedFiles = 1024)
    {
        _writer = writer;
        _output = Path.GetFullPath(output);
        _previousHashes = previousHashes;
        // Twice the files expected: a table grows once any of its lock stripes holds more than its share.
        _hashes = new(64, Math.Max(1024, 2 * expectedFiles), StringComparer.Ordinal);
    }

    public SiteWriter Writer => _writer;

    /// <summary>The previous build's manifest paths in their order (<see cref="SiteManifest.Create(IReadOnlyDictionary{string, string}, SigningKey, string[], out string[])"/>), when its hashes are known.</summary>
    public string[]? PreviousManifestOrder { get; init; }

    /// <summary>This build's manifest paths in their order, once staged.</summary>
    public string[]? ManifestOrder { get; private set; }

    /// <summary>Path → lowercase hex SHA-256 of every file of this build but the manifest and its signature.</summary>
    public IReadOnlyDictionary<string, string> Hashes => _hashes;

    public void Write(string relativePath, ReadOnlySpan<byte> content)
    {
        _writer.Write(relativePath, content);
        _hashes[relativePath] = Convert.ToHexStringLower(SHA256.HashData(content));
    }

    public bool Keep(string relativePath)
    {
        if (!_writer.Keep(relativePath))
        {
            return false;
        }

        _hashes[relativePath] = _previousHashes is not null && _previousHashes.TryGetValue(relativePath, out var hash)
            ? hash
            : HashFile(Path.Combine(_output, relativePath));
        return true;
    }

    /// <summary>Copies a content file (images, attachments) as it is, hashing the bytes copied.</summary>
    public void Copy(string relativePath, string sourceFile)
    {
        _writer.Copy(relativePath, sourceFile);
        _hashes[relativePath] = HashFile(sourceFile);
    }

    /// <summary>Stages <c>site-manifest.json</c> and its signature with the site, from the hashes of every file written so far; call it last.</summary>
    public int StageManifest(SigningKey key)
    {
        var (manifest, signature) = SiteManifest.Create(_hashes, key, PreviousManifestOrder, out var order);
        ManifestOrder = order;
        _writer.Write(SiteManifest.ManifestFile, manifest);
        _writer.Write(SiteManifest.SignatureFile, signature);
        return _hashes.Count;
    }

    private static string HashFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
