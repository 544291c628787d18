using Site.Generator.Build;

namespace Site.Generator.Serving;

/// <summary>
/// Watches content/, input/ and theme/ and rebuilds once things settle (editors save in bursts).
/// Rebuilds never overlap: a change during a build schedules one more.
/// </summary>
public sealed class RebuildWatcher : IDisposable
{
    // An editor's save is a burst of events a few milliseconds apart; the wait is part of every save's
    // time to the new page, so it is kept to several times such a burst. A burst longer than this
    // costs one more rebuild, never a lost change: a change during a build schedules another.
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(50);
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly Func<Task> _rebuild;
    private readonly Timer _timer;
    private readonly SemaphoreSlim _gate = new(1, 1);

    public RebuildWatcher(BuildOptions options, Func<Task> rebuild)
    {
        _rebuild = rebuild;
        _timer = new Timer(_ => _ = RunAsync(), null, Timeout.Infinite, Timeout.Infinite);
        foreach (var folder in new[] { "content", "input", "theme" })
        {
            var path = Path.Combine(options.Root, folder);
            if (!Directory.Exists(path))
            {
                continue;
            }

            var watcher = new FileSystemWatcher(path) { IncludeSubdirectories = true, EnableRaisingEvents = true };
            watcher.Changed += (_, e) => Schedule(e.FullPath);
            watcher.Created += (_, e) => Schedule(e.FullPath);
            watcher.Deleted += (_, e) => Schedule(e.FullPath);
            watcher.Renamed += (_, e) => Schedule(e.FullPath);
            _watchers.Add(watcher);
        }
    }

    public void Dispose()
    {
        foreach (var watcher in _watchers)
        {
            watcher.Dispose();
        }

        _timer.Dispose();
    }

    private void Schedule(string path)
    {
        if (path.Contains("/bin/", StringComparison.Ordinal) || path.Contains("/obj/", StringComparison.Ordinal))
        {
            return; // the theme project's own build output
        }

        _timer.Change(Quiet, Timeout.InfiniteTimeSpan);
    }

    private async Task RunAsync()
    {
        await _gate.WaitAsync();
        try
        {
            await _rebuild();
        }
        finally
        {
            _gate.Release();
        }
    }
}
