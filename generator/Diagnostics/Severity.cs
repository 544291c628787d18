namespace Site.Generator.Diagnostics;

public enum Severity
{
    Warning,
    Error,
}
