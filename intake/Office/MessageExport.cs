using Site.Intake.Storage;

namespace Site.Intake.Office;

/// <summary>
/// The office's export of messages as a sheet (<see cref="MessageSheet"/>): by default every message
/// still open (not 已办结), oldest first, so one sheet is the office's list of work; `all` adds the
/// closed ones; `since` keeps those received from that day (Beijing) on. Deleted messages are never in it.
/// </summary>
public static class MessageExport
{
    public static async Task<(byte[] Content, int Count)> RenderAsync(IMessageStore store, string dataPath, DateOnly? since, bool all, CancellationToken cancellationToken)
    {
        var from = since is { } day ? new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)) : (DateTimeOffset?)null;
        var messages = new List<StoredMessage>();
        await foreach (var message in store.ListAsync(from, cancellationToken))
        {
            if (all || message.Status != MessageStatus.Closed)
            {
                messages.Add(message);
            }
        }

        var deputies = DeputyManifest.Load(Path.Combine(dataPath, BuildContract.DeputiesFile));
        var stations = StationManifest.Load(Path.Combine(dataPath, BuildContract.StationsFile));
        return (MessageSheet.Write(messages, (kind, id) => kind == RecipientKind.Deputy
            ? deputies.Find(id) is { } deputy ? $"{deputy.Name}（代表）" : $"代表 {id}"
            : stations.Find(id)?.Name ?? $"家站点 {id}"), messages.Count);
    }

    /// <summary>&lt;root&gt;/.data/exports/messages-&lt;yyyyMMdd-HHmmss&gt;.xlsx: one file per export, none overwritten, outside git.</summary>
    public static string DefaultPath(string root, DateTimeOffset now) =>
        Path.Combine(root, ".data", "exports", $"messages-{now.ToOffset(TimeSpan.FromHours(8)):yyyyMMdd-HHmmss}.xlsx");
}
