namespace Site.Intake.Storage;

/// <summary>
/// Where messages to deputies and stations (留言) live, beside comments: the same database (the SQLite
/// file, or PostgreSQL), the same schema file. Posting goes through a
/// <see cref="BatchWriter{TItem, TResult}"/>; everything else is a read or the office's update.
/// </summary>
public interface IMessageStore : IBatchStore<NewMessage, Receipt>
{
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>The message with that receipt number and its history; null when there is none.</summary>
    Task<StoredMessage?> FindAsync(string receipt, CancellationToken cancellationToken);

    /// <summary>
    /// Messages received at or after <paramref name="since"/> (every message when null), oldest first,
    /// with contacts: the office's export of new messages. Deleted ones are left out.
    /// </summary>
    IAsyncEnumerable<StoredMessage> ListAsync(DateTimeOffset? since, CancellationToken cancellationToken);

    /// <summary>
    /// Applies the office's updates in one transaction, each only where it changes the message's
    /// state (status, unit, reply, reply date, office_public): one outcome per update, in order.
    /// </summary>
    Task<IReadOnlyList<UpdateOutcome>> ApplyAsync(IReadOnlyList<MessageStatusUpdate> updates, CancellationToken cancellationToken);

    /// <summary>
    /// Messages to one deputy or station whose sender agreed to publish and the office marked public,
    /// newest first, at most <paramref name="limit"/>.
    /// </summary>
    Task<IReadOnlyList<PublishedMessage>> PublishedAsync(RecipientKind kind, string recipient, int limit, CancellationToken cancellationToken);

    /// <summary>Received, answered and the median days to answer for one deputy or station in <paramref name="year"/> (Beijing).</summary>
    Task<MessageFigures> FiguresAsync(RecipientKind kind, string recipient, int year, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes a message's text, name and contact at the sender's request and marks it removed at
    /// <paramref name="at"/> (the receipt then says so); false when there is no such message.
    /// </summary>
    Task<bool> RemoveAsync(string receipt, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Clears the contact of every message received before <paramref name="before"/>; returns how many were cleared.</summary>
    Task<int> PurgeContactsAsync(DateTimeOffset before, CancellationToken cancellationToken);
}
