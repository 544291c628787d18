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
    /// an offline row gives, else one), and duplicate groups (<see cref="Comments.CommentGroups"/>):
    /// <paramref name="tallies"/> keeps them, and this reads only the comments stored since.
    /// </summary>
    public static Task<DraftStats> StatsAsync(DbConnection connection, string draft, DraftTallies tallies, CancellationToken cancellationToken) =>
        tallies.UpdateAsync(draft, (after, ct) => NewRowsAsync(connection, draft, after, ct), (upTo, ct) => CountUpToAsync(connection, draft, upTo, ct), cancellationToken);

    /// <summary>The draft's comments with an id above <paramref name="after"/>, in id order, at most <see cref="DraftTallies.PageSize"/>.</summary>
    private static async Task<List<DraftTallies.Row>> NewRowsAsync(DbConnection connection, string draft, long after, CancellationToken cancellationToken)
    {
        // "draft || ''" keeps SQLite off the (draft, …) indexes, which would read every comment of the
        // draft to find the new ones: the primary key's range reads only those.
        await using var command = Command(connection, """
            SELECT id, text_key, text, article, channel, participant, people FROM comments
            WHERE id > @after AND draft || '' = @draft ORDER BY id LIMIT @page
            """, ("@after", after), ("@draft", draft), ("@page", DraftTallies.PageSize));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<DraftTallies.Row>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var text = reader.GetString(2);
            rows.Add(new DraftTallies.Row(
                reader.GetInt64(0),

                // Rows stored before text_key existed have none: it is computed.
                reader.IsDBNull(1) ? Comments.CommentGroups.Key(text) : reader.GetString(1),
                text,
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.GetString(5),
                reader.IsDBNull(6) ? null : Convert.ToInt32(reader.GetValue(6), System.Globalization.CultureInfo.InvariantCulture)));
        }

        return rows;
    }

    private static async Task<long> CountUpToAsync(DbConnection connection, string draft, long upTo, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, "SELECT COUNT(*) FROM comments WHERE draft = @draft AND id <= @upTo", ("@draft", draft), ("@upTo", upTo));
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
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
