using System.Collections.Concurrent;
using Site.Search;

namespace Site.Generator.Writing;

/// <summary>
/// Writes a build so that a failed build never replaces a good site. Two modes:
/// <list type="bullet">
/// <item>Whole (a fresh `build`): every file goes into a staging folder beside the output, which is
/// swapped in at the end. A file whose bytes did not change is hard-linked from the previous build
/// instead of rewritten: its modification time stays, and deploy tools see nothing new.</item>
/// <item>Delta (`serve` rebuilding, when the output is known to be exactly the previous build's
/// files): only changed files are staged; on commit they are moved into the output one by one and
/// files the build no longer has are deleted. Unchanged files are not touched at all, so a one-story
/// edit costs a few file operations instead of one per page.</item>
/// </list>
/// </summary>
public sealed class SiteWriter : IDisposable
{
    private readonly string _output;
    private readonly string _staging;
    private readonly IReadOnlySet<string>? _previousFiles;
    private readonly bool _hasPrevious;

    // More lock stripes than the default (one per core), sized up front: every page of a build is
    // added here by the render workers, who otherwise wait on each other's locks and on resizes.
    private readonly ConcurrentDictionary<string, bool> _directories;
    private readonly ConcurrentDictionary<string, bool> _written;
    private readonly ConcurrentQueue<string> _staged = new();
    private int _unchanged;
    private bool _committed;

    /// <param name="previousFiles">Every file the output holds, when it is known (delta mode); null for a whole build.</param>
    /// <param name="expectedFiles">How many files the build will claim, so the set of them never has to grow.</param>
    public SiteWriter(string output, IReadOnlySet<string>? previousFiles = null, int expectedFiles = 1024)
    {
        _written = new(64, Math.Max(1024, expectedFiles), StringComparer.Ordinal);
        _directories = new(64, Math.Max(1024, expectedFiles), StringComparer.Ordinal);
        _output = Path.GetFullPath(output);
        _hasPrevious = Directory.Exists(_output);
        _previousFiles = previousFiles is not null && _hasPrevious ? previousFiles : null;
        _staging = StagingFolder.Create(_output);
    }

    public int FileCount => _written.Count;

    public int UnchangedCount => _unchanged;

    public string StagingPath => _staging;

    public bool IsDelta => _previousFiles is not null;

    /// <summary>Every file of this build, '/' separated.</summary>
    /// <remarks>A rebuild that claimed exactly the previous build's files (an edit) hands back that set: none was added, none is gone.</remarks>
    public IReadOnlySet<string> Files => _previousFiles is not null && SamePaths(_previousFiles) ? _previousFiles : _written.Keys.ToHashSet(StringComparer.Ordinal);

    // How many paths of the previous build this one has claimed: all of them means none is gone.
    private int _previousClaimed;

    private bool NoneGone(IReadOnlySet<string> previousFiles) => Volatile.Read(ref _previousClaimed) == previousFiles.Count;

    private bool SamePaths(IReadOnlySet<string> previousFiles) => NoneGone(previousFiles) && _written.Count == previousFiles.Count;

    /// <summary>Writes <paramref name="content"/> at <paramref name="relativePath"/> ('/' separated).</summary>
    public void Write(string relativePath, ReadOnlySpan<byte> content)
    {
        Claim(relativePath);
        var previous = Path.Combine(_output, relativePath);
        if (_hasPrevious && SameAsPrevious(previous, content) && KeepPrevious(relativePath, previous))
        {
            return;
        }

        // A new file in a fresh staging folder: no truncate, no preallocation, no exclusive lock,
        // which are each a metadata change of their own (each costs tens of microseconds of kernel time on a slow disk).
        using var handle = File.OpenHandle(Stage(relativePath), FileMode.CreateNew, FileAccess.Write, FileShare.Read);
        RandomAccess.Write(handle, content, 0);
    }

    /// <summary>Copies a file as it is (images, assets); a symbolic link is refused, never followed.</summary>
    public void Copy(string relativePath, string sourceFile)
    {
        Claim(relativePath);
        var info = new FileInfo(sourceFile);
        if (info.LinkTarget is not null)
        {
            throw new UnsafeOutputPathException(relativePath, $"拒绝复制符号链接 {sourceFile}");
        }

        var previous = Path.Combine(_output, relativePath);
        if (File.Exists(previous) && new FileInfo(previous).Length == info.Length
            && File.ReadAllBytes(previous).AsSpan().SequenceEqual(File.ReadAllBytes(sourceFile)) && KeepPrevious(relativePath, previous))
        {
            return;
        }

        File.Copy(sourceFile, Stage(relativePath), overwrite: true);
    }

