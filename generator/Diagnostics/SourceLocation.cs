namespace Site.Generator.Diagnostics;

/// <summary>
/// Where a problem is: a path relative to the site root with '/' separators, and a 1-based
/// line and column (0 when unknown, e.g. a whole file or a whole spreadsheet row).
/// </summary>
public readonly record struct SourceLocation(string Path, int Line = 0, int Column = 0)
{
    public SourceLocation At(int line, int column = 0) => new(Path, line, column);

    public override string ToString() =>
        Line <= 0 ? Path : Column <= 0 ? $"{Path}:{Line}" : $"{Path}:{Line}:{Column}";
}
