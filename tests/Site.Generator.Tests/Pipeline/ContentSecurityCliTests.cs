using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Site.Generator.Tests.Support;

namespace Site.Generator.Tests.Pipeline;

/// <summary>
/// The real command-line program, as a contributor runs it: exit codes as the README promises
/// (0 ok, 1 content errors, 2 internal failure), and `serve` going on rebuilding after a content
/// error, saying what it is.
/// </summary>
public sealed class ContentSecurityCliTests
{
    private const string Site = TestSite.MinimalConfig + """

        -- content/stories/a.md --
        ---
        title: 接待日
        date: 2026-01-05
        column: 履职故事
        ---
        正文。
        """;

    [Fact]
    public async Task Build_ExitCodes_AreZeroOneAndTwo()
    {
        using var site = TestSite.Write(Site);

        var ok = await RunAsync("build", "--root", site.Root);
        Assert.True(ok.Exit == 0, ok.Output);

        site.AddFiles("-- content/robots.txt --\nUser-agent: *\nDisallow: /\n");
        var content = await RunAsync("build", "--root", site.Root);
        Assert.True(content.Exit == 1, content.Output);
        Assert.Contains("content/robots.txt: error SG4002", content.Output);
        var check = await RunAsync("check", "--root", site.Root);
        Assert.True(check.Exit == 1, check.Output);
        Assert.Contains("content/robots.txt: error SG4002", check.Output);
        File.Delete(Path.Combine(site.Root, "content/robots.txt"));

        // An output folder that cannot be made (its parent is a file): not the content's fault.
        File.WriteAllText(Path.Combine(site.Root, "a-file"), "");
        var crash = await RunAsync("build", "--root", site.Root, "--out", Path.Combine(site.Root, "a-file", "_site"));
        Assert.True(crash.Exit == 2, crash.Output);
        Assert.Contains("内部错误", crash.Output);
    }

    [Fact]
    public async Task ARootThatIsNotASite_IsAnErrorAndNothingIsWritten()
    {
        using var site = TestSite.Write(Site);
        var missing = Path.Combine(site.Root, "no-such-site");
        var empty = Path.Combine(site.Root, "empty");
        Directory.CreateDirectory(empty);

        foreach (var root in new[] { missing, empty })
        {
            foreach (var command in new[] { "build", "check", "serve" })
            {
                var run = command == "serve"
                    ? await RunAsync(command, "--root", root, "--port", FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture))
                    : await RunAsync(command, "--root", root);
                Assert.True(run.Exit == 1, command + ": " + run.Output);
                Assert.Contains("SG1024", run.Output);
                Assert.Contains(root, run.Output);
            }
        }

        Assert.False(Directory.Exists(missing));
        Assert.Empty(Directory.EnumerateFileSystemEntries(empty));
        Assert.False(Directory.Exists(Path.Combine(site.Root, "_intake")));
    }

    [Fact]
    public async Task AnOutFolderWithOtherFiles_IsRefusedAndKept()
    {
        using var site = TestSite.Write(Site);
        var others = Path.Combine(site.Root, "documents");
        Directory.CreateDirectory(Path.Combine(others, "sub"));
        File.WriteAllText(Path.Combine(others, "keep.txt"), "保留");
        File.WriteAllText(Path.Combine(others, "sub", "important.doc"), "重要");
        var fresh = Path.Combine(site.Root, "fresh");

        var refused = await RunAsync("build", "--root", site.Root, "--out", others);
        var first = await RunAsync("build", "--root", site.Root, "--out", fresh);
        var again = await RunAsync("build", "--root", site.Root, "--out", fresh);
        var byDefault = await RunAsync("build", "--root", site.Root);

        Assert.True(refused.Exit == 1, refused.Output);
        Assert.Contains("--out: error SG4003", refused.Output);
        Assert.True(File.Exists(Path.Combine(others, "keep.txt")));
        Assert.True(File.Exists(Path.Combine(others, "sub", "important.doc")));
        Assert.True(first.Exit == 0, first.Output);
        Assert.True(again.Exit == 0, again.Output);
        Assert.True(byDefault.Exit == 0, byDefault.Output);
    }

    [Fact]
    public async Task Serve_AfterAContentError_SaysSoAndKeepsRebuilding()
    {
        using var site = TestSite.Write(Site);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "site.dll"));
        foreach (var argument in new[] { "serve", "--root", site.Root, "--port", FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        var changed = new SemaphoreSlim(0);
        void Collect(object sender, DataReceivedEventArgs e)
        {
            if (e.Data is not null)
            {
                lock (output)
                {
                    output.AppendLine(e.Data);
                }

                changed.Release();
            }
        }

        process.OutputDataReceived += Collect;
        process.ErrorDataReceived += Collect;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            // serve answers before its first build ends: the edit comes after that build.
            await WaitForAsync(output, changed, "预览地址", 1);
            await WaitForAsync(output, changed, "已生成", 1);

            site.AddFiles("-- content/robots.txt --\nUser-agent: *\n");
            await WaitForAsync(output, changed, "content/robots.txt: error SG4002", 1);
            await WaitForAsync(output, changed, "生成失败", 1);

            File.Delete(Path.Combine(site.Root, "content/robots.txt"));
            await WaitForAsync(output, changed, "已生成", 2);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    /// <summary>Waits (generously: the machine is shared) until <paramref name="text"/> was printed <paramref name="times"/> times.</summary>
    private static async Task WaitForAsync(StringBuilder output, SemaphoreSlim changed, string text, int times)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        while (true)
        {
            string seen;
            lock (output)
            {
                seen = output.ToString();
            }

            if (Count(seen, text) >= times)
            {
                return;
            }

            try
            {
                await changed.WaitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"“{text}” was not printed {times} time(s); serve printed:\n{seen}");
            }
        }
    }

    private static int Count(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<(int Exit, string Output)> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "site.dll"));
        arguments.ToList().ForEach(start.ArgumentList.Add);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }
}
