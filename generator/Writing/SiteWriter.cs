using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace Site.Generator.Writing;

/// <summary>
/// Writes a build into a staging folder beside the output, then swaps it in, so a failed build never
/// replaces a good site. A file whose bytes did not change is hard-linked from the previous build
/// instead of rewritten: its modification time stays, and deploy tools see nothing new.
/// </summary>
public sealed partial class SiteWriter : IDisposable
{
    private readonly string _output;
    private readonly string _staging;
    private readonly ConcurrentDictionary<string, bool> _directories = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _written = new(StringComparer.Ordinal);
    private int _unchanged;
    private bool _committed;

    public SiteWriter(string output)
    {
        _output = Path.GetFullPath(output);
        _staging = _output + ".staging";
        if (Directory.Exists(_staging))
        {
            Directory.Delete(_staging, recursive: true);
        }

        Directory.CreateDirectory(_staging);
    }

    public int FileCount => _written.Count;

    public int UnchangedCount => _unchanged;

    public string StagingPath => _staging;

    /// <summary>Writes <paramref name="content"/> at <paramref name="relativePath"/> ('/' separated).</summary>
    public void Write(string relativePath, ReadOnlySpan<byte> content)
    {
        var target = Prepare(relativePath);
        var previous = Path.Combine(_output, relativePath);
        if (SameAsPrevious(previous, content) && TryLink(previous, target))
        {
            Interlocked.Increment(ref _unchanged);
            return;
        }

        using var stream = new FileStream(target, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.None);
        stream.Write(content);
    }

    /// <summary>Copies a file as it is (images, assets).</summary>
    public void Copy(string relativePath, string sourceFile)
    {
        var target = Prepare(relativePath);
        var previous = Path.Combine(_output, relativePath);
        var info = new FileInfo(sourceFile);
        if (File.Exists(previous) && new FileInfo(previous).Length == info.Length
            && File.ReadAllBytes(previous).AsSpan().SequenceEqual(File.ReadAllBytes(sourceFile)) && TryLink(previous, target))
        {
            Interlocked.Increment(ref _unchanged);
            return;
        }

        File.Copy(sourceFile, target, overwrite: true);
    }

    public bool Contains(string relativePath) => _written.ContainsKey(relativePath);

    /// <summary>Replaces the output with the staged build (two renames), then removes the previous build.</summary>
    public void Commit()
    {
        var old = _output + ".old";
        if (Directory.Exists(old))
        {
            Directory.Delete(old, recursive: true);
        }

        if (Directory.Exists(_output))
        {
            Directory.Move(_output, old);
        }

        Directory.Move(_staging, _output);
        _committed = true;
        if (Directory.Exists(old))
        {
            Directory.Delete(old, recursive: true);
        }
    }

    public void Dispose()
    {
        if (!_committed && Directory.Exists(_staging))
        {
            Directory.Delete(_staging, recursive: true);
        }
    }

    private string Prepare(string relativePath)
    {
        if (!_written.TryAdd(relativePath, true))
        {
            throw new InvalidOperationException($"Two outputs claim the same file: {relativePath}");
        }

        var target = Path.Combine(_staging, relativePath);
        var directory = Path.GetDirectoryName(target)!;
        if (!_directories.ContainsKey(directory))
        {
            // Create before remembering it, so no other thread writes into a folder not made yet.
            Directory.CreateDirectory(directory);
            _directories.TryAdd(directory, true);
        }

        return target;
    }

    private static bool SameAsPrevious(string previous, ReadOnlySpan<byte> content)
    {
        try
        {
            var info = new FileInfo(previous);
            return info.Exists && info.Length == content.Length && File.ReadAllBytes(previous).AsSpan().SequenceEqual(content);
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static bool TryLink(string existing, string target) =>
        !OperatingSystem.IsWindows() && Link(existing, target) == 0;

    [LibraryImport("libc", EntryPoint = "link", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Link(string existing, string newPath);
}
