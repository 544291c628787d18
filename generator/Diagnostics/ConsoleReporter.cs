namespace Site.Generator.Diagnostics;

/// <summary>Prints diagnostics in compiler style, then a one-line Chinese summary.</summary>
public static class ConsoleReporter
{
    public static void Report(DiagnosticBag bag, TextWriter output)
    {
        foreach (var diagnostic in bag.Sorted())
        {
            output.WriteLine(diagnostic.ToString());
        }

        if (bag.ErrorCount > 0 || bag.WarningCount > 0)
        {
            output.WriteLine($"{bag.ErrorCount} 个错误，{bag.WarningCount} 个警告");
        }
    }
}
