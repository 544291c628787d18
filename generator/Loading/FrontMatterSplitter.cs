namespace Site.Generator.Loading;

/// <summary>Splits a Markdown file into its YAML header (between '---' lines) and body.</summary>
public static class FrontMatterSplitter
{
    public readonly record struct Parts(string? FrontMatter, string Body, int BodyStartLine, bool Unterminated);

    /// <summary>
    /// Walks the lines in place and cuts two substrings, instead of splitting every file into lines
    /// and joining them again (a copy of each line, then of the whole body, for every story).
    /// </summary>
    public static Parts Split(string text)
    {
        var span = text.AsSpan();
        if (span.Length > 0 && span[0] == '\uFEFF')
        {
            text = text[1..];
            span = text.AsSpan();
        }

        var firstEnd = LineEnd(span, 0);
        if (!IsFence(span[..firstEnd], allowDots: false))
        {
            return new Parts(null, text, 1, false);
        }

        var headerStart = firstEnd + 1;
        var lineStart = headerStart;
        var line = 2;
        while (lineStart <= span.Length)
        {
            var end = LineEnd(span, lineStart);
            if (IsFence(span[lineStart..end], allowDots: true))
            {
                var header = lineStart == headerStart ? "" : text[headerStart..(lineStart - 1)];
                var body = end >= span.Length ? "" : text[(end + 1)..];
                return new Parts(header, body, line + 1, false);
            }

            lineStart = end + 1;
            line++;
        }

        return new Parts(null, text, 1, true);
    }

    /// <summary>Index of the '\n' ending the line that starts at <paramref name="start"/>, or the text's length.</summary>
    private static int LineEnd(ReadOnlySpan<char> text, int start)
    {
        var newline = text[start..].IndexOf('\n');
        return newline < 0 ? text.Length : start + newline;
    }

    private static bool IsFence(ReadOnlySpan<char> line, bool allowDots)
    {
        var trimmed = line.TrimEnd("\r \t");
        return trimmed is "---" || (allowDots && trimmed is "...");
    }
}
