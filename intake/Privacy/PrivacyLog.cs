using System.Data.Common;

namespace Site.Intake.Privacy;

/// <summary>
/// 个人信息处理记录: the table privacy_log (Storage/Schema), one row per staff action on personal
/// data — who (the staff member's name as they gave it), when, which action (<see cref="Actions"/>)
/// and on which receipt; a purge has no receipt and says how many rows it cleared. It never holds
/// the text that was corrected or deleted: the log must not keep what the person asked to remove.
/// </summary>
public static class PrivacyLog
{
    /// <summary>The actions, as stored.</summary>
    public static class Actions
    {
        public const string Correct = "correct";
        public const string Delete = "delete";
        public const string Purge = "purge";
    }

    /// <summary>One entry of the log.</summary>
    public sealed record Entry(DateTimeOffset At, string Staff, string Action, string? Receipt, string? Detail);

    internal static async Task WriteAsync(DbConnection connection, DbTransaction transaction, Entry entry, CancellationToken cancellationToken)
    {
        await using var command = Sql.Command(connection, "INSERT INTO privacy_log (at, staff, action, receipt, detail) VALUES (@at, @staff, @action, @receipt, @detail)",
            ("@at", Sql.Instant(connection, entry.At)), ("@staff", entry.Staff), ("@action", entry.Action), ("@receipt", entry.Receipt), ("@detail", entry.Detail));
        command.Transaction = transaction;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Every entry, oldest first.</summary>
    public static async Task<IReadOnlyList<Entry>> ReadAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = Sql.Command(connection, "SELECT at, staff, action, receipt, detail FROM privacy_log ORDER BY id");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<Entry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new Entry(reader.GetFieldValue<DateTimeOffset>(0), reader.GetString(1), reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4)));
        }

        return entries;
    }

    /// <summary>When the log records the deletion of <paramref name="receipt"/> at its author's request, or null.</summary>
    public static async Task<DateTimeOffset?> DeletedAtAsync(DbConnection connection, string receipt, CancellationToken cancellationToken, DbTransaction? transaction = null)
    {
        await using var command = Sql.Command(connection, "SELECT at FROM privacy_log WHERE receipt = @receipt AND action = @action ORDER BY id DESC LIMIT 1",
            ("@receipt", receipt), ("@action", Actions.Delete));
        command.Transaction = transaction;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? reader.GetFieldValue<DateTimeOffset>(0) : null;
    }
}

/// <summary>Commands with named parameters (@name), which SQLite and Npgsql both take.</summary>
internal static class Sql
{
    /// <summary>An instant as the dialect stores it (Storage/MessageQueries.cs StoreDialect): ISO 8601 text in UTC for SQLite, so text order is time order; timestamptz for PostgreSQL.</summary>
    public static object Instant(DbConnection connection, DateTimeOffset value) =>
        connection is Npgsql.NpgsqlConnection ? value.ToUniversalTime() : value.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture);

    public static DbCommand Command(DbConnection connection, string text, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = text;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }
}
