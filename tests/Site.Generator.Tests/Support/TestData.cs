namespace Site.Generator.Tests.Support;

/// <summary>
/// Real texts the tests read, kept in the repository (TestData/, origins in TestData/SOURCES.md) so a
/// fresh clone anywhere runs every test: five articles on deputies' work (seeds) and eight local
/// regulations with their chapter, section and article counts (regulations/index.csv).
/// </summary>
public static class TestData
{
    public static string Folder => Path.Combine(SampleSite.FindRepositoryRoot(), "tests", "Site.Generator.Tests", "TestData");

    /// <summary>The five seed articles (UTF-8 plain text), in file-name order.</summary>
    public static string[] SeedFiles() =>
        Directory.GetFiles(Path.Combine(Folder, "seeds"), "*.txt").Order(StringComparer.Ordinal).ToArray();

    public static string Regulations => Path.Combine(Folder, "regulations");
}
