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

    /// <summary>
    /// Every other real text copied beside the tests, in path order: the 8 regulations as published
    /// and as pasted from a PDF, the reading, and the sample site's Markdown (content/).
    /// </summary>
    public static string[] TextFiles() =>
        new[] { "regulations", "regulations-pdf-wrapped", "readings", "content" }
            .SelectMany(folder => Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "TestData", folder), "*.md", SearchOption.AllDirectories))
            .Order(StringComparer.Ordinal).ToArray();
}
