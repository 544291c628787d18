using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Components.Web;
using Site.Generator.Diagnostics;
using Site.Generator.Rendering.Pages;
using Site.Theme;
using Site.Theme.ViewModels;

namespace Site.Generator.Rendering;

/// <summary>
/// Renders page jobs to HTML with Razor's in-box <see cref="HtmlRenderer"/>. A renderer has one
/// dispatcher, so each worker renders its share of the pages, each page with a renderer of its own.
/// </summary>
/// <remarks>
/// Every component a renderer has rendered stays attached to it until it is disposed, and so do the
/// render-tree arrays each component rents from the shared array pool. Disposing the renderer after
/// each page gives them back while the next page can rent them again. Disposing it after every 256
/// pages kept thousands of arrays alive through several collections, and then returned far more than
/// the pool keeps, so a large build allocated much more (BENCHMARKS.md, `build --alloc-types`). A new
/// renderer per page costs nothing that shows in a profile.
/// </remarks>
public static class PageRenderer
{
    /// <summary>
    /// Fingerprints of the previous build's pages (output path → model hash) and where this build's go.
    /// A page whose fingerprint is unchanged is kept from the previous output without rendering. With
    /// them, the inputs of the pages that name theirs (<see cref="PageJob.Inputs"/>): a page whose
    /// inputs equal the previous build's is kept without building its model.
    /// </summary>
    public sealed record Memory(IReadOnlyDictionary<string, UInt128> Previous, ConcurrentDictionary<string, UInt128> Current)
    {
        public IReadOnlyDictionary<string, PageInputs> PreviousInputs { get; init; } = new Dictionary<string, PageInputs>();

        public ConcurrentDictionary<string, PageInputs> CurrentInputs { get; init; } = new(StringComparer.Ordinal);
    }

    /// <summary>A page's inputs, and the chrome key its page was rendered with (the chrome is part of every page).</summary>
    public sealed record PageInputs(string ChromeKey, object?[] Values)
    {
        public bool Matches(string chromeKey, object?[] values)
        {
            if (ChromeKey != chromeKey || Values.Length != values.Length)
            {
                return false;
            }

            for (var i = 0; i < values.Length; i++)
            {
                if (!Equals(Values[i], values[i]))
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <returns>How many pages were rendered (the rest were kept).</returns>
    public static async Task<int> RenderAsync(
        IReadOnlyList<PageJob> jobs, SiteChrome chrome, IOutputSink writer, DiagnosticBag diagnostics, Memory? memory, CancellationToken cancellationToken,
        IRenderProgress? progress = null)
    {
        progress?.PagesStarted(jobs.Count);
        var workers = Math.Max(1, Environment.ProcessorCount);
        var next = -1;
        var rendered = 0;

        // The chrome (title, nav, asset URLs with their content hashes) is part of every page.
        var chromeKey = memory is null ? "" : ModelFingerprint.Of(chrome, typeof(StaticHtml).Assembly.ManifestModule.ModuleVersionId).ToString();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            var page = new PageBuffer();
            int index;
            while ((index = Interlocked.Increment(ref next)) < jobs.Count)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var job = jobs[index];
                try
                {
                    if (memory is not null && job.Inputs is not null && Unchanged(job, memory, chromeKey, writer))
                    {
                        continue;
                    }

                    var model = job.BuildModel();
                    if (memory is not null)
                    {
                        var fingerprint = ModelFingerprint.Of(model, job.Template, chromeKey);
                        memory.Current[job.OutputPath] = fingerprint;
                        if (job.Inputs?.Invoke() is { } inputs)
                        {
                            memory.CurrentInputs[job.OutputPath] = new PageInputs(chromeKey, inputs);
                        }

                        if (memory.Previous.TryGetValue(job.OutputPath, out var previous) && previous == fingerprint && writer.Keep(job.OutputPath))
                        {
                            continue;
                        }
                    }

                    Interlocked.Increment(ref rendered);
                    if (job.Template is null)
                    {
                        writer.Write(job.OutputPath, (byte[])model);
                        continue;
                    }

                    page.Clear();
                    await using (var renderer = StaticHtml.CreateRenderer())
                    {
                        await StaticHtml.RenderAsync(renderer, chrome, job.Template, model, page.Text);
                    }

                    writer.Write(job.OutputPath, page.Utf8());
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    diagnostics.Error(DiagnosticCodes.RenderFailed, new SourceLocation(job.OutputPath), $"页面生成失败：{ex.GetType().Name}: {ex.Message}");
                }
                finally
                {
                    progress?.PageDone();
                }
            }
        }, cancellationToken)));
        return rendered;
    }

    /// <summary>A page whose inputs equal the previous build's: kept with its fingerprint, its model never built.</summary>
    private static bool Unchanged(PageJob job, Memory memory, string chromeKey, IOutputSink writer)
    {
        var path = job.OutputPath;
        if (!memory.PreviousInputs.TryGetValue(path, out var before) || !memory.Previous.TryGetValue(path, out var fingerprint)
            || job.Inputs!() is not { } inputs || !before.Matches(chromeKey, inputs) || !writer.Keep(path))
        {
            return false;
        }

        memory.Current[path] = fingerprint;
        memory.CurrentInputs[path] = before;
        return true;
    }

    /// <summary>
    /// One worker's page: HTML is written into a buffer that outlives the page (no growing, no string
    /// copy) and encoded to UTF-8 into a byte buffer that also outlives it.
    /// </summary>
    private sealed class PageBuffer
    {
        private readonly StringBuilder _html = new(256 * 1024);
        private readonly Encoder _encoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetEncoder();
        private byte[] _bytes = new byte[256 * 1024];

        public PageBuffer() => Text = new StringWriter(_html, System.Globalization.CultureInfo.InvariantCulture);

        public StringWriter Text { get; }

        public void Clear() => _html.Clear();

        public ReadOnlySpan<byte> Utf8()
        {
            var needed = Encoding.UTF8.GetMaxByteCount(_html.Length);
            if (_bytes.Length < needed)
            {
                _bytes = new byte[needed];
            }

            var length = 0;
            _encoder.Reset();
            foreach (var chunk in _html.GetChunks())
            {
                length += _encoder.GetBytes(chunk.Span, _bytes.AsSpan(length), flush: false);
            }

            length += _encoder.GetBytes([], _bytes.AsSpan(length), flush: true);
            return _bytes.AsSpan(0, length);
        }
    }
}
