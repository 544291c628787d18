using Site.Generator.Build;
using Site.Generator.Diagnostics;

namespace Site.Generator.Tests.Pipeline;

/// <summary>An internal failure (not bad content) comes out of the recipe named by its step.</summary>
public sealed class BuildStepTests
{
    [Fact]
    public async Task Step_ThatThrows_IsNamedInTheException()
    {
        var report = new BuildReport(new DiagnosticBag());

        var sync = Assert.Throws<BuildStepException>(() => report.Time<int>("plan", () => throw new InvalidOperationException("boom")));
        var async = await Assert.ThrowsAsync<BuildStepException>(() => report.TimeAsync("render", () => throw new IOException("disk")));
        var beside = await Assert.ThrowsAsync<BuildStepException>(() => report.TimeBeside("index", () => throw new IOException("disk"), CancellationToken.None));

        Assert.Equal(("plan", "render", "index"), (sync.Step, async.Step, beside.Step));
        Assert.IsType<InvalidOperationException>(sync.InnerException);
        Assert.Contains("plan", sync.Message);

        // A step awaited inside another keeps the inner step's name; cancellation stays cancellation.
        var outer = await Assert.ThrowsAsync<BuildStepException>(() => report.TimeAsync("wait-index", () => report.TimeBeside("index", () => throw new IOException("disk"), CancellationToken.None)));
        Assert.Equal("index", outer.Step);
        await Assert.ThrowsAsync<OperationCanceledException>(() => report.TimeAsync("render", () => throw new OperationCanceledException()));
    }
}
