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

    /// <summary>Forgets a draft's counts (a comment on it was just stored).</summary>
    public void Invalidate(string draft) => _entries.TryRemove(draft, out _);

    private sealed class Entry(Lazy<Task<DraftStats>> query, DateTimeOffset expires)
    {
        public Task<DraftStats> Stats => query.Value;

        public DateTimeOffset Expires => expires;
    }
}
