using System.CommandLine;
using Site.Generator.Commands;

namespace Site.Generator.Tests.Commands;

/// <summary>
/// The native generator (Native AOT) builds, checks and verifies sites; for the endpoint and the
/// staff's commands it names the command to run instead, and the ReadyToRun build refuses nothing.
/// </summary>
public sealed class NativeBuildTests
{
    private static (RootCommand Root, Command Build, Command Serve, Command MessagesExport, Command Verify) Commands()
    {
        var build = new Command("build");
        var serve = new Command("serve");
        var verify = new Command("verify");
        var messagesExport = new Command("export");
        var messages = new Command("messages") { messagesExport };
        var root = new RootCommand("site") { build, serve, verify, messages };
        return (root, build, serve, messagesExport, verify);
    }

    [Fact]
    public void Native_RunsBuildCheckVerify_AndTheHelp()
    {
        var (root, build, _, _, verify) = Commands();
        Assert.Null(NativeBuild.Refuses(build, libraryPaths: false, native: true));
        Assert.Null(NativeBuild.Refuses(verify, libraryPaths: false, native: true));
        Assert.Null(NativeBuild.Refuses(root, libraryPaths: false, native: true));
    }

    [Fact]
    public void Native_RefusesTheEndpointAndStaffCommands_NamingWhatToRun()
    {
        var (_, _, serve, messagesExport, _) = Commands();
        Assert.Equal(
            "原生版本（-p:Native=true 发布的生成器）只用于生成、检查和核验网站（build、check、verify、template）；“serve”命令请用 dotnet run --project generator -c Release -- serve 运行。",
            NativeBuild.Refuses(serve, libraryPaths: false, native: true));
        Assert.Contains("“messages export”命令请用 dotnet run --project generator -c Release -- messages export 运行。", NativeBuild.Refuses(messagesExport, libraryPaths: false, native: true));
    }

    [Fact]
    public void Native_RefusesTheLibraryPaths()
    {
        var (_, build, _, _, _) = Commands();
        Assert.Contains("--library-paths", NativeBuild.Refuses(build, libraryPaths: true, native: true));
    }

    [Fact]
    public void ReadyToRun_RefusesNothing()
    {
        var (_, build, serve, messagesExport, _) = Commands();
        Assert.False(NativeBuild.IsNative);
        Assert.Null(NativeBuild.Refuses(serve, libraryPaths: true, native: false));
        Assert.Null(NativeBuild.Refuses(messagesExport, libraryPaths: false, native: false));
        Assert.Null(NativeBuild.Refuses(build, libraryPaths: false));
    }
}
