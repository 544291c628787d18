using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Site.Generator.Diagnostics;
using Site.Generator.Rendering.Pages;
using Site.Generator.Writing;
using Site.Theme.Layouts;
using Site.Theme.ViewModels;

namespace Site.Generator.Rendering;

/// <summary>
/// Renders page jobs to HTML with Razor's in-box <see cref="HtmlRenderer"/>. A renderer has one
/// dispatcher, so each worker gets its own renderer and a share of the pages.
/// </summary>
public static class PageRenderer
{
    public static async Task RenderAsync(
        IReadOnlyList<PageJob> jobs, SiteChrome chrome, SiteWriter writer, DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        var workers = Math.Max(1, Environment.ProcessorCount);
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            await using var renderer = CreateRenderer();
            int index;
            while ((index = Interlocked.Increment(ref next)) < jobs.Count)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var job = jobs[index];
                try
                {
                    if (job.Template is null)
                    {
                        writer.Write(job.OutputPath, (byte[])job.BuildModel());
                        continue;
                    }

                    var html = await RenderAsync(renderer, chrome, job.Template, job.BuildModel());
                    writer.Write(job.OutputPath, Encoding.UTF8.GetBytes(html));
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    diagnostics.Error(DiagnosticCodes.RenderFailed, new SourceLocation(job.OutputPath), $"页面生成失败：{ex.GetType().Name}: {ex.Message}");
                }
            }
        }, cancellationToken)));
    }

    public static HtmlRenderer CreateRenderer()
    {
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);

        // The default encoder writes every Chinese character as &#x...; — three times the bytes.
        services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All));
        var provider = services.BuildServiceProvider();
        return new HtmlRenderer(provider, NullLoggerFactory.Instance);
    }

    public static Task<string> RenderAsync(HtmlRenderer renderer, SiteChrome chrome, Type template, object model) =>
        renderer.Dispatcher.InvokeAsync(async () =>
        {
            var parameters = ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(PageHost.Chrome)] = chrome,
                [nameof(PageHost.Template)] = template,
                [nameof(PageHost.Parameters)] = new Dictionary<string, object> { ["Page"] = model },
            });
            var output = await renderer.RenderComponentAsync<PageHost>(parameters);
            return output.ToHtmlString();
        });
}
