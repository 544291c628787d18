using System.Threading.Channels;

namespace Site.Intake.Storage;

/// <summary>
/// The one writer: requests queue their comment and wait; a single loop takes everything queued
/// and commits it in one transaction, then answers each request. Durable commits are expensive
/// (an fsync each), so batching is what makes thousands of durable comments per second possible,
/// while no request is answered before its own comment is committed.
/// </summary>
public sealed class CommentWriter : IAsyncDisposable
{
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ICommentStore _store;
    private readonly int _maxBatch;
    private readonly Task _loop;

    public CommentWriter(ICommentStore store, int maxBatch)
    {
        _store = store;
        _maxBatch = maxBatch;
        _loop = Task.Run(RunAsync);
    }

    public Task<Receipt> WriteAsync(NewComment comment)
    {
        var pending = new Pending(comment, new TaskCompletionSource<Receipt>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new InvalidOperationException("The comment writer has stopped.");
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

            try
            {
                var receipts = await _store.WriteBatchAsync(batch.Select(p => p.Comment).ToList(), CancellationToken.None);
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Done.TrySetResult(receipts[i]);
                }
            }
            catch (Exception ex)
            {
                // Nothing of this batch was committed: every waiting request learns it failed.
                foreach (var pending in batch)
                {
                    pending.Done.TrySetException(ex);
                }
            }
        }
    }

    private sealed record Pending(NewComment Comment, TaskCompletionSource<Receipt> Done);
}
