using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace Site.Intake.Storage;

/// <summary>
/// How a value is written into a column of each dialect: SQLite keeps instants as ISO 8601 text in
/// UTC (so text order is time order), dates as yyyy-MM-dd and booleans as 0/1; PostgreSQL has
/// timestamptz, date and boolean. Both read back through the same ADO.NET getters.
/// </summary>
internal sealed class StoreDialect(Func<DateTimeOffset, object> instant, Func<DateOnly, object> date, Func<bool, object> boolean)
{
    public static readonly StoreDialect Sqlite = new(
        t => t.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
        d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        b => b ? 1L : 0L);

    public static readonly StoreDialect PostgreSql = new(t => t.ToUniversalTime(), d => d, b => b);

    public object Instant(DateTimeOffset value) => instant(value);

    public object Instant(DateTimeOffset? value) => value is { } v ? instant(v) : DBNull.Value;

    public object Date(DateOnly? value) => value is { } v ? date(v) : DBNull.Value;

    public object Boolean(bool value) => boolean(value);

    public object Boolean(bool? value) => value is { } v ? boolean(v) : DBNull.Value;
}

/// <summary>
/// Every statement on messages, in SQL both SQLite and PostgreSQL run as written, over a connection
/// (and transaction) the store opened: the stores differ only in how they hold connections.
/// </summary>
internal static class MessageQueries
{
    private const string Columns = """
        m.id, m.receipt, m.recipient_kind, m.recipient, m.station, m.text, m.name, m.contact, m.publish_consent, m.created_at,
        m.status, m.unit, m.reply, m.replied_on, m.office_public, m.updated_at, m.removed_at, m.wants_reply
        """;

    private const string EventColumns = "e.message_id, e.status, e.unit, e.reply, e.replied_on, e.office_public, e.recorded_at, e.source";

    private const string Insert = """
        INSERT INTO messages (receipt, recipient_kind, recipient, station, text, name, contact, publish_consent, participant, idempotency_key, fingerprint, created_at, wants_reply)
        VALUES (@receipt, @kind, @recipient, @station, @text, @name, @contact, @consent, @participant, @key, @fingerprint, @created, @wants)
        ON CONFLICT DO NOTHING
        RETURNING receipt
        """;

    private const string FindByKey = "SELECT receipt, created_at, fingerprint FROM messages WHERE recipient_kind = @kind AND recipient = @recipient AND idempotency_key = @key";

    /// <summary>
    /// Stores <paramref name="messages"/> in <paramref name="transaction"/> (the caller commits): an
    /// Idempotency-Key already stored answers its earlier receipt; a receipt number already taken, or
    /// a key another instance stored in between, inserts nothing and is looked at again.
    /// </summary>
    public static async Task<IReadOnlyList<Receipt>> WriteAsync(
        DbConnection connection, DbTransaction transaction, StoreDialect dialect, ReceiptNumbers numbers,
        IReadOnlyList<NewMessage> messages, CancellationToken cancellationToken)
    {
        await using var insert = Command(connection, transaction, Insert,
            "@receipt", "@kind", "@recipient", "@station", "@text", "@name", "@contact", "@consent", "@participant", "@key", "@fingerprint", "@created", "@wants");
        await using var find = Command(connection, transaction, FindByKey, "@kind", "@recipient", "@key");
        var receipts = new List<Receipt>(messages.Count);
        foreach (var message in messages)
        {
            if (await FindKeyAsync(find, dialect, message, cancellationToken) is { } earlier)
            {
                receipts.Add(earlier);
                continue;
            }

            Set(insert, "@kind", message.Kind.Code());
            Set(insert, "@recipient", message.Recipient);
            Set(insert, "@station", message.Station);
            Set(insert, "@text", message.Text);
            Set(insert, "@name", message.Name);
            Set(insert, "@contact", message.Contact);
            Set(insert, "@consent", dialect.Boolean(message.PublishConsent));
            Set(insert, "@participant", message.Participant);
            Set(insert, "@key", message.IdempotencyKey);
            Set(insert, "@fingerprint", message.Fingerprint);
            Set(insert, "@created", dialect.Instant(message.CreatedAt));
            Set(insert, "@wants", dialect.Boolean(message.WantsReply));
            for (var attempt = 1; ; attempt++)
            {
                Set(insert, "@receipt", numbers.New(message.CreatedAt));
                if (await insert.ExecuteScalarAsync(cancellationToken) is string receipt)
                {
                    receipts.Add(new Receipt(receipt, message.CreatedAt, Replayed: false));
                    break;
                }

                // Another instance may have stored the same key in between; otherwise the number was taken.
                if (await FindKeyAsync(find, dialect, message, cancellationToken) is { } stored)
                {
                    receipts.Add(stored);
                    break;
                }

                if (attempt == ReceiptNumbers.Attempts)
                {
                    throw new InvalidOperationException($"no free receipt number after {attempt} attempts");
                }
            }
        }

        return receipts;
    }

