using System.Threading.Channels;

namespace Site.Intake.Storage;

/// <summary>A store that commits a batch of submissions of one kind in one transaction.</summary>
/// <typeparam name="TItem">What is submitted (a comment, a message to a deputy).</typeparam>
/// <typeparam name="TResult">What each submitter gets back once it is durable (a receipt).</typeparam>
public interface IBatchStore<TItem, TResult>
{
    /// <summary>Commits every item in one transaction and returns one result per item, in order;
    /// throws when nothing of the batch was committed.</summary>
    Task<IReadOnlyList<TResult>> WriteBatchAsync(IReadOnlyList<TItem> items, CancellationToken cancellationToken);

    /// <summary>
    /// Whether a batch that failed with <paramref name="failure"/> surely stored nothing, so that its
    /// items may be tried again one by one. A store says no where a commit's outcome can be unknown
    /// (the connection broke while committing): a retry could store an item twice.
    /// </summary>
    bool StoredNothing(Exception failure) => true;
}

/// <summary>
/// The one writer per kind of submission: requests queue their item and wait; a single loop takes
/// everything queued and commits it in one transaction, then answers each request. Durable commits
/// are expensive (an fsync each), so batching is what lets many durable submissions share one,
/// while no request is answered before its own item is committed.
/// <para>
/// One bad item never fails its neighbours: when a batch of several fails and the store says it
/// stored nothing (<see cref="IBatchStore{TItem, TResult}.StoredNothing"/>), each of its items is
/// tried again in a transaction of its own, so only the item (or the store) at fault answers with
/// the error.
/// </para>
/// </summary>
public sealed class BatchWriter<TItem, TResult> : IAsyncDisposable
{
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IBatchStore<TItem, TResult> _store;
    private readonly int _maxBatch;
    private readonly Task _loop;

    public BatchWriter(IBatchStore<TItem, TResult> store, int maxBatch)
    {
        _store = store;
        _maxBatch = Math.Max(1, maxBatch);
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Completes once <paramref name="item"/> is committed; faults with the store's exception when it could not be.</summary>
    public Task<TResult> WriteAsync(TItem item)
    {
        var pending = new Pending(item, new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new InvalidOperationException("The writer has stopped.");
        }

        return pending.Done.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
    }

    private async Task RunAsync()
    {
        var batch = new List<Pending>(_maxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < _maxBatch && _queue.Reader.TryRead(out var next))
            {
                batch.Add(next);
            }

            if (await TryCommitAsync(batch) is { } failure)
            {
                foreach (var pending in batch)
                {
                    if (_store.StoredNothing(failure))
                    {
                        await TryCommitAsync([pending]);
                    }
                    else
                    {
                        pending.Done.TrySetException(failure);
                    }
                }
            }
        }
    }

    /// <summary>Commits <paramref name="batch"/> and answers it; on failure answers a lone item, and returns the failure of a batch of several.</summary>
    private async Task<Exception?> TryCommitAsync(List<Pending> batch)
    {
        try
        {
            var results = await _store.WriteBatchAsync(batch.Select(p => p.Item).ToList(), CancellationToken.None);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Done.TrySetResult(results[i]);
            }

            return null;
        }
        catch (Exception ex)
        {
            if (batch.Count == 1)
            {
                batch[0].Done.TrySetException(ex);
                return null;
            }

            return ex;
        }
    }

    private sealed record Pending(TItem Item, TaskCompletionSource<TResult> Done);
}
