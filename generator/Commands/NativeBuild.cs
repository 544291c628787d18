using System.CommandLine;
using System.Runtime.CompilerServices;

namespace Site.Generator.Commands;

/// <summary>
/// What the native generator (`dotnet publish generator -c Release -p:Native=true`, Native AOT) runs:
/// building, checking and verifying a site and writing the roster template. The endpoint and the
/// staff's commands on stored comments and messages (`serve`, `export`, `import`, `messages`,
/// `privacy`) run ASP.NET Core and the databases as the tests run them, in the ReadyToRun build; the
/// library paths (`--library-paths`, SITE_LIBRARY_PATHS) need ICU4N's data, which Native AOT cannot load.
/// </summary>
public static class NativeBuild
{
    /// <summary>True in the native generator: no JIT, so no code made at run time.</summary>
    public static bool IsNative => !RuntimeFeature.IsDynamicCodeSupported;

    private static readonly HashSet<string> Commands = ["build", "check", "verify", "template"];

    /// <summary>Null when this process can run <paramref name="command"/>; else why not and what to run instead (Chinese, for the console; the caller exits 1, as for an unknown command).</summary>
    public static string? Refuses(Command command, bool libraryPaths) => Refuses(command, libraryPaths, IsNative);

    internal static string? Refuses(Command command, bool libraryPaths, bool native)
    {
        if (!native || command is RootCommand)
        {
            return null;
        }

        if (libraryPaths)
        {
            return "原生版本（-p:Native=true 发布的生成器）不能走程序库路径（--library-paths 或 SITE_LIBRARY_PATHS）：请用 dotnet run --project generator -c Release -- 加原来的参数。";
        }

        // The command's whole name ("messages export"), from the top verb down.
        var names = new List<string> { command.Name };
        for (var at = command; at.Parents.OfType<Command>().FirstOrDefault(p => p is not RootCommand) is { } parent; at = parent)
        {
            names.Insert(0, parent.Name);
        }

        var verb = string.Join(' ', names);
        return Commands.Contains(names[0])
            ? null
            : $"原生版本（-p:Native=true 发布的生成器）只用于生成、检查和核验网站（build、check、verify、template）；“{verb}”命令请用 dotnet run --project generator -c Release -- {verb} 运行。";
    }
}
