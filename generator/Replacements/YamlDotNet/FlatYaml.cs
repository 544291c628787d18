using Site.Generator.Diagnostics;

namespace Site.Generator.Loading;

/// <summary>
/// The shape nearly every story header has, read without a YAML parser: one <c>key: value</c> per
/// line, where a value is a plain word or phrase, a double-quoted string without escapes, a
/// single-quoted string without quotes inside, or a flow list of plain items (<c>[接待日, 建议办理]</c>).
/// Anything else (indentation, comments, escapes, anchors, block scalars, a repeated key, an empty
/// value, tabs, …) returns null and goes to YamlDotNet, which reads it exactly. YamlDotNet's node tree
/// was about half of loading each story (BENCHMARKS.md, `build`); <see cref="Replacements.LibraryPaths"/>
/// turns this off. <c>FlatYamlTests</c> checks that whatever this accepts gives the very nodes and
/// positions YamlDotNet gives.
/// </summary>
public static class FlatYaml
{
    public static RawMap? TryRead(string text, string path, int lineOffset)
    {
        if (text.AsSpan().ContainsAny("\t#\\&*!"))
        {
            return null;
        }

        var entries = new List<RawEntry>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var lineNumber = 0;
        SourceLocation? first = null;
        foreach (var rawLine in text.AsSpan().EnumerateLines())
        {
            lineNumber++;
            var line = rawLine.TrimEnd(' ');
            if (line.IsEmpty)
            {
                continue;
            }

            // key: value, the key from the first column.
            var colon = line.IndexOf(':');
            if (colon <= 0 || colon + 1 >= line.Length || line[colon + 1] != ' ' || !IsKey(line[..colon]))
            {
                return null;
            }

            var key = line[..colon].ToString();
            if (!keys.Add(key))
            {
                return null; // YamlDotNet reports the duplicate
            }

            var valueStart = colon + 1;
            while (valueStart < line.Length && line[valueStart] == ' ')
            {
                valueStart++;
            }

            if (valueStart == line.Length)
            {
                return null;
            }

            var y = lineNumber + lineOffset;
            var value = Value(line[valueStart..], path, y, valueStart + 1);
            if (value is null)
            {
                return null;
            }

            var keyLocation = new SourceLocation(path, y, 1);
            first ??= keyLocation;
            entries.Add(new RawEntry(key, keyLocation, value));
        }

        return first is { } start ? new RawMap(entries, start) : null;
    }

    private static RawNode? Value(ReadOnlySpan<char> value, string path, int line, int column)
    {
        var location = new SourceLocation(path, line, column);
        switch (value[0])
        {
            case '"':
                return value.Length >= 2 && value[^1] == '"' && value[1..^1].IndexOf('"') < 0
                    ? new RawScalar(value[1..^1].ToString(), location)
                    : null;
            case '\'':
                return value.Length >= 2 && value[^1] == '\'' && value[1..^1].IndexOf('\'') < 0
                    ? new RawScalar(value[1..^1].ToString(), location)
                    : null;
            case '[':
                return List(value, path, line, column);
            default:
                return IsPlain(value) ? new RawScalar(value.ToString(), location) : null;
        }
    }

    /// <summary>[a, b, c] with plain items, or [].</summary>
    private static RawList? List(ReadOnlySpan<char> value, string path, int line, int column)
    {
        if (value[^1] != ']')
        {
            return null;
        }

        var items = new List<RawNode>();
        var inner = value[1..^1];
        if (inner.Trim(' ').IsEmpty)
        {
            return new RawList(items, new SourceLocation(path, line, column));
        }

        var at = 1; // index in value of the current item's first character
        foreach (var range in inner.Split(','))
        {
            var item = inner[range];
            var leading = item.Length - item.TrimStart(' ').Length;
            var trimmed = item.Trim(' ');
            if (trimmed.IsEmpty || !IsPlain(trimmed))
            {
                return null;
            }

            items.Add(new RawScalar(trimmed.ToString(), new SourceLocation(path, line, column + at + leading)));
            at += item.Length + 1;
        }

        return new RawList(items, new SourceLocation(path, line, column));
    }

    private static bool IsKey(ReadOnlySpan<char> key)
    {
        foreach (var c in key)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
            {
                return false;
            }
        }

        return !key.IsEmpty && key[0] != '-';
    }

    /// <summary>
    /// A plain scalar YamlDotNet keeps as written: no indicator first, nothing that could end it or
    /// start a structure inside, and not one of the words it reads as null.
    /// </summary>
    private static bool IsPlain(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty || "-?:,[]{}#&*!|>'\"%@`".Contains(value[0]) || value[^1] == ':')
        {
            return false;
        }

        if (value.ContainsAny("[]{},\"'") || value.IndexOf(": ") >= 0)
        {
            return false;
        }

        return value is not ("~" or "null" or "Null" or "NULL");
    }
}
