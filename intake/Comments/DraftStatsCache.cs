using System.Collections.Concurrent;
using Site.Intake.Storage;

namespace Site.Intake.Comments;

/// <summary>
/// The public counts of each draft, kept for <see cref="Lifetime"/>: any number of readers of a
/// draft's page cost at most one query per draft per second, and requests that arrive while a
/// query runs share it. A comment stored through this instance refreshes its draft's counts at the
/// next request, so the person who just posted sees it counted.
/// </summary>
public sealed class DraftStatsCache(ICommentStore store, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public Task<DraftStats> GetAsync(string draft)
    {
        var now = clock.GetUtcNow();
        while (true)
        {
            if (_entries.TryGetValue(draft, out var entry) && now < entry.Expires && !entry.Stats.IsFaulted && !entry.Stats.IsCanceled)
            {
                return entry.Stats;
            }

            // One query for everyone who finds the entry stale at once; the others take the winner's.
            var fresh = new Entry(new Lazy<Task<DraftStats>>(() => store.StatsAsync(draft, CancellationToken.None)), now + Lifetime);
            var won = entry is null ? _entries.TryAdd(draft, fresh) : _entries.TryUpdate(draft, fresh, entry);
            if (won)
            {
                return fresh.Stats;
            }
        }
    }

    /// <summary>
    /// Forgets a draft's counts (a comment on it was just stored), and within <see cref="Lifetime"/>
    /// brings the store's running counts up to the new comments in the background: while comments
    /// pour in, the next request then reads only the last moment's comments, not all since the last
    /// request (<see cref="Storage.DraftTallies"/>).
    /// </summary>
    public void Invalidate(string draft)
    {
        _entries.TryRemove(draft, out _);
        if (_catchingUp.TryAdd(draft, 0))
        {
            _ = CatchUpAsync(draft);
        }
    }

    private readonly ConcurrentDictionary<string, byte> _catchingUp = new(StringComparer.Ordinal);

    private async Task CatchUpAsync(string draft)
    {
        try
        {
            await Task.Delay(Lifetime, clock);
            _catchingUp.TryRemove(draft, out _);
            await store.StatsAsync(draft, CancellationToken.None);
        }
        catch (Exception)
        {
            // Nothing is lost: the next request reads the same comments, and reports a failure itself.
        }
        finally
        {
            _catchingUp.TryRemove(draft, out _);
        }
    }

    private sealed class Entry(Lazy<Task<DraftStats>> query, DateTimeOffset expires)
    {
        public Task<DraftStats> Stats => query.Value;

        public DateTimeOffset Expires => expires;
    }
}
