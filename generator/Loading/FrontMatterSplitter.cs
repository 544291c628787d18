namespace Site.Generator.Loading;

/// <summary>Splits a Markdown file into its YAML header (between '---' lines) and body.</summary>
public static class FrontMatterSplitter
{
    public readonly record struct Parts(string? FrontMatter, string Body, int BodyStartLine, bool Unterminated);

    public static Parts Split(string text)
    {
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        var lines = text.Split('\n');
        if (lines.Length == 0 || lines[0].TrimEnd('\r', ' ', '\t') != "---")
        {
            return new Parts(null, text, 1, false);
        }

        for (var i = 1; i < lines.Length; i++)
        {
            var trimmed = lines[i].TrimEnd('\r', ' ', '\t');
            if (trimmed is "---" or "...")
            {
                var header = string.Join('\n', lines[1..i]);
                var body = string.Join('\n', lines[(i + 1)..]);
                return new Parts(header, body, i + 2, false);
            }
        }

        return new Parts(null, text, 1, true);
    }
}
