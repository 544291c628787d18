using Site.Generator.Diagnostics;
using Site.Generator.Replacements;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Site.Generator.Loading;

/// <summary>
/// Reads YAML into <see cref="RawNode"/>s through YamlDotNet's node tree, keeping each node's
/// position (YamlDotNet marks are 1-based) so each bad field gets its own line.
/// </summary>
public static partial class YamlReader
{
    /// <summary>Parses <paramref name="text"/>; <paramref name="lineOffset"/> shifts lines (front matter starts after '---').</summary>
    public static RawNode? Read(string text, string path, int lineOffset, DiagnosticBag diagnostics)
    {
        var flat = LibraryPaths.Enabled ? null : FlatYaml.TryRead(text, path, lineOffset);
        return flat ?? ReadWithYamlDotNet(text, path, lineOffset, diagnostics);
    }

    /// <summary>Every document through YamlDotNet's node tree (what <see cref="FlatYaml"/> must agree with).</summary>
    public static RawNode? ReadWithYamlDotNet(string text, string path, int lineOffset, DiagnosticBag diagnostics)
    {
        text = RepairColons(text, path, lineOffset, diagnostics);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            diagnostics.Error(
                DiagnosticCodes.YamlSyntax,
                new SourceLocation(path, (int)ex.Start.Line + lineOffset, (int)ex.Start.Column),
                $"YAML 格式错误：{Describe(ex)}");
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet throws this for some malformed flow collections ("[未闭合"), without a position.
            var (line, column) = UnclosedBracket(text);
            diagnostics.Error(DiagnosticCodes.YamlSyntax, new SourceLocation(path, line + lineOffset, column), "YAML 格式错误：方括号或花括号没有闭合，应写成 [甲, 乙]；若值本身以 [ 或 { 开头，请给整个值加双引号");
            return null;
        }

        if (stream.Documents.Count == 0)
        {
            return null;
        }

