namespace Site.Generator.Diagnostics;

/// <summary>One problem found in the site's sources, printed as <c>path:line:col: error CODE: message</c>.</summary>
public sealed record Diagnostic(Severity Severity, string Code, SourceLocation Location, string Message)
{
    public override string ToString() =>
        $"{Location}: {(Severity == Severity.Error ? "error" : "warning")} {Code}: {Message}";
}
