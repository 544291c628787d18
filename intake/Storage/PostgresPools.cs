using Npgsql;

namespace Site.Intake.Storage;

/// <summary>
/// A store's connections to PostgreSQL, as both stores (comments, messages) open them: two small
/// pools of its own, so that a flood of reads (counts, receipts, exports) waits for one of its few
/// connections instead of taking the server's, and posts, on this instance or another, always find
/// one. The schema runs once, on first use (<see cref="StoreReady"/>): an endpoint started before the
/// database accepts connections answers 503 until it does. After a server restart the pools' idle
/// connections are dead: a failed use empties the pool, and a read is tried once more.
/// </summary>
public sealed class PostgresPools : IDisposable
{
    /// <summary>Connections for writes (the writer loop uses one at a time; one more for a retry or the office's update beside it).</summary>
    public const int WriteConnections = 2;

    /// <summary>Default bound on connections for reads per store (Intake:PostgresReadConnections).</summary>
    public const int DefaultReadConnections = 10;

    private readonly NpgsqlDataSource _writes;
    private readonly NpgsqlDataSource _reads;
    private readonly StoreReady _ready;

    /// <param name="connectionString">An Npgsql connection string; its Maximum Pool Size, if smaller, still applies.</param>
    /// <param name="readConnections">At most this many connections serve reads at once.</param>
    public PostgresPools(string connectionString, int readConnections)
    {
        _writes = Source(connectionString, WriteConnections);
        _reads = Source(connectionString, Math.Max(1, readConnections));
        _ready = new StoreReady(async cancellationToken =>
        {
            await using var command = _writes.CreateCommand(Schema.StoreSchema.PostgreSql);
            await command.ExecuteNonQueryAsync(cancellationToken);
        });
    }

    /// <summary>The bound on each pool, as opened.</summary>
    public (int Writes, int Reads) Sizes => (MaxPool(_writes), MaxPool(_reads));

    private static int MaxPool(NpgsqlDataSource source) => new NpgsqlConnectionStringBuilder(source.ConnectionString).MaxPoolSize;

    private static NpgsqlDataSource Source(string connectionString, int bound)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        builder.MaxPoolSize = Math.Min(builder.MaxPoolSize, bound);
        builder.MinPoolSize = Math.Min(builder.MinPoolSize, builder.MaxPoolSize);
        return NpgsqlDataSource.Create(builder);
    }

    /// <summary>Runs the schema unless it has run; every other call does it first.</summary>
    public Task InitializeAsync(CancellationToken cancellationToken) => _ready.EnsureAsync(cancellationToken);

    /// <summary>
    /// Runs <paramref name="write"/> in a transaction on a write connection and commits it. Not tried
    /// again: a broken connection may have lost the answer to a commit that succeeded.
    /// </summary>
    public async Task<T> WriteAsync<T>(Func<NpgsqlConnection, NpgsqlTransaction, Task<T>> write, CancellationToken cancellationToken)
    {
        await _ready.EnsureAsync(cancellationToken);
        try
        {
            await using var connection = await _writes.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var result = await write(connection, transaction);
            await transaction.CommitAsync(cancellationToken);
            return result;
        }
        catch (NpgsqlException)
        {
            // After a server restart the pool's idle connections are dead: the next write opens a new one.
            _writes.Clear();
            throw;
        }
    }

    /// <summary>Runs <paramref name="read"/> on a read connection; tried once more after the pool is emptied (reads change nothing, so running one twice is harmless).</summary>
    public async Task<T> ReadAsync<T>(Func<NpgsqlConnection, Task<T>> read, CancellationToken cancellationToken)
    {
        await _ready.EnsureAsync(cancellationToken);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await using var connection = await _reads.OpenConnectionAsync(cancellationToken);
                return await read(connection);
            }
            catch (NpgsqlException) when (attempt == 0 && !cancellationToken.IsCancellationRequested)
            {
                _reads.Clear();
            }
        }
    }

    public void Dispose()
    {
        _writes.Dispose();
        _reads.Dispose();
    }
}
