using System.Collections.Concurrent;

namespace Site.Generator.Diagnostics;

/// <summary>
/// Collects every problem of a run. Stages add to it and go on, so one run reports all problems at once.
/// Thread-safe because loading and rendering run in parallel.
/// </summary>
public sealed class DiagnosticBag
{
    private readonly ConcurrentQueue<Diagnostic> _items = new();
    private int _errors;

    public bool HasErrors => Volatile.Read(ref _errors) > 0;

    public int ErrorCount => Volatile.Read(ref _errors);

    public int WarningCount => _items.Count - ErrorCount;

    public int Count => _items.Count;

    public void Add(Diagnostic diagnostic)
    {
        _items.Enqueue(diagnostic);
        if (diagnostic.Severity == Severity.Error)
        {
            Interlocked.Increment(ref _errors);
        }
    }

    public void AddRange(DiagnosticBag other)
    {
        foreach (var diagnostic in other._items)
        {
            Add(diagnostic);
        }
    }

    public void Error(string code, SourceLocation location, string message) =>
        Add(new Diagnostic(Severity.Error, code, location, message));

    public void Warning(string code, SourceLocation location, string message) =>
        Add(new Diagnostic(Severity.Warning, code, location, message));

    /// <summary>All diagnostics in a stable order: by path, line, column, then code.</summary>
    public IReadOnlyList<Diagnostic> Sorted() =>
        _items
            .OrderBy(d => d.Location.Path, StringComparer.Ordinal)
            .ThenBy(d => d.Location.Line)
            .ThenBy(d => d.Location.Column)
            .ThenBy(d => d.Code, StringComparer.Ordinal)
            .ThenBy(d => d.Message, StringComparer.Ordinal)
            .ToList();
}
