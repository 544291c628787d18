using NSec.Cryptography;

namespace Site.Generator.Writing;

/// <summary>
/// The Ed25519 key that signs the site's manifest. It comes from configuration, never from the
/// repository: <c>SITE_SIGNING_KEY</c> (the 32-byte private key seed, base64) or
/// <c>SITE_SIGNING_KEY_FILE</c> (a file holding that text, outside the site folder). Any 32 random
/// bytes are a key: <c>head -c 32 /dev/urandom | base64</c>. Without either, a build signs with an
/// ephemeral key made for this process (local preview) and says so.
/// </summary>
public sealed class SigningKey : IDisposable
{
    public const string EnvironmentVariable = "SITE_SIGNING_KEY";

    public const string FileVariable = "SITE_SIGNING_KEY_FILE";

    private static readonly Lazy<Key> Ephemeral = new(() => Key.Create(SignatureAlgorithm.Ed25519));

    private readonly Key _key;

    private readonly bool _owned;

    private SigningKey(Key key, bool ephemeral, bool owned)
    {
        _key = key;
        IsEphemeral = ephemeral;
        _owned = owned;
        PublicKey = Convert.ToBase64String(key.PublicKey.Export(KeyBlobFormat.RawPublicKey));
    }

    /// <summary>True when no key was configured: the signature proves nothing beyond this machine.</summary>
    public bool IsEphemeral { get; }

    /// <summary>The public key, raw 32 bytes in base64, as the site publishes it.</summary>
    public string PublicKey { get; }

    /// <summary>
    /// The configured key, or the process's ephemeral one. A configured key that cannot be read, is
    /// not 32 bytes of base64, or lies inside <paramref name="root"/> (it would be published or
    /// committed) gives null and a Chinese <paramref name="problem"/>.
    /// </summary>
    public static SigningKey? Load(string root, out string? problem, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        problem = null;
        var text = environment(EnvironmentVariable);
        var file = environment(FileVariable);
        if (string.IsNullOrWhiteSpace(text) && !string.IsNullOrWhiteSpace(file))
        {
            var path = Path.GetFullPath(file);
            var fullRoot = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root)) + Path.DirectorySeparatorChar;
            if (path.StartsWith(fullRoot, StringComparison.Ordinal))
            {
                problem = $"{FileVariable} 指向站点目录之内的 {path}：私钥不能放在站点目录（会被发布或提交），请移到站点目录之外";
                return null;
            }

            try
            {
                text = File.ReadAllText(path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                problem = $"{FileVariable}：读不到私钥文件 {path}（{ex.Message}）";
                return null;
            }
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return new SigningKey(Ephemeral.Value, ephemeral: true, owned: false);
        }

        byte[] seed;
        try
        {
            seed = Convert.FromBase64String(text.Trim());
        }
        catch (FormatException)
        {
            seed = [];
        }

        if (seed.Length != 32)
        {
            problem = $"签名私钥应为 32 字节的 Base64 文本（可用 head -c 32 /dev/urandom | base64 生成），实际为 {seed.Length} 字节";
            return null;
        }

        return new SigningKey(Key.Import(SignatureAlgorithm.Ed25519, seed, KeyBlobFormat.RawPrivateKey), ephemeral: false, owned: true);
    }

    /// <summary>An Ed25519 signature (64 bytes) of <paramref name="data"/>.</summary>
    public byte[] Sign(ReadOnlySpan<byte> data) => SignatureAlgorithm.Ed25519.Sign(_key, data);

    public void Dispose()
    {
        if (_owned)
        {
            _key.Dispose();
        }
    }
}
