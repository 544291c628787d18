using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using Site.Intake.Storage;

namespace Site.Generator.Commands;

/// <summary>
/// The store a staff command works on, on the machine that holds it: the SQLite file `serve` writes
/// (&lt;root&gt;/.data/comments.db), or PostgreSQL when a connection string is given. Opening it runs
/// the store's schema (safe to run again), so a store made by an older endpoint gains the tables a
/// staff command needs; connections are the command's own, beside a running endpoint's.
/// </summary>
public sealed class StaffStore : IAsyncDisposable
{
    private readonly NpgsqlDataSource? _postgres;
    private readonly string? _sqlite;

    private StaffStore(ICommentStore store, IMessageStore messages, string? sqlite, NpgsqlDataSource? postgres)
    {
        Comments = store;
        Messages = messages;
        _sqlite = sqlite;
        _postgres = postgres;
    }

    /// <summary>The store as the endpoint sees it (its reads, its schema).</summary>
    public ICommentStore Comments { get; }

    /// <summary>Messages (留言), in the same database.</summary>
    public IMessageStore Messages { get; }

    /// <summary>Where the store is, for messages: the SQLite file or "PostgreSQL".</summary>
    public string Where => _sqlite ?? "PostgreSQL";

    /// <summary>Opens the store; null (after saying why on <paramref name="error"/>) when the SQLite file does not exist.</summary>
    public static async Task<StaffStore?> OpenAsync(string root, string? postgres, TextWriter error, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(postgres))
        {
            var store = new PostgresCommentStore(postgres, readConnections: 2);
            await store.InitializeAsync(cancellationToken);
            var messages = new PostgresMessageStore(postgres, readConnections: 2);
            await messages.InitializeAsync(cancellationToken);
            return new StaffStore(store, messages, null, NpgsqlDataSource.Create(postgres));
        }

        var file = Path.Combine(root, ".data", "comments.db");
        if (!File.Exists(file))
        {
            error.WriteLine($"找不到数据库 {file}：还没有人提交过意见或留言，或 --root 不对（用 PostgreSQL 时请给 --postgres）。");
            return null;
        }

        var sqlite = new SqliteCommentStore(file);
        await sqlite.InitializeAsync(cancellationToken);
        var sqliteMessages = new SqliteMessageStore(file);
        await sqliteMessages.InitializeAsync(cancellationToken);
        return new StaffStore(sqlite, sqliteMessages, file, null);
    }

    /// <summary>A new open connection of the command's own.</summary>
    public async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        if (_postgres is not null)
        {
            return await _postgres.OpenConnectionAsync(cancellationToken);
        }

        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _sqlite, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString());
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        (Comments as IDisposable)?.Dispose();
        (Messages as IDisposable)?.Dispose();
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
    }
}
