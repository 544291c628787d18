namespace Site.Search.Tests.Support;

/// <summary>
/// Real texts the tests read, kept in the repository: the five articles on deputies' work under
/// tests/Site.Generator.Tests/TestData/seeds (origins in its SOURCES.md), copied beside the tests.
/// </summary>
public static class TestData
{
    /// <summary>The five seed articles (UTF-8 plain text), in file-name order.</summary>
    public static string[] SeedFiles() =>
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "TestData", "seeds"), "*.txt").Order(StringComparer.Ordinal).ToArray();
}
