using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Site.Generator.Build;
using Site.Generator.Diagnostics;
using Site.Intake;

namespace Site.Generator.Serving;

/// <summary>
/// `site serve`: builds, then serves the static site and the intake endpoint from one Kestrel on
/// 127.0.0.1 (as the deployed site behaves: pages static, /api/* dynamic), rebuilding on every change
/// to content/, input/ or theme/. The first build says what it is doing as it goes; the server logs
/// only warnings and errors unless <c>--verbose</c> asks for a line per request.
/// </summary>
public static class DevServer
{
    /// <param name="firstBuildMayStart">For tests: the first build waits for it (the server already answers).</param>
    public static async Task<int> RunAsync(BuildOptions options, int port, CancellationToken cancellationToken, bool verbose = false, Task? firstBuildMayStart = null)
    {
        // A mistyped --root: say so and stop, rather than watch and serve an empty site.
        if (options.RootProblem() is { } rootProblem)
        {
            Console.Error.WriteLine($"--root: error {DiagnosticCodes.MissingRoot}: {rootProblem}");
            return 1;
        }

        // Held across rebuilds: after an edit only the pages and search documents it affects are redone.
        var cache = new BuildCache();
        Console.WriteLine($"正在生成网站 {options.Root}（第一次生成全部页面，之后只重做改动涉及的页面）");
        var live = new LiveReload();
        Directory.CreateDirectory(options.Output);

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = options.Root });
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        // A line per request buries the build's own errors; --verbose brings them back.
        builder.Logging.SetMinimumLevel(verbose ? LogLevel.Information : LogLevel.Warning);
        // A host that cannot start (the port is taken) is said in one Chinese line below, not a stack trace.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", verbose ? LogLevel.Information : LogLevel.None);
        builder.Configuration["Intake:DataPath"] ??= options.IntakeOutput;
        builder.Configuration["Intake:Sqlite"] ??= Path.Combine(options.Root, ".data", "comments.db");
        builder.Services.AddIntake(builder.Configuration);
        await using var app = builder.Build();
        app.UseIntake();

        // Static pages first, as a CDN would answer them; then routing for /api/* and the 404 fallback.
        var files = new PhysicalFileProvider(options.Output);
        live.UseInjection(app);

        // The server answers from the start and the first build runs behind it: until that build has
        // finished, the last build's pages (from an earlier `serve` or `build`) are served as they
        // are, and any path without one gets a page saying the site is being built, which the
        // live-reload script replaces with the real page when the build is done.
        var firstBuild = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        app.Use(async (context, next) =>
        {
            if (firstBuild.Task.IsCompleted || context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/_serve") || HasFile(files, context.Request.Path))
            {
                await next();
                return;
            }

            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = "1";
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(BuildingPage);
        });
        // A static page takes GET and HEAD only: a POST or OPTIONS there (a form's action mistyped, a
        // client probing) is told so (405 with Allow), as /api/* answers a method it does not take;
        // a path without a page stays 404, and /api/* and /_serve/* keep their own answers.
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)
                || request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/_serve") || !HasPage(files, request.Path))
            {
                await next();
                return;
            }

            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            context.Response.Headers.Allow = "GET, HEAD";
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync($"这个网址是静态页面，只接受 GET、HEAD 请求，不接受 {request.Method} 请求。留言和意见请用页面上的表单提交。");
        });
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        app.UseRouting();
        app.MapIntake();
        live.Map(app, app.Lifetime);
        // "{*path}", not MapFallback's default "{*path:nonfile}": /foo.json or /.env gets the site's
        // 404 page like any other missing page, not an empty answer.
        app.MapFallback("{*path}", async context =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            var notFound = Path.Combine(options.Output, "404.html");
            if (File.Exists(notFound))
            {
                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.SendFileAsync(notFound);
            }
            else
            {
                // No site yet (the first build failed): a page for the error overlay to cover.
                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.WriteAsync("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>尚未生成</title></head><body><p>网站尚未生成成功。</p></body></html>");
            }
        });

        // A save during the first build rebuilds after it, never beside it (both would use the cache).
        using var watcher = new RebuildWatcher(options, async () =>
        {
            await firstBuild.Task;
            if (await BuildAndReportAsync(options, cache, live, cancellationToken))
            {
                await CollectAfterReloadAsync(cancellationToken);
            }
        });
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (Exception e) when (AddressInUse(e))
        {
            // Another program (often an earlier serve) holds the port: say so, not a stack trace.
            Console.Error.WriteLine($"错误：端口 {port} 已被占用（可能另一个预览还在运行）。请关闭它，或换一个端口：--port {port + 1}");
            return 1;
        }

        var reported = false;
        Console.WriteLine($"预览地址：http://127.0.0.1:{port}/  （正在生成时先显示上一次的版本；修改 content/、input/、theme/ 后自动重新生成；Ctrl+C 退出）");
        try
        {
            await (firstBuildMayStart ?? Task.CompletedTask).WaitAsync(cancellationToken);
            reported = await BuildAndReportAsync(options with { Progress = new BuildProgress(Console.Out) }, cache, live, cancellationToken);
        }
        finally
        {
            firstBuild.TrySetResult();
        }

        if (reported)
        {
            await CollectAfterReloadAsync(cancellationToken);
        }

        await app.WaitForShutdownAsync(cancellationToken);
        return 0;
    }

    /// <summary>What a path without a page answers while the first build runs (503, retried by the browser every second).</summary>
    public const string BuildingPage =
        "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" +
        "<meta http-equiv=\"refresh\" content=\"1\"><title>正在生成网站…</title></head>" +
        "<body><p>正在生成网站…，完成后本页自动刷新。</p></body></html>";

    /// <summary>A file at <paramref name="path"/>, or a page at <paramref name="path"/>/ (GET redirects there).</summary>
    private static bool HasPage(IFileProvider files, PathString path) =>
        HasFile(files, path) || (path.Value is { Length: > 1 } value && !value.EndsWith('/') && HasFile(files, new PathString(value + "/")));

    private static bool HasFile(IFileProvider files, PathString path)
    {
        var value = path.Value ?? "/";
        if (value.EndsWith('/'))
        {
            value += "index.html";
        }

        return files.GetFileInfo(value).Exists;
    }

    /// <summary>Kestrel's "address in use", whichever exception wraps it.</summary>
    private static bool AddressInUse(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is Microsoft.AspNetCore.Connections.AddressInUseException
                || e is System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.AddressAlreadyInUse })
            {
                return true;
            }
        }

        return false;
    }

    /// <returns>False if the build threw (said out loud, nothing to collect after).</returns>
    private static async Task<bool> BuildAndReportAsync(BuildOptions options, BuildCache cache, LiveReload live, CancellationToken cancellationToken)
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
            live.PublishCrash(ex);
            return false;
        }

        live.Publish(report);
        ConsoleReporter.Report(report.Diagnostics, Console.Error);
        Console.WriteLine(report.Succeeded
            ? $"已生成 {report.Pages} 个页面，其中 {report.PagesRendered} 个有变化（{report.Summary()}）"
            : "生成失败，继续显示上一次成功的版本。");
        return true;
    }

    /// <summary>
    /// The open pages reload as soon as they hear of a build; the collection stops every thread, the
    /// server's too, so it waits until they have fetched the new page (and, after the first build,
    /// until every path answers with its page).
    /// </summary>
    private static async Task CollectAfterReloadAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(ReloadWindow, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        CollectBetweenBuilds();
    }

    /// <summary>How long after a build the open pages have to fetch the new version before the collection.</summary>
    private static readonly TimeSpan ReloadWindow = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// A full, compacting collection once a build is done, while the person looks at the result. A
    /// build leaves much of the last one's pages, documents and index buffers as garbage in the oldest
    /// generation; left there, the runtime collected it during the next rebuild and made the rebuild
    /// slower (BENCHMARKS.md, `build --rebuilds`). The collection itself is short, and unnoticeable
    /// for a county's site.
    /// </summary>
    public static void CollectBetweenBuilds() => GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
}
