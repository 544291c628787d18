using Site.Tests.Shared;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Site.EndToEnd.Tests;

/// <summary>
/// Whether the browser suite can run here: Debian's Chromium (/usr/bin/chromium, `chromium` on PATH,
/// or the file CHROMIUM_PATH names) and the npm packages the pages are checked with
/// (tests/Site.EndToEnd.Tests/node_modules, restored by this project's build with `npm ci`).
/// </summary>
public static class BrowserPrerequisite
{
    /// <summary>The Chromium executable; null when Chromium is not installed.</summary>
    public static string? Chromium { get; } = FindChromium();

    /// <summary>One line saying what to install, or null when the suite can run.</summary>
    public static string? SkipReason { get; } = Reason();

    private static int _announced;

    private static string? FindChromium()
    {
        if (Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } configured)
        {
            return File.Exists(configured) ? configured : null;
        }

        return (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, "chromium"))
            .Prepend("/usr/bin/chromium")
            .FirstOrDefault(File.Exists);
    }

    private static string? Reason()
    {
        if (Chromium is null)
        {
            var configured = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? $" (CHROMIUM_PATH={path})" : "";
            return $"Browser suite skipped: Chromium not found{configured}. Install it with `sudo apt-get install chromium fonts-wqy-microhei` (or run ./test.sh, which installs every prerequisite).";
        }

        if (!Directory.Exists(Path.Combine(SampleServer.RepositoryRoot(), "tests", "Site.EndToEnd.Tests", "node_modules", "axe-core")))
        {
            return "Browser suite skipped: tests/Site.EndToEnd.Tests/node_modules is missing. Run `npm ci` in tests/Site.EndToEnd.Tests (the project's build does it when npm is installed).";
        }

        return null;
    }

    internal static bool Skips(IMessageSink sink, out string reason)
    {
        reason = SkipReason ?? "";
        if (reason.Length == 0)
        {
            return false;
        }

        if (Interlocked.Exchange(ref _announced, 1) == 0)
        {
            sink.OnMessage(new DiagnosticMessage(reason));
        }

        return true;
    }
}

/// <summary>A [Fact] that needs a real browser: skipped, with what to install, where there is none.</summary>
[AttributeUsage(AttributeTargets.Method)]
[XunitTestCaseDiscoverer("Site.EndToEnd.Tests." + nameof(BrowserFactDiscoverer), "Site.EndToEnd.Tests")]
public sealed class BrowserFactAttribute : FactAttribute;

/// <summary>The [Theory] counterpart of <see cref="BrowserFactAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
[XunitTestCaseDiscoverer("Site.EndToEnd.Tests." + nameof(BrowserTheoryDiscoverer), "Site.EndToEnd.Tests")]
public sealed class BrowserTheoryAttribute : TheoryAttribute;

public sealed class BrowserFactDiscoverer(IMessageSink diagnosticMessageSink) : FactDiscoverer(diagnosticMessageSink)
{
    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        BrowserPrerequisite.Skips(DiagnosticMessageSink, out var reason)
            ? [new SkippedTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, reason)]
            : base.Discover(discoveryOptions, testMethod, factAttribute);
}

public sealed class BrowserTheoryDiscoverer(IMessageSink diagnosticMessageSink) : TheoryDiscoverer(diagnosticMessageSink)
{
    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo theoryAttribute) =>
        BrowserPrerequisite.Skips(DiagnosticMessageSink, out var reason)
            ? [new SkippedTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, reason)]
            : base.Discover(discoveryOptions, testMethod, theoryAttribute);
}
