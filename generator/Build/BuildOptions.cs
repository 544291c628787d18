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
}
