namespace Site.Generator.Loading;

/// <summary>Splits a Markdown file into its YAML header (between '---' lines) and body.</summary>
public static class FrontMatterSplitter
{
    public readonly record struct Parts(string? FrontMatter, string Body, int BodyStartLine, bool Unterminated);

    public static Parts Split(string text) => Split(text.AsSpan());

    /// <summary>
    /// Walks the lines in place and cuts two strings, instead of splitting every file into lines and
    /// joining them again (a copy of each line, then of the whole body, for every story). The build
    /// hands it the file's text in a pooled buffer (<see cref="SourceText.Read{T}"/>): header and body
    /// are the only strings made of it.
    /// </summary>
    public static Parts Split(ReadOnlySpan<char> span)
    {
        if (span.Length > 0 && span[0] == '\uFEFF')
        {
            span = span[1..];
        }

        var firstEnd = LineEnd(span, 0);
        if (!IsFence(span[..firstEnd], allowDots: false))
        {
            return new Parts(null, span.ToString(), 1, false);
        }

        var headerStart = firstEnd + 1;
        var lineStart = headerStart;
        var line = 2;
        while (lineStart <= span.Length)
        {
            var end = LineEnd(span, lineStart);
            if (IsFence(span[lineStart..end], allowDots: true))
            {
                var header = lineStart == headerStart ? "" : span[headerStart..(lineStart - 1)].ToString();
                var body = end >= span.Length ? "" : span[(end + 1)..].ToString();
                return new Parts(header, body, line + 1, false);
            }

            lineStart = end + 1;
            line++;
        }

        return new Parts(null, span.ToString(), 1, true);
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
