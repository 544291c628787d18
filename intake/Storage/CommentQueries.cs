using System.Data.Common;
using System.Runtime.CompilerServices;

namespace Site.Intake.Storage;

/// <summary>
/// The read side both stores share: plain ADO.NET over an open connection. The SQL is the same on
/// SQLite and PostgreSQL; only writing (upsert, batching) differs per store.
/// </summary>
internal static class CommentQueries
{
    private const string Columns = "receipt, draft, article, text, name, contact, identity, created_at, channel, text_key, removed_at, contact_point, people";

    /// <summary>
    /// Counts, per article and per channel, participants (distinct contacts, each counted as the 人数
    /// an offline row gives, else one), and duplicate groups:
    /// exact groups come from SQL (one row per stored text_key with one of its texts), and those are
    /// grouped further by <see cref="Comments.CommentGroups.Near"/>.
    /// </summary>
    public static async Task<DraftStats> StatsAsync(DbConnection connection, string draft, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, """
            SELECT (SELECT COUNT(*) FROM comments WHERE draft = @draft),
                (SELECT COALESCE(SUM(COALESCE(p, 1)), 0) FROM (SELECT MAX(people) AS p FROM comments WHERE draft = @draft GROUP BY participant) AS g);
            SELECT article, COUNT(*) FROM comments WHERE draft = @draft AND article IS NOT NULL GROUP BY article;
            SELECT channel, COUNT(*) FROM comments WHERE draft = @draft GROUP BY channel;
            SELECT text_key, MIN(text), COUNT(*) FROM comments WHERE draft = @draft AND text_key IS NOT NULL GROUP BY text_key ORDER BY MIN(id);
            SELECT text FROM comments WHERE draft = @draft AND text_key IS NULL ORDER BY id;
            SELECT article, COUNT(*) FROM comments WHERE draft = @draft AND article IS NOT NULL AND channel IS NOT NULL GROUP BY article;
            """, ("@draft", draft));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var comments = reader.GetInt64(0);
        var participants = reader.GetInt64(1);
        await reader.NextResultAsync(cancellationToken);
        var articles = new Dictionary<string, long>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            articles[reader.GetString(0)] = reader.GetInt64(1);
        }

        await reader.NextResultAsync(cancellationToken);
        var channels = new Dictionary<string, long>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            var channel = reader.IsDBNull(0) ? DraftStats.OnlineChannel : reader.GetString(0);
            channels[channel] = channels.GetValueOrDefault(channel) + reader.GetInt64(1);
        }

        await reader.NextResultAsync(cancellationToken);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        var texts = new List<(string Key, string Text)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var key = reader.GetString(0);
            counts[key] = reader.GetInt64(2);
            texts.Add((key, reader.GetString(1)));
        }

        // Rows stored before text_key existed.
        await reader.NextResultAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var text = reader.GetString(0);
            var key = Comments.CommentGroups.Key(text);
            if (counts.TryAdd(key, 1))
            {
                texts.Add((key, text));
            }
            else
            {
                counts[key]++;
            }
        }

        // Per article, the part that came offline (channel set): the page shows online and offline apart.
        await reader.NextResultAsync(cancellationToken);
        var offlineArticles = new Dictionary<string, long>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            offlineArticles[reader.GetString(0)] = reader.GetInt64(1);
        }

        var sizes = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (key, representative) in Comments.CommentGroups.Near(texts))
        {
            sizes[representative] = sizes.GetValueOrDefault(representative) + counts[key];
        }

        return new DraftStats(draft, comments, participants, articles, sizes.Count, sizes.Values.Where(n => n > 1).Sum(), channels, offlineArticles);
    }

    public static async IAsyncEnumerable<StoredComment> ExportAsync(DbConnection connection, string draft, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var command = Command(connection, $"SELECT {Columns} FROM comments WHERE draft = @draft AND removed_at IS NULL ORDER BY created_at, receipt", ("@draft", draft));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return Read(reader);
        }
    }

    public static async Task<StoredComment?> FindAsync(DbConnection connection, string receipt, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, $"SELECT {Columns} FROM comments WHERE receipt = @receipt", ("@receipt", receipt));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    private static DbCommand Command(DbConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    private static StoredComment Read(DbDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.IsDBNull(2) ? null : reader.GetString(2),
        reader.GetString(3),
        reader.IsDBNull(4) ? null : reader.GetString(4),
        reader.IsDBNull(5) ? null : reader.GetString(5),
        reader.IsDBNull(6) ? null : reader.GetString(6),
        reader.GetFieldValue<DateTimeOffset>(7),
        reader.IsDBNull(8) ? null : reader.GetString(8),
        reader.IsDBNull(9) ? Comments.CommentGroups.Key(reader.GetString(3)) : reader.GetString(9),

        reader.IsDBNull(10) ? null : reader.GetFieldValue<DateTimeOffset>(10),
        reader.IsDBNull(11) ? null : reader.GetString(11),
        reader.IsDBNull(12) ? null : Convert.ToInt32(reader.GetValue(12), System.Globalization.CultureInfo.InvariantCulture));
}
