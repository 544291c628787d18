using Site.Tests.Shared;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Site.Intake.Tests;

/// <summary>
/// Whether the PostgreSQL suite can run here: the server binaries (initdb, pg_ctl) of Debian's
/// postgresql package, under /usr/lib/postgresql/&lt;version&gt;/bin, or in the folder POSTGRES_BIN names.
/// </summary>
public static class PostgresPrerequisite
{
    /// <summary>The folder holding initdb and pg_ctl; null when PostgreSQL is not installed.</summary>
    public static string? Binaries { get; } = Find();

    /// <summary>One line saying what to install, or null when the suite can run.</summary>
    public static string? SkipReason => Binaries is null
        ? "PostgreSQL suite skipped: no PostgreSQL server binaries (initdb) under /usr/lib/postgresql/*/bin"
          + (Environment.GetEnvironmentVariable("POSTGRES_BIN") is { Length: > 0 } bin ? $" or in POSTGRES_BIN={bin}" : "")
          + ". Install them with `sudo apt-get install postgresql` (or run ./test.sh, which installs every prerequisite)."
        : null;

    private static string? Find()
    {
        if (Environment.GetEnvironmentVariable("POSTGRES_BIN") is { Length: > 0 } configured)
        {
            return File.Exists(Path.Combine(configured, "initdb")) ? configured : null;
        }

        return Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(v => Path.Combine(v, "bin"))
                .Where(b => File.Exists(Path.Combine(b, "initdb"))).OrderByDescending(b => b, StringComparer.Ordinal).FirstOrDefault()
            : null;
    }

    private static int _announced;

    /// <summary>
    /// Tests in the PostgreSQL collection (<see cref="PostgresServer"/>) need the server. The first
    /// one skipped prints the reason once, as a diagnostic message (xunit.runner.json turns them on),
    /// since the test console names skipped tests without their reasons.
    /// </summary>
    internal static bool Skips(ITestMethod method, IMessageSink sink, out string reason)
    {
        reason = SkipReason ?? "";
        if (reason.Length == 0 || method.TestClass.TestCollection.DisplayName != nameof(PostgresServer))
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

/// <summary>
/// A [Fact] for test bodies shared by the SQLite and the PostgreSQL classes (abstract base classes):
/// run as usual, except in the PostgreSQL collection on a machine without PostgreSQL, where it is
/// reported as skipped with <see cref="PostgresPrerequisite.SkipReason"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
[XunitTestCaseDiscoverer("Site.Intake.Tests." + nameof(PostgresFactDiscoverer), "Site.Intake.Tests")]
public sealed class PostgresFactAttribute : FactAttribute;

/// <summary>The [Theory] counterpart of <see cref="PostgresFactAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
[XunitTestCaseDiscoverer("Site.Intake.Tests." + nameof(PostgresTheoryDiscoverer), "Site.Intake.Tests")]
public sealed class PostgresTheoryAttribute : TheoryAttribute;

public sealed class PostgresFactDiscoverer(IMessageSink diagnosticMessageSink) : FactDiscoverer(diagnosticMessageSink)
{
    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        PostgresPrerequisite.Skips(testMethod, DiagnosticMessageSink, out var reason)
            ? [new SkippedTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, reason)]
            : base.Discover(discoveryOptions, testMethod, factAttribute);
}

public sealed class PostgresTheoryDiscoverer(IMessageSink diagnosticMessageSink) : TheoryDiscoverer(diagnosticMessageSink)
{
    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo theoryAttribute) =>
        PostgresPrerequisite.Skips(testMethod, DiagnosticMessageSink, out var reason)
            ? [new SkippedTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, reason)]
            : base.Discover(discoveryOptions, testMethod, theoryAttribute);
}
