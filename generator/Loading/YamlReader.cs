using Site.Generator.Diagnostics;
using Site.Generator.Replacements;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Site.Generator.Loading;

/// <summary>
/// Reads YAML into <see cref="RawNode"/>s through YamlDotNet's node tree, keeping each node's
/// position (YamlDotNet marks are 1-based) so each bad field gets its own line.
/// </summary>
public static class YamlReader
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
            // YamlDotNet throws this for some malformed flow collections ("[未闭合").
            diagnostics.Error(DiagnosticCodes.YamlSyntax, new SourceLocation(path, 1 + lineOffset, 1), "YAML 格式错误：无法解析，请检查是否有未闭合的括号 [ ] { } 或引号");
            return null;
        }

        if (stream.Documents.Count == 0)
        {
            return null;
        }

        return Convert(stream.Documents[0].RootNode, path, lineOffset);
    }

    private static RawNode Convert(YamlNode node, string path, int lineOffset)
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
                        Convert(value, path, lineOffset)));
                }

                return new RawMap(entries, location);
            case YamlSequenceNode sequence:
                return new RawList(sequence.Children.Select(c => Convert(c, path, lineOffset)).ToList(), location);
            case YamlScalarNode scalar:
                return new RawScalar(scalar.Value ?? "", location);
            default:
                return new RawScalar("", location);
        }
    }

    private static string Describe(YamlException ex)
    {
        // YamlDotNet prefixes its messages with the position, which we already print.
        var message = ex.InnerException?.Message ?? ex.Message;
        var close = message.IndexOf("): ", StringComparison.Ordinal);
        return close >= 0 && message.StartsWith("(", StringComparison.Ordinal) ? message[(close + 3)..] : message;
    }
}
