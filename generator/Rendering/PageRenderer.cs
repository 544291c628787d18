using System.Text;
using Microsoft.AspNetCore.Components.Web;
using Site.Generator.Diagnostics;
using Site.Generator.Rendering.Pages;
using Site.Generator.Writing;
using Site.Theme;
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
            await using var renderer = StaticHtml.CreateRenderer();
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

                    var html = await StaticHtml.RenderAsync(renderer, chrome, job.Template, job.BuildModel());
                    writer.Write(job.OutputPath, Encoding.UTF8.GetBytes(html));
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    diagnostics.Error(DiagnosticCodes.RenderFailed, new SourceLocation(job.OutputPath), $"页面生成失败：{ex.GetType().Name}: {ex.Message}");
                }
            }
        }, cancellationToken)));
    }
}
