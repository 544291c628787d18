using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Site.Intake.Storage;

/// <summary>
/// The one SQLite file that holds comments and messages, as both stores open it: pooled connections
/// for reads and the office's updates, and a writer connection per store with the durability every
/// write needs (WAL, so readers never block a writer; synchronous=FULL, so a commit survives a power
/// cut) and the schema, upgraded in place. Two writers (the comment store's and the message store's)
/// share the file: SQLite lets one write at a time and the other waits up to
/// <see cref="BusySeconds"/>, so neither sees the file locked.
/// </summary>
public sealed class SqliteFile(string path)
{
    /// <summary>How long a statement waits for another connection's write to end before it fails, in seconds.</summary>
    public const int BusySeconds = 30;

    /// <summary>
    /// The backstop: a commit that finds this many pages in the WAL checkpoints it itself (SQLite's
    /// default is 1,000; higher, so the comment store's background loop normally does it, off the writer).
    /// </summary>
    public const int BackstopCheckpointPages = 10_000;

    /// <summary>
    /// Columns added after the first release (SQLite has no ADD COLUMN IF NOT EXISTS): table, column,
    /// type. Files created before them get them when a writer opens.
    /// </summary>
    private static readonly (string Table, string Column, string Type)[] AddedColumns =
    [
        ("comments", "fingerprint", "TEXT NULL"),
        ("comments", "text_key", "TEXT NULL"),
        ("comments", "channel", "TEXT NULL"),
        ("comments", "removed_at", "TEXT NULL"),
        ("comments", "contact_point", "TEXT NULL"),
        ("comments", "people", "INTEGER NULL"),
        ("messages", "wants_reply", "INTEGER NOT NULL DEFAULT 0"),
    ];

    private readonly string _connectionString = new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Pooling = true,
        DefaultTimeout = BusySeconds,
    }.ToString();

    /// <summary>A pooled connection (reads, the office's updates, checkpoints); the caller disposes it.</summary>
    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// A writer connection, kept by its store for its lifetime: the folder is created, the file made
    /// durable (WAL, synchronous=FULL, the backstop checkpoint) and the schema run and upgraded.
    /// </summary>
    public async Task<SqliteConnection> OpenWriterAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var writer = await OpenAsync(cancellationToken);
        try
        {
            await ExecuteAsync(writer, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;", cancellationToken);
            await ExecuteAsync(writer, Schema.StoreSchema.Sqlite, cancellationToken);
            foreach (var (table, column, type) in AddedColumns)
            {
                await using var columns = writer.CreateCommand();
                columns.CommandText = $"SELECT COUNT(*) FROM pragma_table_info('{table}') WHERE name = '{column}'";
                if (Convert.ToInt64(await columns.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) == 0)
                {
                    await ExecuteAsync(writer, $"ALTER TABLE {table} ADD COLUMN {column} {type}", cancellationToken);
                }
            }

            // On text_key, which files from before it lack until the loop above adds it.
            await ExecuteAsync(writer, "CREATE INDEX IF NOT EXISTS ix_comments_text_key ON comments (draft, text_key);", cancellationToken);
            await ExecuteAsync(writer, $"PRAGMA wal_autocheckpoint = {BackstopCheckpointPages};", cancellationToken);
            return writer;
        }
        catch
        {
            await writer.DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs <paramref name="sql"/> (one statement or several) on <paramref name="connection"/>.</summary>
    public static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