    /// <summary>Keeps the previous build's file as this build's, without reading it; false if there is none.</summary>
    public bool Keep(string relativePath)
    {
        if (_previousFiles is not null)
        {
            // Delta: the previous build's file stays where it is (its path passed the check when that
            // build claimed it). Tens of thousands of pages of a rebuild come here, each looked up once.
            if (!_previousFiles.Contains(relativePath))
            {
                return false;
            }

            if (!_written.TryAdd(relativePath, true))
            {
                throw new InvalidOperationException($"Two outputs claim the same file: {relativePath}");
            }

            Interlocked.Increment(ref _previousClaimed);
            Interlocked.Increment(ref _unchanged);
            return true;
        }

        Claim(relativePath);
        if (KeepPrevious(relativePath, Path.Combine(_output, relativePath)))
        {
            return true;
        }

        _written.TryRemove(relativePath, out _);
        return false;
    }

    public bool Contains(string relativePath) => _written.ContainsKey(relativePath);

    /// <summary>Makes the staged build the output.</summary>
    public void Commit()
    {
        if (_previousFiles is not null)
        {
            CommitDelta(_previousFiles);
            return;
        }

        // Whole build: the staging folder replaces the output.
        StagingFolder.SwapIn(_output);
        _committed = true;
    }

    public void Dispose()
    {
        if (!_committed)
        {
            StagingFolder.Discard(_output);
        }
    }

    private void CommitDelta(IReadOnlySet<string> previousFiles)
    {
        // Each move is atomic (a rename within one file system): a reader sees the old page or the new one.
        foreach (var relativePath in _staged)
        {
            var target = Path.Combine(_output, relativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Move(Path.Combine(_staging, relativePath), target, overwrite: true);
        }

        foreach (var gone in NoneGone(previousFiles) ? Enumerable.Empty<string>() : previousFiles.Where(f => !_written.ContainsKey(f)))
        {
            var path = Path.Combine(_output, gone);
            File.Delete(path);
            RemoveEmptyFolders(Path.GetDirectoryName(path)!);
        }

        Directory.Delete(_staging, recursive: true);
        _committed = true;
    }

    private void RemoveEmptyFolders(string folder)
    {
        while (folder.Length > _output.Length && Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any())
        {
            Directory.Delete(folder);
            folder = Path.GetDirectoryName(folder)!;
        }
    }

    private void Claim(string relativePath)
    {
        // A path the previous build wrote passed this check when that build claimed it; a rebuild
        // keeps tens of thousands of them, and resolving each one was a visible part of its render.
        var previous = _previousFiles?.Contains(relativePath) == true;
        if (!previous && !IsInside(_staging, relativePath))
        {
            throw new UnsafeOutputPathException(relativePath);
        }

        if (!_written.TryAdd(relativePath, true))
        {
            throw new InvalidOperationException($"Two outputs claim the same file: {relativePath}");
        }

        if (previous)
        {
            Interlocked.Increment(ref _previousClaimed);
        }
    }

    /// <summary>
    /// Defence in depth behind the validators' checks of every slug, tag and id: a path the build
    /// writes must be relative, '/' separated, without empty, "." or ".." segments, and must stay
    /// inside <paramref name="folder"/> once resolved.
    /// </summary>
    public static bool IsInside(string folder, string relativePath)
    {
        if (relativePath.Length == 0 || relativePath.Contains('\\') || relativePath.Contains('\0') || Path.IsPathRooted(relativePath))
        {
            return false;
        }

        foreach (var range in relativePath.AsSpan().Split('/'))
        {
            if (relativePath.AsSpan(range) is [] or "." or "..")
            {
                return false;
            }
        }

        var full = Path.GetFullPath(Path.Combine(folder, relativePath));
        return full.StartsWith(Path.TrimEndingDirectorySeparator(folder) + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }

    /// <summary>Delta: the file stays where it is. Whole: it is hard-linked into the staging folder.</summary>
    private bool KeepPrevious(string relativePath, string previous)
    {
        var kept = _previousFiles is not null
            ? _previousFiles.Contains(relativePath)
            : File.Exists(previous) && HardLink.TryCreate(previous, StagingDirectoryFor(relativePath));
        if (kept)
        {
            Interlocked.Increment(ref _unchanged);
        }

        return kept;
    }

    private string Stage(string relativePath)
    {
        _staged.Enqueue(relativePath);
        return StagingDirectoryFor(relativePath);
    }

    private string StagingDirectoryFor(string relativePath)
    {
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
}

/// <summary>The writer was asked for a path outside its folder (or to copy a link): a bug upstream, refused.</summary>
public sealed class UnsafeOutputPathException(string relativePath, string? detail = null)
    : IOException(detail ?? $"拒绝写到输出目录之外的路径：{relativePath}")
{
    public string RelativePath { get; } = relativePath;
}
