using System.Collections.Concurrent;
using Site.Intake.Comments;

namespace Site.Intake.Storage;

/// <summary>
/// One store's running counts per draft (<see cref="DraftStats"/>: comments, articles, channels,
/// participants, and the near-duplicate groups of <see cref="NearGroupIndex"/>), kept between stats
/// requests: each request reads only the comments stored since the last one (by id) and adds them.
/// Counting every comment again on each request read the whole draft, which on a large draft took
/// longer than a request may wait.
/// <para>
/// What the counts read never changes once stored: a removal at the commenter's request blanks the
/// text and contact but keeps the row, its article, channel and text_key; a purge of old contacts
/// re-keys participants so that their number stays the same. So the rows up to the last id read
/// only grow, and only when a comment commits with an id below one already read. SQLite never does
/// that (one writer, ids in commit order). PostgreSQL can (ids are drawn before commit, and several
/// instances write): there the rows up to the last id are counted after each update, and a draft
/// whose count differs is counted again from its first comment.
/// </para>
/// </summary>
/// <param name="idsCommitInOrder">True when a comment can never commit with a lower id than one already committed (SQLite).</param>
public sealed class DraftTallies(bool idsCommitInOrder)
{
    private readonly ConcurrentDictionary<string, Tally> _drafts = new(StringComparer.Ordinal);

    /// <summary>The most comments <c>newRows</c> gives at once.</summary>
    public const int PageSize = 50_000;

    /// <summary>A stored comment as the counts read it.</summary>
    public readonly record struct Row(long Id, string TextKey, string Text, string? Article, string? Channel, string Participant, int? People);

    /// <summary>
    /// Brings <paramref name="draft"/>'s counts up to date and returns them. <paramref name="newRows"/>
    /// gives the draft's comments with an id above the one given, in id order, at most <see cref="PageSize"/>; <paramref name="countUpTo"/>
    /// counts the draft's comments with an id at most the one given.
    /// </summary>
    public async Task<DraftStats> UpdateAsync(
        string draft,
        Func<long, CancellationToken, Task<List<Row>>> newRows,
        Func<long, CancellationToken, Task<long>> countUpTo,
        CancellationToken cancellationToken)
    {
        var tally = _drafts.GetOrAdd(draft, _ => new Tally());
        await tally.Gate.WaitAsync(cancellationToken);
        try
        {
            for (var attempt = 0; ; attempt++)
            {
                // A page at a time: a draft's first count never holds all its comments at once.
                List<Row> rows;
                do
                {
                    rows = await newRows(tally.LastId, cancellationToken);
                    tally.Add(rows);
                }
                while (rows.Count == PageSize);

                // A second difference in a row (comments still committing below the last id) waits for the next request.
                if (idsCommitInOrder || attempt == 1 || tally.Comments == await countUpTo(tally.LastId, cancellationToken))
                {
                    return tally.Stats(draft);
                }

                tally.Clear();
            }
        }
        catch
        {
            // Cancelled or failed half-way: the tally may hold part of a read; count again next time.
            tally.Clear();
            throw;
        }
        finally
        {
            tally.Gate.Release();
        }
    }

    private sealed class Tally
    {
        private readonly Dictionary<string, long> _articles = new(StringComparer.Ordinal);
        private readonly Dictionary<string, long> _channels = new(StringComparer.Ordinal);
        private readonly Dictionary<string, long> _offlineArticles = new(StringComparer.Ordinal);

        // Each participant's 人数 (the largest given, or null: one person), and their sum.
        private readonly Dictionary<UInt128, int?> _people = [];
        private long _participants;
        private NearGroupIndex _groups = new();

        public SemaphoreSlim Gate { get; } = new(1, 1);

        public long LastId { get; private set; }

        public long Comments => _groups.Comments;

        public void Add(List<Row> rows)
        {
            if (rows.Count == 0)
            {
                return;
            }

            _groups.AddTexts(rows.Select(r => (NearGroupIndex.Id(r.TextKey), r.Text)).ToList());
            foreach (var row in rows)
            {
                if (row.Article is not null)
                {
                    _articles[row.Article] = _articles.GetValueOrDefault(row.Article) + 1;
                    if (row.Channel is not null)
                    {
                        _offlineArticles[row.Article] = _offlineArticles.GetValueOrDefault(row.Article) + 1;
                    }
                }

                var channel = row.Channel ?? DraftStats.OnlineChannel;
                _channels[channel] = _channels.GetValueOrDefault(channel) + 1;

                // As SQL's SUM(COALESCE(MAX(people), 1)) per participant: MAX ignores a missing 人数.
                var participant = NearGroupIndex.Id(row.Participant);
                if (!_people.TryGetValue(participant, out var people))
                {
                    _people[participant] = row.People;
                    _participants += row.People ?? 1;
                }
                else if (row.People is { } more && (people is null || more > people))
                {
                    _participants += more - (people ?? 1);
                    _people[participant] = more;
                }
            }

            LastId = rows[^1].Id;
        }

        public DraftStats Stats(string draft) => new(
            draft, _groups.Comments, _participants, new Dictionary<string, long>(_articles), _groups.Groups, _groups.Duplicated,
            new Dictionary<string, long>(_channels), new Dictionary<string, long>(_offlineArticles), _groups.Approximate);

        public void Clear()
        {
            _articles.Clear();
            _channels.Clear();
            _offlineArticles.Clear();
            _people.Clear();
            _participants = 0;
            _groups = new NearGroupIndex();
            LastId = 0;
        }
    }
}
