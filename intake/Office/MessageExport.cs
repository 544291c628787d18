using Site.Intake.Storage;

namespace Site.Intake.Office;

/// <summary>
/// The office's export of messages as a sheet (<see cref="MessageSheet"/>): by default every message
/// still open (not 已办结), oldest first, so one sheet is the office's list of work; `all` adds the
/// closed ones; `since` keeps those received from that day (Beijing) on. Deleted messages are never in it.
/// </summary>
public static class MessageExport
{
    /// <summary>The formats the export writes: the office's sheet (.xlsx, which the import reads back) and CSV (<see cref="MessageSheet.Csv"/>).</summary>
    public static readonly string[] Formats = ["xlsx", "csv"];

    /// <summary>The messages as <paramref name="format"/> (xlsx or csv), and how many; throws <see cref="ArgumentOutOfRangeException"/> for another format.</summary>
    public static async Task<(byte[] Content, int Count)> RenderAsync(IMessageStore store, string dataPath, DateOnly? since, bool all, CancellationToken cancellationToken, string format = "xlsx")
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

        var name = RecipientNames(dataPath);
        return format switch
        {
            "xlsx" => (MessageSheet.Write(messages, name), messages.Count),
            "csv" => (MessageSheet.Csv(messages, name), messages.Count),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "xlsx or csv"),
        };
    }

    /// <summary>
    /// A deputy's or station's name as the sheet and the import's report give it (王建国（代表）,
    /// 易俗河镇人大代表联络站), from the build's deputies.json and stations.json in <paramref name="dataPath"/>;
    /// 代表 D0001 or 家站点 S01 for one they do not list.
    /// </summary>
    public static Func<RecipientKind, string, string> RecipientNames(string dataPath)
    {
        var deputies = DeputyManifest.Load(Path.Combine(dataPath, BuildContract.DeputiesFile));
        var stations = StationManifest.Load(Path.Combine(dataPath, BuildContract.StationsFile));
        return (kind, id) => kind == RecipientKind.Deputy
            ? deputies.Find(id) is { } deputy ? $"{deputy.Name}（代表）" : $"代表 {id}"
            : stations.Find(id)?.Name ?? $"家站点 {id}";
    }

    /// <summary>&lt;root&gt;/.data/exports/messages-&lt;yyyyMMdd-HHmmss&gt;.xlsx: one file per export, none overwritten, outside git.</summary>
    public static string DefaultPath(string root, DateTimeOffset now) =>
        Path.Combine(root, ".data", "exports", $"messages-{now.ToOffset(TimeSpan.FromHours(8)):yyyyMMdd-HHmmss}.xlsx");
}
