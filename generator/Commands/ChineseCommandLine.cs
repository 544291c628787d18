using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace Site.Generator.Commands;

/// <summary>
/// What a staff member sees of the command line, in Chinese: the help of every command and the
/// parser's messages. System.CommandLine's zh-Hans resources translate only part of its help and
/// messages ("Description:", "[default: …]", "Option '--x' is required." stay English), so the help
/// is written here from the commands' own descriptions, and a missing option is named here.
/// </summary>
public static class ChineseCommandLine
{
    /// <summary>Makes --help, -h and -? of <paramref name="root"/> and every command under it print Chinese help.</summary>
    public static void Apply(RootCommand root)
    {
        var help = root.Options.OfType<HelpOption>().Single();
        help.Description = "显示帮助和用法";
        help.Action = new HelpInChinese();
        foreach (var version in root.Options.OfType<VersionOption>())
        {
            version.Description = "显示版本";
        }
    }

    /// <summary>Prints <paramref name="parse"/>'s errors in Chinese, one a line, and where to find the usage; returns 1.</summary>
    public static int ReportErrors(ParseResult parse, TextWriter error)
    {
        var command = parse.CommandResult.Command;
        // The parser's own message for these is English ("Option '--draft' is required.").
        var missing = command.Options.Where(o => o.Required && parse.Errors.Any(e => e.Message.Contains($"'{o.Name}'", StringComparison.Ordinal))).ToList();
        foreach (var option in missing)
        {
            error.WriteLine($"缺少必填选项 {option.Name}：{option.Description}");
        }

        // A missing argument (`import undo` without its batch id): said by name, not as the command's.
        var missingArguments = command.Arguments.Where(a => a.Arity.MinimumNumberOfValues > 0 && (parse.GetResult(a) is not { } result || result.Tokens.Count == 0)).ToList();
        foreach (var argument in missingArguments)
        {
            error.WriteLine($"缺少 <{argument.Name}>：{argument.Description}");
        }

        foreach (var message in parse.Errors.Select(e => e.Message).Where(m => !missing.Any(o => m.Contains($"'{o.Name}'", StringComparison.Ordinal)))
                     .Where(m => missingArguments.Count == 0 || !m.Contains($"'{command.Name}'", StringComparison.Ordinal)))
        {
            error.WriteLine(message.TrimEnd('.'));
        }

        error.WriteLine(command is RootCommand
            ? "用法见 site --help"
            : $"用法见 site {string.Join(' ', Lineage(command).Reverse().Where(c => c is not RootCommand).Select(c => c.Name))} --help");
        return 1;
    }

    /// <summary>The help of <paramref name="command"/>: what it does, how to call it, its options and commands.</summary>
    public static void WriteHelp(Command command, RootCommand root, TextWriter output)
    {
        var path = string.Join(' ', Lineage(command).Reverse().Select(c => c == root ? "site" : c.Name));
        output.WriteLine("说明：");
        output.WriteLine("  " + command.Description);
        output.WriteLine();
        output.WriteLine("用法：");
        output.WriteLine($"  {path}{string.Concat(command.Arguments.Where(a => !a.Hidden).Select(a => $" <{a.Name}>"))}{(command.Subcommands.Count > 0 ? " <命令>" : "")} [选项]");
        Table(output, "参数：", command.Arguments.Where(a => !a.Hidden).Select(a => ($"<{a.Name}>", a.Description ?? "")));

        var options = command.Options.Concat(command == root ? [] : root.Options.Where(o => o.Recursive)).Where(o => !o.Hidden).ToList();
        Table(output, "选项：", options.Select(o => (Label(o), o.Description ?? "")));
        Table(output, "命令：", command.Subcommands.Where(c => !c.Hidden).Select(c => (c.Name, c.Description ?? "")));
        if (command.Subcommands.Count > 0)
        {
            output.WriteLine();
            output.WriteLine($"每个命令的选项：{path} <命令> --help");
        }
    }

    /// <summary><paramref name="command"/> and the commands above it, innermost first (`site privacy delete`).</summary>
    private static IEnumerable<Command> Lineage(Command command)
    {
        for (Command? current = command; current is not null; current = current.Parents.OfType<Command>().FirstOrDefault())
        {
            yield return current;
        }
    }

    private static string Label(Option option)
    {
        var names = string.Join(", ", option.Aliases.Where(a => !a.StartsWith('/')).Order(StringComparer.Ordinal).Append(option.Name));
        // A bool option is a switch (--all), though it would take a value (--all false).
        var value = option.Arity.MaximumNumberOfValues == 0 || option.ValueType == typeof(bool) ? "" : $" <{option.HelpName ?? option.Name.TrimStart('-')}>";
        return names + value + (option.Required ? "（必填）" : "");
    }

    private static void Table(TextWriter output, string title, IEnumerable<(string Left, string Right)> rows)
    {
        var list = rows.ToList();
        if (list.Count == 0)
        {
            return;
        }

        output.WriteLine();
        output.WriteLine(title);
        var width = list.Max(r => Width(r.Left));
        foreach (var (left, right) in list)
        {
            output.WriteLine($"  {left}{new string(' ', width - Width(left) + 2)}{right}");
        }
    }

    /// <summary>Columns a terminal gives the text: two for each Han character and full-width sign.</summary>
    private static int Width(string text) => text.Sum(c => c >= '\u1100' ? 2 : 1);

    /// <summary>Whether the command line asks for help (then its other errors, such as a missing option, do not matter).</summary>
    public static bool AsksForHelp(ParseResult parse) => parse.Action is HelpInChinese;

    private sealed class HelpInChinese : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            WriteHelp(parseResult.CommandResult.Command, (RootCommand)parseResult.RootCommandResult.Command, Console.Out);
            return 0;
        }
    }
}
