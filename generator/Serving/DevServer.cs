using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Site.Generator.Build;
using Site.Generator.Diagnostics;
using Site.Intake;

namespace Site.Generator.Serving;

/// <summary>
/// `site serve`: builds, then serves the static site and the intake endpoint from one Kestrel on
/// 127.0.0.1 (as the deployed site behaves: pages static, /api/* dynamic), rebuilding on every change
/// to content/, input/ or theme/.
/// </summary>
public static class DevServer
{
    public static async Task<int> RunAsync(BuildOptions options, int port, CancellationToken cancellationToken)
    {
        // Held across rebuilds: after an edit only the pages and search documents it affects are redone.
        var cache = new BuildCache();
        await BuildAndReportAsync(options, cache, cancellationToken);
        Directory.CreateDirectory(options.Output);

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = options.Root });
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Configuration["Intake:DataPath"] ??= options.IntakeOutput;
        builder.Configuration["Intake:Sqlite"] ??= Path.Combine(options.Root, ".data", "comments.db");
        builder.Services.AddIntake(builder.Configuration);
        var app = builder.Build();

        // Static pages first, as a CDN would answer them; then routing for /api/* and the 404 fallback.
        var files = new PhysicalFileProvider(options.Output);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        app.UseRouting();
        app.MapIntake();
        app.MapFallback(async context =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            var notFound = Path.Combine(options.Output, "404.html");
            if (File.Exists(notFound))
            {
                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.SendFileAsync(notFound);
            }
        });

        using var watcher = new RebuildWatcher(options, () => BuildAndReportAsync(options, cache, cancellationToken));
        Console.WriteLine($"预览地址：http://127.0.0.1:{port}/  （修改 content/、input/、theme/ 后自动重新生成；Ctrl+C 退出）");
        await app.RunAsync(cancellationToken);
        return 0;
    }

    private static async Task BuildAndReportAsync(BuildOptions options, BuildCache cache, CancellationToken cancellationToken)
    {
        BuildReport report;
        try
        {
            report = await BuildPipeline.RunAsync(options with { Now = DateTimeOffset.UtcNow }, cancellationToken, cache);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Said out loud, and the watcher goes on: the next save rebuilds. The cache is only
            // replaced when a build commits, so it still describes the last good site.
            Console.Error.WriteLine($"内部错误（请报告给开发者），继续显示上一次成功的版本：{ex}");
            return;
        }

        ConsoleReporter.Report(report.Diagnostics, Console.Error);
        Console.WriteLine(report.Succeeded
            ? $"已生成 {report.Pages} 个页面，其中 {report.PagesRendered} 个有变化（{report.Summary()}）"
            : "生成失败，继续显示上一次成功的版本。");
        CollectBetweenBuilds();
    }

    /// <summary>
    /// A full, compacting collection once a build is done, while the person looks at the result. A
    /// build leaves much of the last one's pages, documents and index buffers as garbage in the oldest
    /// generation; left there, the runtime collected it during the next rebuild, which for 50,000
    /// stories then took 1.7-2.2 s instead of 1.3-1.4 s (BENCHMARKS.md). The collection itself takes
    /// 0.2-0.5 s at that size, and a few milliseconds for a county's site.
    /// </summary>
    public static void CollectBetweenBuilds() => GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
}