    private static async Task<Receipt?> FindKeyAsync(DbCommand find, StoreDialect dialect, NewMessage message, CancellationToken cancellationToken)
    {
        if (message.IdempotencyKey is null)
        {
            return null;
        }

        Set(find, "@kind", message.Kind.Code());
        Set(find, "@recipient", message.Recipient);
        Set(find, "@key", message.IdempotencyKey);
        await using var reader = await find.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var fingerprint = reader.IsDBNull(2) ? null : reader.GetString(2);
        return new Receipt(reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1), Replayed: true,
            KeyReused: fingerprint is not null && message.Fingerprint is not null && fingerprint != message.Fingerprint);
    }

    public static async Task<StoredMessage?> FindAsync(DbConnection connection, string receipt, CancellationToken cancellationToken)
    {
        var found = await ListAsync(connection, "m.receipt = @receipt", [("@receipt", receipt)], cancellationToken);
        return found.Count == 0 ? null : found[0];
    }

    public static Task<List<StoredMessage>> ListAsync(DbConnection connection, StoreDialect dialect, DateTimeOffset? since, CancellationToken cancellationToken) =>
        since is { } from
            ? ListAsync(connection, "m.removed_at IS NULL AND m.created_at >= @since", [("@since", dialect.Instant(from))], cancellationToken)
            : ListAsync(connection, "m.removed_at IS NULL", [], cancellationToken);

    /// <summary>Messages matching <paramref name="where"/> (over messages m), oldest first, each with its history.</summary>
    private static async Task<List<StoredMessage>> ListAsync(DbConnection connection, string where, (string Name, object Value)[] parameters, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, null, $"""
            SELECT {Columns} FROM messages m WHERE {where} ORDER BY m.created_at, m.id;
            SELECT {EventColumns} FROM message_events e JOIN messages m ON m.id = e.message_id WHERE {where} ORDER BY e.id;
            """, parameters.Select(p => p.Name).ToArray());
        foreach (var (name, value) in parameters)
        {
            Set(command, name, value);
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<(long Id, StoredMessage Message)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add((reader.GetInt64(0), ReadMessage(reader)));
        }

        await reader.NextResultAsync(cancellationToken);
        var history = new Dictionary<long, List<MessageEvent>>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var id = reader.GetInt64(0);
            if (!history.TryGetValue(id, out var events))
            {
                history[id] = events = [];
            }

            events.Add(new MessageEvent(
                MessageVocabulary.ParseStatus(reader.GetString(1)),
                Text(reader, 2),
                Text(reader, 3),
                reader.IsDBNull(4) ? null : reader.GetFieldValue<DateOnly>(4),
                reader.IsDBNull(5) ? null : reader.GetBoolean(5),
                reader.GetFieldValue<DateTimeOffset>(6),
                Text(reader, 7)));
        }

        return rows.Select(r => r.Message with { History = history.GetValueOrDefault(r.Id) ?? [] }).ToList();
    }

    private static StoredMessage ReadMessage(DbDataReader reader) => new(
        reader.GetString(1),
        MessageVocabulary.ParseKind(reader.GetString(2)),
        reader.GetString(3),
        Text(reader, 4),
        reader.GetString(5),
        Text(reader, 6),
        Text(reader, 7),
        reader.GetBoolean(8),
        reader.GetFieldValue<DateTimeOffset>(9),
        MessageVocabulary.ParseStatus(reader.GetString(10)),
        Text(reader, 11),
        Text(reader, 12),
        reader.IsDBNull(13) ? null : reader.GetFieldValue<DateOnly>(13),
        reader.GetBoolean(14),
        reader.IsDBNull(15) ? null : reader.GetFieldValue<DateTimeOffset>(15),
        reader.IsDBNull(16) ? null : reader.GetFieldValue<DateTimeOffset>(16),
        [],
        reader.GetBoolean(17));

    /// <summary>
    /// Applies each update where it changes the message (a blank unit, reply, date or public flag keeps
    /// the current one): a new event and the message's current state, in <paramref name="transaction"/>.
    /// </summary>
    public static async Task<IReadOnlyList<UpdateOutcome>> ApplyAsync(
        DbConnection connection, DbTransaction transaction, StoreDialect dialect, IReadOnlyList<MessageStatusUpdate> updates, CancellationToken cancellationToken)
    {
        await using var find = Command(connection, transaction,
            "SELECT id, status, unit, reply, replied_on, office_public, removed_at FROM messages WHERE receipt = @receipt", "@receipt");
        await using var record = Command(connection, transaction, """
            INSERT INTO message_events (message_id, status, unit, reply, replied_on, office_public, recorded_at, source)
            VALUES (@id, @status, @unit, @reply, @replied, @public, @recorded, @source)
            """, "@id", "@status", "@unit", "@reply", "@replied", "@public", "@recorded", "@source");
        await using var update = Command(connection, transaction, """
            UPDATE messages SET status = @status, unit = @unit, reply = @reply, replied_on = @replied, office_public = @public, updated_at = @recorded
            WHERE id = @id
            """, "@id", "@status", "@unit", "@reply", "@replied", "@public", "@recorded");
        var outcomes = new List<UpdateOutcome>(updates.Count);
        foreach (var change in updates)
        {
            Set(find, "@receipt", change.Receipt);
            long id;
            (MessageStatus Status, string? Unit, string? Reply, DateOnly? RepliedOn, bool Public) current;
            await using (var reader = await find.ExecuteReaderAsync(cancellationToken))
            {
                if (!await reader.ReadAsync(cancellationToken))
                {
                    outcomes.Add(UpdateOutcome.NotFound);
                    continue;
                }

                if (!reader.IsDBNull(6))
                {
                    outcomes.Add(UpdateOutcome.Removed);
                    continue;
                }

                id = reader.GetInt64(0);
                current = (MessageVocabulary.ParseStatus(reader.GetString(1)), Text(reader, 2), Text(reader, 3),
                    reader.IsDBNull(4) ? null : reader.GetFieldValue<DateOnly>(4), reader.GetBoolean(5));
            }

            var next = (change.Status, change.Unit ?? current.Unit, change.Reply ?? current.Reply, change.RepliedOn ?? current.RepliedOn, change.OfficePublic ?? current.Public);
            if (next == current)
            {
                outcomes.Add(UpdateOutcome.Unchanged);
                continue;
            }

            foreach (var command in new[] { record, update })
            {
                Set(command, "@id", id);
                Set(command, "@status", next.Status.Code());
                Set(command, "@unit", next.Item2);
                Set(command, "@reply", next.Item3);
                Set(command, "@replied", dialect.Date(next.Item4));
                Set(command, "@public", dialect.Boolean(next.Item5));
                Set(command, "@recorded", dialect.Instant(change.RecordedAt));
            }

            Set(record, "@source", change.Source);
            await record.ExecuteNonQueryAsync(cancellationToken);
            await update.ExecuteNonQueryAsync(cancellationToken);
            outcomes.Add(UpdateOutcome.Applied);
        }

        return outcomes;
    }

    public static async Task<IReadOnlyList<PublishedMessage>> PublishedAsync(
        DbConnection connection, StoreDialect dialect, RecipientKind kind, string recipient, int limit, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, null, """
            SELECT text, created_at, status, unit, reply, replied_on FROM messages
            WHERE recipient_kind = @kind AND recipient = @recipient AND publish_consent = @yes AND office_public = @yes AND removed_at IS NULL
            ORDER BY created_at DESC, id DESC
            LIMIT @limit
            """, "@kind", "@recipient", "@yes", "@limit");
        Set(command, "@kind", kind.Code());
        Set(command, "@recipient", recipient);
        Set(command, "@yes", dialect.Boolean(true));
        Set(command, "@limit", (long)Math.Max(0, limit));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var list = new List<PublishedMessage>();
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(new PublishedMessage(
                reader.GetString(0),
                reader.GetFieldValue<DateTimeOffset>(1),
                MessageVocabulary.ParseStatus(reader.GetString(2)),
                Text(reader, 3),
                Text(reader, 4),
                reader.IsDBNull(5) ? null : reader.GetFieldValue<DateOnly>(5)));
        }

        return list;
    }

    /// <summary>The year's messages for one recipient (Beijing calendar year), counted and the median taken here.</summary>
    public static async Task<MessageFigures> FiguresAsync(
        DbConnection connection, StoreDialect dialect, RecipientKind kind, string recipient, int year, CancellationToken cancellationToken)
    {
        var beijing = TimeSpan.FromHours(8);
        await using var command = Command(connection, null, """
            SELECT created_at, replied_on FROM messages
            WHERE recipient_kind = @kind AND recipient = @recipient AND created_at >= @from AND created_at < @to
            """, "@kind", "@recipient", "@from", "@to");
        Set(command, "@kind", kind.Code());
        Set(command, "@recipient", recipient);
        Set(command, "@from", dialect.Instant(new DateTimeOffset(year, 1, 1, 0, 0, 0, beijing)));
        Set(command, "@to", dialect.Instant(new DateTimeOffset(year + 1, 1, 1, 0, 0, 0, beijing)));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        long received = 0;
        var days = new List<int>();
        while (await reader.ReadAsync(cancellationToken))
        {
            received++;
            if (!reader.IsDBNull(1))
            {
                var sent = DateOnly.FromDateTime(reader.GetFieldValue<DateTimeOffset>(0).ToOffset(beijing).DateTime);
                days.Add(Math.Max(0, reader.GetFieldValue<DateOnly>(1).DayNumber - sent.DayNumber));
            }
        }

        return new MessageFigures(year, received, days.Count, Median(days));
    }

    /// <summary>The middle value, or the mean of the two middle values; null for none.</summary>
    public static double? Median(List<int> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        values.Sort();
        var middle = values.Count / 2;
        return values.Count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2.0;
    }

    public static async Task<bool> RemoveAsync(DbConnection connection, StoreDialect dialect, string receipt, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, null, """
            UPDATE messages SET text = '', name = NULL, contact = NULL, removed_at = COALESCE(removed_at, @at) WHERE receipt = @receipt
            """, "@receipt", "@at");
        Set(command, "@receipt", receipt);
        Set(command, "@at", dialect.Instant(at));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public static async Task<int> PurgeContactsAsync(DbConnection connection, StoreDialect dialect, DateTimeOffset before, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, null, "UPDATE messages SET contact = NULL WHERE created_at < @before AND contact IS NOT NULL", "@before");
        Set(command, "@before", dialect.Instant(before));
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string? Text(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var name in names)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    private static void Set(DbCommand command, string name, object? value) =>
        command.Parameters[name].Value = value ?? DBNull.Value;
}
