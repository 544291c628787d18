namespace Site.Generator.Build;

/// <summary>What to build and where. <see cref="Now"/> decides which drafts are open; tests fix it.</summary>
public sealed record BuildOptions(string Root, string Output, string IntakeOutput, bool CheckOnly = false)
{
    public DateTimeOffset Now { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>Where to say what the build is doing while it runs; null says nothing.</summary>
    public BuildProgress? Progress { get; init; }

    public static BuildOptions For(string root, string? output = null, bool checkOnly = false)
    {
        var fullRoot = Path.GetFullPath(root);
        var fullOutput = Path.GetFullPath(output ?? Path.Combine(fullRoot, "_site"));
        return new BuildOptions(fullRoot, fullOutput, Path.Combine(Path.GetDirectoryName(fullOutput)!, "_intake"), checkOnly);
    }

    /// <summary>
    /// Why <see cref="Root"/> is not a site (Chinese), or null: it does not exist, or has neither content/
    /// nor input/ (a mistyped --root would otherwise build and write an empty site).
    /// </summary>
    public string? RootProblem()
    {
        if (!Directory.Exists(Root))
        {
            return $"站点目录 {Root} 不存在：请用 --root 指向网站源文件所在的目录（其中有 content/ 和 input/）";
        }

        if (!Directory.Exists(Path.Combine(Root, "content")) && !Directory.Exists(Path.Combine(Root, "input")))
        {
            return $"站点目录 {Root} 中既没有 content/ 也没有 input/：请用 --root 指向网站源文件所在的目录";
        }

        return null;
    }

    /// <summary>
    /// Why <see cref="Output"/> cannot take a build (Chinese), or null. A build replaces its output
    /// folder whole, so the output must not be the site root or above it, nor lie in a source folder
    /// (`--out .` or `--out content` would otherwise delete the site's own sources), nor be a file,
    /// nor a non-empty folder that is not a previous build's output.
    /// </summary>
    public string? OutputProblem()
    {
        static bool Within(string path, string folder) =>
            path == folder || path.StartsWith(Path.TrimEndingDirectorySeparator(folder) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

        var output = Path.TrimEndingDirectorySeparator(Output);
        if (Within(Root, output))
        {
            return $"输出目录 {Output} 是站点目录本身或它的上级：生成时会整个替换输出目录，请另选一个目录（默认为 _site）";
        }

        foreach (var source in new[] { "content", "input", "theme" })
        {
            if (Within(output, Path.Combine(Root, source)))
            {
                return $"输出目录 {Output} 在 {source}/ 之中：生成时会整个替换输出目录，请另选一个目录（默认为 _site）";
            }
        }

        // A file where the folder should go: the build would fail only at its very end, after the
        // endpoint's data beside it (_intake/) was already swapped in.
        if (File.Exists(output))
        {
            return $"输出目录 {Output} 是一个文件，不是目录：请另选一个目录（默认为 _site）";
        }

        // A --out folder that holds something other than a previous build (which always writes
        // sitemap.xml and robots.txt) would be wiped: keep.txt, a colleague's documents. The default
        // _site under the root is the build's own and is replaced as before.
        if (output != Path.Combine(Root, "_site")
            && Directory.Exists(output)
            && Directory.EnumerateFileSystemEntries(output).Any()
            && !(File.Exists(Path.Combine(output, "sitemap.xml")) && File.Exists(Path.Combine(output, "robots.txt"))))
        {
            return $"输出目录 {Output} 已有其他文件，不像是以前生成的网站（没有 sitemap.xml 和 robots.txt）：生成时会整个替换输出目录，请另选一个空目录或不存在的目录";
        }

        return null;
    }
}
