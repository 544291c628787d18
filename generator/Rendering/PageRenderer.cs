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
    /// What one build recorded of its pages, for the next: each page's output path, model fingerprint
    /// and (for pages that name them, <see cref="PageJob.Inputs"/>) inputs, in the plan's order, plus
    /// the fingerprints of generated files that are not pages (the sitemap). A rebuild after an edit
    /// plans the same pages in the same order, so page i is looked up at index i: no table keyed by
    /// path is built or probed for tens of thousands of unchanged pages (one is built only for a plan
    /// whose order moved).
    /// </summary>
    public sealed class PageLedger
    {
        private readonly Lazy<Dictionary<string, int>> _indexByPath;

        public PageLedger(string[] paths, UInt128?[] fingerprints, PageInputs?[] inputs, IReadOnlyDictionary<string, UInt128> files)
        {
            Paths = paths;
            Fingerprints = fingerprints;
            Inputs = inputs;
            Files = files;
            _indexByPath = new(() =>
            {
                var index = new Dictionary<string, int>(paths.Length, StringComparer.Ordinal);
                for (var i = 0; i < paths.Length; i++)
                {
                    index[paths[i]] = i;
                }

                return index;
            });
        }

        public static PageLedger Empty { get; } = new([], [], [], new Dictionary<string, UInt128>());

        /// <summary>Output path of each page, in the plan's order.</summary>
        public string[] Paths { get; }

        /// <summary>Model fingerprint of each page (a committed build has one for every page).</summary>
        public UInt128?[] Fingerprints { get; }

        public PageInputs?[] Inputs { get; }

        /// <summary>Output path → fingerprint of generated files besides pages (sitemap.xml).</summary>
        public IReadOnlyDictionary<string, UInt128> Files { get; }

        /// <summary>Where the page at <paramref name="path"/> was, given it is at <paramref name="hint"/> in this build's plan; -1 if it was not there.</summary>
        public int IndexOf(string path, int hint) =>
            (uint)hint < (uint)Paths.Length && string.Equals(Paths[hint], path, StringComparison.Ordinal) ? hint
            : _indexByPath.Value.TryGetValue(path, out var index) ? index : -1;
    }

    /// <summary>
    /// The previous build's pages (<see cref="PageLedger"/>) and where this build's go, by the index of
    /// each job in the plan. A page whose fingerprint is unchanged is kept from the previous output
    /// without rendering; a page whose inputs equal the previous build's is kept without building its model.
    /// </summary>
    public sealed class Memory(PageLedger previous)
    {
        private string[] _paths = [];
        private UInt128?[] _fingerprints = [];
        private PageInputs?[] _inputs = [];

        public PageLedger Previous { get; } = previous;

        /// <summary>This build's generated files besides pages (the write step's sitemap).</summary>
        public System.Collections.Concurrent.ConcurrentDictionary<string, UInt128> Files { get; } = new(StringComparer.Ordinal);

        /// <summary>Sizes this build's record for <paramref name="jobs"/>; called by the render before any page.</summary>
        public void Begin(IReadOnlyList<PageJob> jobs)
        {
            _paths = new string[jobs.Count];
            _fingerprints = new UInt128?[jobs.Count];
            _inputs = new PageInputs?[jobs.Count];
        }

        internal void Record(int index, string path, UInt128 fingerprint, PageInputs? inputs)
        {
            _paths[index] = path;
            _fingerprints[index] = fingerprint;
            _inputs[index] = inputs;
        }

        /// <summary>This build's ledger, once the render and write steps are done.</summary>
        public PageLedger Current()
        {
            // A page that failed has no path recorded; its slot is dropped.
            if (Array.IndexOf(_paths, null) < 0)
            {
                return new PageLedger(_paths, _fingerprints, _inputs, Files);
            }

            var kept = Enumerable.Range(0, _paths.Length).Where(i => _paths[i] is not null).ToArray();
            return new PageLedger(kept.Select(i => _paths[i]).ToArray(), kept.Select(i => _fingerprints[i]).ToArray(), kept.Select(i => _inputs[i]).ToArray(), Files);
        }
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
        memory?.Begin(jobs);
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
                var path = job.OutputPath;
                try
                {
                    var previous = memory?.Previous.IndexOf(path, index) ?? -1;
                    if (memory is not null && job.Inputs is not null && Unchanged(index, path, previous, job, memory, chromeKey, writer))
                    {
                        continue;
                    }

                    var model = job.BuildModel();
                    if (memory is not null)
                    {
                        var fingerprint = ModelFingerprint.Of(model, job.Template, chromeKey);
                        memory.Record(index, path, fingerprint, job.Inputs?.Invoke() is { } inputs ? new PageInputs(chromeKey, inputs) : null);
                        if (previous >= 0 && memory.Previous.Fingerprints[previous] == fingerprint && writer.Keep(path))
                        {
                            continue;
                        }
                    }

                    Interlocked.Increment(ref rendered);
                    if (job.Template is null)
                    {
                        writer.Write(path, (byte[])model);
                        continue;
                    }

                    page.Clear();
                    await using (var renderer = StaticHtml.CreateRenderer())
                    {
                        await StaticHtml.RenderAsync(renderer, chrome, job.Template, model, page.Text);
                    }

                    writer.Write(path, page.Utf8());
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    diagnostics.Error(DiagnosticCodes.RenderFailed, new SourceLocation(path), $"页面生成失败：{ex.GetType().Name}: {ex.Message}");
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
    private static bool Unchanged(int index, string path, int previous, PageJob job, Memory memory, string chromeKey, IOutputSink writer)
    {
        if (previous < 0 || memory.Previous.Inputs[previous] is not { } before || memory.Previous.Fingerprints[previous] is not { } fingerprint
            || job.Inputs!() is not { } inputs || !before.Matches(chromeKey, inputs) || !writer.Keep(path))
        {
            return false;
        }

        memory.Record(index, path, fingerprint, before);
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