        var lines = text.Split('\n');
        return Convert(stream.Documents[0].RootNode, path, lineOffset, lines, diagnostics);
    }

    /// <summary>
    /// “title：第12期” (a full-width colon, as a Chinese input method types it) and “title:第12期” (no
    /// space) are not keys to YAML, and its error lands on a later line in English. Each such line is
    /// reported where it is, saying what to write, and read as meant, so the rest of the header is still
    /// checked in the same run.
    /// </summary>
    private static string RepairColons(string text, string path, int lineOffset, DiagnosticBag diagnostics)
    {
        if (!text.Contains('：') && !text.Contains(':'))
        {
            return text;
        }

        var lines = text.Split('\n');
        var repaired = false;
        var blockIndent = -1; // inside a block scalar (explanation: |), its key's indent: text there is never a key
        for (var i = 0; i < lines.Length; i++)
        {
            var indent = lines[i].Length - lines[i].TrimStart(' ').Length;
            if (blockIndent >= 0 && (lines[i].Trim().Length == 0 || indent > blockIndent))
            {
                continue;
            }

            blockIndent = BlockScalarStart().IsMatch(lines[i]) ? indent : -1;
            var match = KeyWithWrongColon().Match(lines[i]);
            if (!match.Success)
            {
                continue;
            }

            var key = match.Groups["key"].Value;
            var value = lines[i][(match.Index + match.Length)..].TrimEnd('\r').Trim();
            var fullWidth = match.Groups["colon"].Value == "：";
            diagnostics.Error(
                DiagnosticCodes.YamlSyntax,
                new SourceLocation(path, i + 1 + lineOffset, match.Groups["colon"].Index + 1),
                fullWidth
                    ? $"“{key}”后面是全角冒号“：”，YAML 只认半角冒号加一个空格：请改为“{key}: {value}”"
                    : $"“{key}:”后面少了一个空格，YAML 把整行当作一个值：请改为“{key}: {value}”");
            lines[i] = lines[i][..match.Groups["colon"].Index] + ": " + value;
            repaired = true;
        }

        return repaired ? string.Join('\n', lines) : text;
    }

    /// <summary>A key at the start of a line (or after "- ") followed by a full-width colon, or by ':' and no space.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^(?<indent>[ ]*(?:-[ ]+)?)(?<key>[A-Za-z_][A-Za-z0-9_-]*)[ ]*(?<colon>：|:(?=[^\s:/]))")]
    private static partial System.Text.RegularExpressions.Regex KeyWithWrongColon();

    /// <summary>"explanation: |" or "summary: >-": the lines after it, indented deeper, are text.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^[ ]*(?:-[ ]+)?[A-Za-z_][A-Za-z0-9_-]*[ ]*[:：][ ]*[|>][-+0-9]*[ ]*(#.*)?\r?$")]
    private static partial System.Text.RegularExpressions.Regex BlockScalarStart();

    private static RawNode Convert(YamlNode node, string path, int lineOffset, string[] lines, DiagnosticBag diagnostics)
    {
        var location = new SourceLocation(path, (int)node.Start.Line + lineOffset, (int)node.Start.Column);
        switch (node)
        {
            case YamlMappingNode mapping:
                var entries = new List<RawEntry>(mapping.Children.Count);
                foreach (var (key, value) in mapping.Children)
                {
                    var keyText = key is YamlScalarNode scalarKey ? scalarKey.Value ?? "" : key.ToString();
                    entries.Add(new RawEntry(
                        keyText,
                        new SourceLocation(path, (int)key.Start.Line + lineOffset, (int)key.Start.Column),
                        Convert(value, path, lineOffset, lines, diagnostics)));
                }

                return new RawMap(entries, location);
            case YamlSequenceNode sequence:
                return new RawList(sequence.Children.Select(c => Convert(c, path, lineOffset, lines, diagnostics)).ToList(), location);
            case YamlScalarNode scalar:
                WarnIfCutAtComment(scalar, path, lineOffset, lines, diagnostics);
                return new RawScalar(scalar.Value ?? "", location);
            default:
                return new RawScalar("", location);
        }
    }

    /// <summary>The line and column of the first [ or { not closed on its line (1-based), or the first line.</summary>
    private static (int Line, int Column) UnclosedBracket(string text)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var open = new Stack<int>();
            for (var j = 0; j < lines[i].Length; j++)
            {
                switch (lines[i][j])
                {
                    case '[' or '{':
                        open.Push(j);
                        break;
                    case ']' or '}' when open.Count > 0:
                        open.Pop();
                        break;
                }
            }

            if (open.Count > 0)
            {
                return (i + 1, open.Last() + 1);
            }
        }

        return (1, 1);
    }

    /// <summary>
    /// "title: 第12期 #代表接待日" is "第12期" to YAML: " #" starts a comment. A plain value followed on its
    /// line by " #…" is reported, with the quoted form to write.
    /// </summary>
    private static void WarnIfCutAtComment(YamlScalarNode scalar, string path, int lineOffset, string[] lines, DiagnosticBag diagnostics)
    {
        if (scalar.Style != YamlDotNet.Core.ScalarStyle.Plain || scalar.End.Line < 1 || scalar.End.Line > lines.Length)
        {
            return;
        }

        var line = lines[(int)scalar.End.Line - 1].TrimEnd('\r');
        var end = (int)scalar.End.Column - 1;
        if (end < 0 || end >= line.Length)
        {
            return;
        }

        var rest = line[end..];
        var hash = rest.IndexOf('#');
        if (hash <= 0 || rest[..hash].Trim().Length > 0)
        {
            return;
        }

        var whole = (scalar.Value + rest).Replace("\"", "\\\"");
        diagnostics.Warning(
            DiagnosticCodes.YamlCommentInValue,
            new SourceLocation(path, (int)scalar.End.Line + lineOffset, end + hash + 1),
            $"值“{scalar.Value}”后面的“{rest.Trim()}”被 YAML 当作注释丢掉了（空格加 # 开始注释）。若 # 是值的一部分，请给整个值加双引号：\"{whole}\"");
    }

    /// <summary>YamlDotNet's message, said in Chinese with what to write instead.</summary>
    private static string Describe(YamlException ex)
    {
        var message = ex.InnerException?.Message ?? ex.Message;
        foreach (var (english, chinese) in Messages)
        {
            if (message.Contains(english, StringComparison.OrdinalIgnoreCase))
            {
                return chinese;
            }
        }

        return "这一行不是有效的 YAML：每行写“键: 值”（半角冒号后加一个空格），子项用空格缩进（不能用 Tab），含有冒号、# 或引号的值请整个加双引号";
    }

    /// <summary>YamlDotNet's messages (its scanner and parser) and what they mean to someone writing a header.</summary>
    private static readonly (string English, string Chinese)[] Messages =
    [
        ("Mapping values are not allowed", "这一行多了一个“: ”（冒号加空格）。值里有冒号时，请给整个值加双引号，例如 title: \"主题: 乡村振兴\"；若上一行的值没有写完，请检查引号和缩进"),
        ("found invalid mapping", "这一行多了一个“: ”（冒号加空格）。值里有冒号时，请给整个值加双引号，例如 title: \"主题: 乡村振兴\""),
        ("did not find expected key", "这一行的缩进和上面的键对不齐，或上一行的引号没有闭合：每个键从行首写起，子项缩进两个空格"),
        ("could not find expected ':'", "这一行缺少半角冒号：应写成“键: 值”，冒号后加一个空格"),
        ("quoted scalar, found unexpected end of stream", "引号没有闭合：值开头的引号要在值的末尾再写一个"),
        ("found unknown escape character", "双引号中的反斜杠 \\ 是转义符：请写成两个反斜杠 \\\\，或改用单引号"),
        ("tab", "这一行用了 Tab 缩进或含有 Tab：YAML 只能用空格缩进，请把 Tab 换成空格"),
        ("flow sequence", "方括号列表没有闭合，或列表项之间少了半角逗号：应写成 [甲, 乙]"),
        ("flow mapping", "花括号没有闭合，或项之间少了半角逗号：应写成 {键: 值, 键: 值}，或去掉花括号"),
        ("cannot start any token", "这一行以 YAML 不允许的字符开头（如 @ 或 `）：请给整个值加双引号"),
        ("anchor or alias", "值以 & 或 * 开头，YAML 把它当作锚点：请给整个值加双引号"),
        ("Duplicate key", "同一个键写了两次：请删去重复的一行，或合并两处的内容"),
        ("block collection", "列表项没有对齐：每项以“- ”开头，缩进一致"),
        ("comment between adjacent scalars", "值中间有 # 注释：若 # 是值的一部分，请给整个值加双引号"),
        ("node content", "这里缺少值，或值以 YAML 的特殊符号开头（如 [ { > | ! % @）：请给整个值加双引号"),
        ("expected token", "这里缺少值，或值以 YAML 的特殊符号开头（如 [ { > | ! % @）：请给整个值加双引号"),
        ("document", "文件头中间多了一行 --- 或 ...：文件头只能以一行 --- 开始、一行 --- 结束"),
    ];
}
