using System.Text.RegularExpressions;
using Site.Generator.Tests.Support;

namespace Site.Generator.Tests.Repository;

/// <summary>
/// Tests read nothing outside the repository: a fresh clone in an empty folder has no shared data
/// folder beside it, and a test that reaches out there passes only on the machine it was written on. The benchmarks
/// (tests/Site.Benchmarks) may read the shared data folder and are not tests.
/// </summary>
public sealed partial class RepositoryBoundaryTests
{
    [Fact]
    public void TestSources_OpenNoPathOutsideTheRepository()
    {
        var root = SampleSite.FindRepositoryRoot();
        var offending = new List<string>();
        foreach (var file in TestSources(root))
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                if (EscapingPath().IsMatch(lines[i]))
                {
                    offending.Add($"{Path.GetRelativePath(root, file)}:{i + 1}: {lines[i].Trim()}");
                }
            }
        }

        Assert.True(offending.Count == 0,
            "Tests must read only files inside the repository (copy test data into tests/ with a SOURCES.md note):\n" + string.Join("\n", offending));
    }

    [Fact]
    public void TestData_IsInsideTheRepository_AndNamesItsSources()
    {
        var root = Path.GetFullPath(SampleSite.FindRepositoryRoot()) + Path.DirectorySeparatorChar;
        Assert.StartsWith(root, Path.GetFullPath(TestData.Folder) + Path.DirectorySeparatorChar, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(TestData.Folder, "SOURCES.md")));
        Assert.All(TestData.SeedFiles().Append(TestData.Regulations), p => Assert.StartsWith(root, Path.GetFullPath(p), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("var seeds = Path.Combine(SampleSite.FindRepositoryRoot(), \"..\", \"shared\", \"seeds\");")]
    [InlineData("var names = Path.Combine(Bench.RepositoryRoot(), \"..\", \"shared\", \"data\");")]
    [InlineData("File.ReadAllText(\"../" + "shared/data/regulations/index.csv\")")] // split so that scans of this file find nothing
    [InlineData("File.ReadAllText(@\"..\\shared\\seeds\\a.txt\")")]
    [InlineData("Directory.GetFiles(\"/work/shared/seeds\")")]
    [InlineData("var home = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), \"data\");")]
    public void EscapingPath_FindsPathsThatLeaveTheRepository(string line) => Assert.Matches(EscapingPath(), line);

    [Theory]
    [InlineData("var folder = Path.Combine(SampleSite.FindRepositoryRoot(), \"tests\", \"Site.Generator.Tests\", \"TestData\");")]
    [InlineData("var temp = Path.Combine(Path.GetTempPath(), \"site-e2e\");")]
    [InlineData("Assert.Equal(\"../index.html\", link);")]
    [InlineData("[InlineData(\"../" + "shared/banner.PNG\", \"/stories/shared/banner.PNG\")]")] // a cover inside a test site
    public void EscapingPath_LeavesPathsInsideTheRepositoryAlone(string line) => Assert.DoesNotMatch(EscapingPath(), line);

    private static IEnumerable<string> TestSources(string root) =>
        Directory.EnumerateDirectories(Path.Combine(root, "tests"))
            .Where(d => Path.GetFileName(d) != "Site.Benchmarks")
            .SelectMany(d => Directory.EnumerateFiles(d, "*.cs", SearchOption.AllDirectories))
            .Where(f => Path.GetFileName(f) != nameof(RepositoryBoundaryTests) + ".cs") // its examples are the very lines it looks for
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    /// <summary>
    /// A path that climbs out of the repository root ("Root(), \"..\"" or a literal climbing into the
    /// shared folder's seeds/ or data/; a relative path inside a test site is fine), an
    /// absolute path into the team's shared folders (/work/...), or the user's home folder. A temp
    /// folder (Path.GetTempPath) is the one place outside the repository tests may write and read.
    /// </summary>
    [GeneratedRegex("""Root\(\)\s*,\s*"\.\."|"[^"]*\.\.[/\\]+shared[/\\]+(seeds|data|hooks|DESIGN|STYLE)|"/work/|SpecialFolder\.(UserProfile|Personal|MyDocuments)""")]
    private static partial Regex EscapingPath();
}
