using Lucene.Net.Index;
using Site.Generator.Build;
using FSDirectory = Lucene.Net.Store.FSDirectory;

namespace Site.Generator.Tests.Support;

/// <summary>The incremental-rebuild oracle: whatever `serve` skipped, its output equals a fresh build of the same files.</summary>
public static class FreshBuild
{
    /// <summary>Builds <paramref name="root"/>'s content/ and input/ from nothing in a new folder (added to <paramref name="temp"/>) and compares every output file byte for byte, and every live index document.</summary>
    public static void AssertSameOutput(string root, string output, string intakeFolder, List<string> temp)
    {
        var fresh = Path.Combine(Path.GetTempPath(), "site-fresh-" + Guid.NewGuid().ToString("N")[..12]);
        temp.Add(fresh);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(root, "content"), "*", SearchOption.AllDirectories)
                     .Concat(Directory.EnumerateFiles(Path.Combine(root, "input"), "*", SearchOption.AllDirectories)))
        {
            var target = Path.Combine(fresh, Path.GetRelativePath(root, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        var report = BuildPipeline.RunAsync(BuildOptions.For(fresh) with { Now = TestSite.Now }).GetAwaiter().GetResult();
        Assert.False(report.Diagnostics.HasErrors);

        var expected = Files(Path.Combine(fresh, "_site"));
        var actual = Files(output);
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        Assert.All(expected, e => Assert.True(e.Value.SequenceEqual(actual[e.Key]), $"{e.Key} differs from a fresh build"));
        Assert.Equal(IndexedDocuments(Path.Combine(fresh, "_intake", "index")), IndexedDocuments(Path.Combine(intakeFolder, "index")));
    }

    private static Dictionary<string, byte[]> Files(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f), File.ReadAllBytes);

    /// <summary>Every live document's stored fields, sorted: deleted documents of an updated index do not count.</summary>
    private static List<string> IndexedDocuments(string folder)
    {
        using var directory = FSDirectory.Open(folder);
        using var reader = DirectoryReader.Open(directory);
        var live = MultiFields.GetLiveDocs(reader);
        var result = new List<string>();
        for (var i = 0; i < reader.MaxDoc; i++)
        {
            if (live is null || live.Get(i))
            {
                var doc = reader.Document(i);
                result.Add(string.Join(" | ", doc.Fields.Select(f => $"{f.Name}={f.GetStringValue()}")));
            }
        }

        result.Sort(StringComparer.Ordinal);
        return result;
    }
}
