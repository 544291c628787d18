using System.Text.RegularExpressions;
using Site.Generator.Tests.Support;

namespace Site.Generator.Tests.Repository;

/// <summary>
/// Comments say why, not how fast: a measured figure in a comment or a project file goes stale with
/// the next change, so figures live in BENCHMARKS.md beside the command that prints them.
/// </summary>
public sealed partial class SpeedFigureTests
{
    [Fact]
    public void ProductSources_CommentsAndProjectFiles_CarryNoSpeedFigures()
    {
        var root = SampleSite.FindRepositoryRoot();
        var offending = new List<string>();
        foreach (var file in Sources(root))
        {
            var projectFile = file.EndsWith("proj", StringComparison.Ordinal) || file.EndsWith(".props", StringComparison.Ordinal);
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                var comment = projectFile ? lines[i] : CommentOf(lines[i]);
                if (comment is not null && Figure().IsMatch(comment))
                {
                    offending.Add($"{Path.GetRelativePath(root, file)}:{i + 1}: {lines[i].Trim()}");
                }
            }
        }

        Assert.True(offending.Count == 0, "move these figures to BENCHMARKS.md (with the command that prints them) and keep the why:\n" + string.Join("\n", offending));
    }

    [Theory]
    [InlineData("/// instead of 3.6 ms, for an index a quarter larger.")]
    [InlineData("// hand-formatted numbers: 6.6 µs a code instead of 9.3 with a StringBuilder.")]
    [InlineData("         (100,000 deputies: 1.6-1.7 GiB peak without, 1.35 GiB with, and no slower). -->")]
    [InlineData("/// 1.8–2.1 s with this.")]
    [InlineData("/// (about 5 % of a 50,000-story build's processor time)")]
    [InlineData("/// Indexing 20,000 stories took 15 % less time.")]
    public void Figure_FindsMeasurements(string line) => Assert.Matches(Figure(), line);

    [Theory]
    [InlineData("// Balance of dark and light, in steps of 5 % away from half.")]
    [InlineData("/// Versions 2–6 have a single alignment pattern.")]
    [InlineData("/// Comment posts allowed per client address per minute.")]
    public void Figure_LeavesOtherNumbersAlone(string line) => Assert.DoesNotMatch(Figure(), line);

    private static IEnumerable<string> Sources(string root) =>
        new[] { "generator", "intake", "theme" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(root, folder), "*", SearchOption.AllDirectories))
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal)
                || f.EndsWith(".csproj", StringComparison.Ordinal) || f.EndsWith(".js", StringComparison.Ordinal))
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or "node_modules"))
            .Concat(Directory.EnumerateFiles(root, "Directory.*.props"));

    /// <summary>The comment part of a line of C#, Razor or JavaScript, or null when it has none.</summary>
    private static string? CommentOf(string line)
    {
        var trimmed = line.TrimStart();
        if (trimmed.StartsWith('*') || trimmed.StartsWith("@*", StringComparison.Ordinal))
        {
            return trimmed;
        }

        var slash = line.IndexOf("//", StringComparison.Ordinal);
        return slash >= 0 ? line[slash..] : null;
    }

    /// <summary>A time or size with its unit (12 ms, 6.6 µs, 1.35 GiB, 2.1 s), or a share of time or speed (15 % less).</summary>
    [GeneratedRegex(@"\d\s?(ms|µs|ns|s|GiB|MiB|KiB|GB|MB|KB)\b|\d\s?%\s(of|less|more|faster|slower|busy)\b")]
    private static partial Regex Figure();
}
