using Site.Generator.Build;

namespace Site.Generator.Tests.Support;

/// <summary>The bundled sample site (content/ and input/ of the repository), built once per test collection.</summary>
public sealed class SampleSite : IAsyncLifetime
{
    public string Root { get; } = FindRepositoryRoot();

    public string Output { get; } = Path.Combine(Path.GetTempPath(), "site-sample-" + Guid.NewGuid().ToString("N")[..12], "_site");

    public BuildReport Report { get; private set; } = default!;

    public static string FindRepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Site.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Site.sln not found above the test binaries");
    }

    public async Task InitializeAsync() =>
        Report = await BuildPipeline.RunAsync(BuildOptions.For(Root, Output) with { Now = TestSite.Now });

    public Task DisposeAsync()
    {
        Directory.Delete(Path.GetDirectoryName(Output)!, recursive: true);
        return Task.CompletedTask;
    }
}

[CollectionDefinition(nameof(SampleSite))]
public sealed class SampleSiteCollection : ICollectionFixture<SampleSite>;
