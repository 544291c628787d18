using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;
using Microsoft.Net.Http.Headers;
using Site.Generator.Build;
using Site.Generator.Diagnostics;

namespace Site.Generator.Serving;

/// <summary>
/// What `serve` adds to the preview, as Hugo's server does: every HTML response gets one script tag
/// (never the published files: it is added on the way out), and that script follows the build over
/// server-sent events at <c>/_serve/events</c>. After a successful rebuild the page reloads itself;
/// while the last build has errors, every page shows them over the last good version (file:line:column,
/// code and the Chinese message) until a build succeeds.
/// </summary>
public sealed class LiveReload
{
    public const string ScriptPath = "/_serve/live.js";
    public const string EventsPath = "/_serve/events";

    private static readonly JsonSerializerOptions Json = Writing.GeneratorJson.With(new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    private readonly Lock _lock = new();
    private State _state = new(0, false, []);
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>
    /// The state a page is compared with. <paramref name="Build"/> counts successful builds of this
    /// process: a page served at build 3 reloads when the state says 4 (or 1, after a restart).
    /// </summary>
    public sealed record State(int Build, bool Failed, IReadOnlyList<ErrorLine> Errors);

    /// <summary>One build error as the overlay shows it.</summary>
    public sealed record ErrorLine(string Location, string Code, string Message);

    public State Current
    {
        get { lock (_lock) { return _state; } }
    }

    /// <summary>Records a finished build and wakes every open page.</summary>
    public void Publish(BuildReport report) =>
        Publish(report.Succeeded, report.Diagnostics.Sorted()
            .Where(d => d.Severity == Severity.Error)
            .Select(d => new ErrorLine(d.Location.ToString(), d.Code, d.Message)));

    /// <summary>A build that threw instead of reporting: the overlay says so.</summary>
    public void PublishCrash(Exception exception) =>
        Publish(false, [new ErrorLine("site", "SG9000", "生成过程意外中断：" + exception.Message)]);

    private void Publish(bool succeeded, IEnumerable<ErrorLine> errors)
    {
        TaskCompletionSource wake;
        lock (_lock)
        {
            _state = succeeded ? new State(_state.Build + 1, false, []) : new State(_state.Build, true, errors.ToList());
            wake = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        wake.TrySetResult();
    }

    /// <summary>Before the static files: adds the script to every HTML answer (pages, 404, search page).</summary>
    public void UseInjection(IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (!HttpMethods.IsGet(request.Method) || request.Path.StartsWithSegments("/_serve"))
        {
            await next();
            return;
        }

        // Deliberate for pages only: a page kept by the browser (a 304) would carry the build number it
        // was served at, and reload forever. A stylesheet, script or image carries none, so the static
        // files answer its If-None-Match / If-Modified-Since with 304 as a real server does.
        if (IsPageRequest(request.Path))
        {
            request.Headers.Remove(HeaderNames.IfNoneMatch);
            request.Headers.Remove(HeaderNames.IfModifiedSince);
        }

        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next();
        }
        finally
        {
            context.Response.Body = original;
        }

        buffer.Position = 0;
        if (context.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true)
        {
            var html = Inject(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length), Current.Build);
            var bytes = Encoding.UTF8.GetBytes(html);
            context.Response.ContentLength = bytes.Length;
            context.Response.Headers.CacheControl = "no-store";
            context.Response.Headers.Remove(HeaderNames.ETag);
            context.Response.Headers.Remove(HeaderNames.LastModified);
            await original.WriteAsync(bytes, context.RequestAborted);
        }
        else
        {
            await buffer.CopyToAsync(original, context.RequestAborted);
        }
    });

    /// <summary>
    /// Whether <paramref name="path"/> asks for a page (a folder's index.html, an .html/.htm file, or a
    /// name without extension, which the 404 page answers): the answers the script is injected into.
    /// </summary>
    public static bool IsPageRequest(PathString path)
    {
        var extension = Path.GetExtension(path.Value ?? "");
        return extension.Length == 0 || extension.Equals(".html", StringComparison.OrdinalIgnoreCase) || extension.Equals(".htm", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The script before &lt;/body&gt; (or at the end of a fragment without one).</summary>
    public static string Inject(string html, int build)
    {
        var tag = $"<script src=\"{ScriptPath}\" data-build=\"{build}\"></script>";
        var end = html.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        return end < 0 ? html + tag : html.Insert(end, tag);
    }

    public void Map(IEndpointRouteBuilder endpoints, IHostApplicationLifetime lifetime)
    {
        endpoints.MapGet(ScriptPath, () => Results.Text(Script, "text/javascript; charset=utf-8"));
        endpoints.MapGet(EventsPath, async context =>
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
            context.Response.ContentType = "text/event-stream; charset=utf-8";
            context.Response.Headers.CacheControl = "no-store";
            try
            {
                while (!stop.IsCancellationRequested)
                {
                    Task changed;
                    State state;
                    lock (_lock)
                    {
                        changed = _changed.Task;
                        state = _state;
                    }

                    await context.Response.WriteAsync("data: " + JsonSerializer.Serialize(state, Writing.GeneratorJson.Info<State>(Json)) + "\n\n", stop.Token);
                    await context.Response.Body.FlushAsync(stop.Token);
                    // A comment line now and then keeps proxies and phones from closing an idle stream.
                    while (await Task.WhenAny(changed, Task.Delay(TimeSpan.FromSeconds(20), stop.Token)) != changed)
                    {
                        await context.Response.WriteAsync(": ping\n\n", stop.Token);
                        await context.Response.Body.FlushAsync(stop.Token);
                    }
                }
            }
            catch (OperationCanceledException)
            {
                // The page was closed or the preview stopped.
            }
        });
    }

    /// <summary>The page side: reload on a new successful build, the overlay while the last one failed.</summary>
    private const string Script = """
        // Added by `serve` only (never in the published site): reload after a rebuild, show build errors.
        (function () {
          "use strict";
          var me = document.currentScript;
          var built = Number(me && me.getAttribute("data-build"));
          var overlay = null;
          function show(errors) {
            if (!overlay) {
              overlay = document.createElement("section");
              overlay.id = "serve-errors";
              overlay.setAttribute("role", "alertdialog");
              overlay.setAttribute("aria-labelledby", "serve-errors-title");
              // A panel over the top of the page: the last good version stays readable below it.
              overlay.style.cssText = "position:fixed;top:0;left:0;right:0;max-height:75vh;z-index:2147483647;overflow:auto;" +
                "margin:0;padding:1rem;background:#3b0d0d;color:#fff;font:16px/1.6 system-ui,sans-serif;" +
                "border-bottom:4px solid #ffd166;box-shadow:0 4px 16px rgba(0,0,0,.5);";
              document.body.appendChild(overlay);
            }
            overlay.textContent = "";
            var title = document.createElement("h2");
            title.id = "serve-errors-title";
            title.style.cssText = "margin:0 0 .5rem;font-size:1.25rem;color:#ffb3b3;";
            title.textContent = "生成失败：" + errors.length + " 个错误。改好后页面会自动刷新；下面显示的是上一次成功生成的版本。";
            overlay.appendChild(title);
            var list = document.createElement("ol");
            list.style.cssText = "padding-left:1.5rem;margin:0;";
            errors.forEach(function (e) {
              var item = document.createElement("li");
              item.style.cssText = "margin:.5rem 0;";
              var where = document.createElement("code");
              where.className = "serve-error-location";
              where.style.cssText = "display:block;color:#ffd166;font-family:ui-monospace,monospace;overflow-wrap:anywhere;";
              where.textContent = e.location + "  " + e.code;
              var message = document.createElement("span");
              message.className = "serve-error-message";
              message.textContent = e.message;
              item.appendChild(where);
              item.appendChild(message);
              list.appendChild(item);
            });
            overlay.appendChild(list);
          }
          function hide() { if (overlay) { overlay.remove(); overlay = null; } }
          if (!window.EventSource) { return; }
          var events = new EventSource("/_serve/events");
          events.onmessage = function (message) {
            var state = JSON.parse(message.data);
            if (state.failed) { show(state.errors); }
            else if (state.build !== built) { events.close(); location.reload(); }
            else { hide(); }
          };
        })();
        """;
}
