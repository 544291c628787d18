using System.Reflection;

namespace Site.EndToEnd.Tests;

public sealed class BrowserPrerequisiteTests
{
    /// <summary>
    /// A plain [Fact] or [Theory] that opens a page would fail, not skip, on a machine without
    /// Chromium: every test here but this one must say [BrowserFact] or [BrowserTheory].
    /// </summary>
    [Fact]
    public void EveryBrowserTest_IsSkippedWithoutChromium()
    {
        var plain = typeof(SampleServer).Assembly.GetTypes()
            .Where(t => t != typeof(BrowserPrerequisiteTests))
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Select(m => (Class: t, Method: m)))
            .Where(x => x.Method.GetCustomAttributes<FactAttribute>().Any(a => a is not BrowserFactAttribute and not BrowserTheoryAttribute))
            .Select(x => $"{x.Class.Name}.{x.Method.Name}")
            .ToList();
        Assert.True(plain.Count == 0, "use [BrowserFact]/[BrowserTheory] in the browser suite: " + string.Join(", ", plain));
    }
}
