namespace Site.Intake.Storage;

/// <summary>
/// A store's one-time set-up (opening its writer, running the schema), run on first use and never
/// on a thread that waits for it. Everyone who needs the store before it is ready awaits the same
/// attempt; an attempt that failed (PostgreSQL not accepting connections yet, a locked file) is not
/// kept, so each caller gets its failure (the endpoint answers 503 in Chinese) and the next use
/// tries again.
/// <para>
/// It replaces setting the store up inside the service container's factory with a blocking wait: the
/// container holds a lock while a factory runs, so every request that needed the store blocked a
/// thread-pool thread on that lock while the set-up's own awaits waited for a free thread. Under load,
/// or with the database down (each request ran the failing set-up again, one at a time), the endpoint
/// stopped answering and its thread count climbed for minutes.
/// </para>
/// </summary>
/// <param name="setUp">The set-up; it runs with no cancellation, since one caller's abort must not fail the others waiting on it.</param>
public sealed class StoreReady(Func<CancellationToken, Task> setUp)
{
    private readonly Lock _lock = new();
    private Task? _attempt;

    /// <summary>Completes once the set-up has succeeded; faults with its failure, or cancels with <paramref name="cancellationToken"/> (the set-up goes on for the others).</summary>
    public Task EnsureAsync(CancellationToken cancellationToken)
    {
        var attempt = _attempt;
        if (attempt is null || attempt.IsFaulted || attempt.IsCanceled)
        {
            lock (_lock)
            {
                attempt = _attempt;
                if (attempt is null || attempt.IsFaulted || attempt.IsCanceled)
                {
                    // Task.Run: a set-up that runs synchronously (SQLite's) does not run under the lock.
                    attempt = _attempt = Task.Run(() => setUp(CancellationToken.None));
                }
            }
        }

        return attempt.IsCompletedSuccessfully ? Task.CompletedTask : attempt.WaitAsync(cancellationToken);
    }
}
