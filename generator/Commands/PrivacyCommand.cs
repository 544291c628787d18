using Site.Intake.Drafts;
using Site.Intake.Privacy;

namespace Site.Generator.Commands;

/// <summary>
/// `site privacy correct | delete | purge`: what the privacy page (content/pages/privacy.md)
/// promises, done by staff on the machine that holds the store. Every action names who did it
/// (--by) and is recorded in the store's privacy_log (<see cref="PrivacyLog"/>), never with the text.
/// </summary>
public static class PrivacyCommand
{
    public static async Task<int> CorrectAsync(string root, string? postgres, string receipt, string text, string staff, CancellationToken cancellationToken) =>
        await RunAsync(root, postgres, (data, token) => data.CorrectAsync(receipt, text, staff, token), cancellationToken);

    public static async Task<int> DeleteAsync(string root, string? postgres, string receipt, string staff, CancellationToken cancellationToken) =>
        await RunAsync(root, postgres, (data, token) => data.DeleteAsync(receipt, staff, token), cancellationToken);

    /// <summary>
    /// Clears contact details past their retention period (<see cref="RetentionPeriods"/>). Comments
    /// count from their draft's closing date in &lt;root&gt;/_intake/drafts.json, so the site must have
    /// been built: without drafts.json nothing is purged (counting from each comment's own date would
    /// delete earlier than the page promises to keep).
    /// </summary>
    public static async Task<int> PurgeAsync(string root, string? postgres, string staff, bool dryRun, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(staff))
        {
            Console.Error.WriteLine("请用 --by 写明经办人姓名：每次清除都要记录是谁办的");
            return 1;
        }

        var drafts = Path.Combine(root, "_intake", Site.Contracts.DraftManifest.FileName);
        if (!File.Exists(drafts))
        {
            Console.Error.WriteLine($"找不到 {drafts}：意见的保存期从草案征求意见截止日算起，请先生成网站（site build）再清除。");
            return 1;
        }

        var catalog = new DraftCatalog(Path.Combine(root, "_intake"));
        await using var store = await StaffStore.OpenAsync(root, postgres, Console.Error, cancellationToken);
        if (store is null)
        {
            return 1;
        }

        var data = new PersonalData(store.OpenConnectionAsync, TimeProvider.System);
        var counts = await data.PurgeAsync(draft => catalog.Find(draft)?.Closes, staff.Trim(), dryRun, cancellationToken);
        foreach (var count in counts)
        {
            var rule = count.Kind.GroupColumn is null ? "自收到之日起" : "自草案征求意见截止之日起";
            var period = $"{rule}保存{RetentionPeriods.InWords(count.Kind.ContactYears)}";
            Console.WriteLine(count.Cleared == 0
                ? $"{count.Kind.Label}：没有过了保存期的姓名和联系方式（{period}）"
                : dryRun
                    ? $"{count.Kind.Label}：{count.Cleared} 条已过保存期（{period}），将清除姓名和联系方式（本次只预览，未改动）"
                    : $"{count.Kind.Label}：已清除 {count.Cleared} 条过了保存期的姓名和联系方式（{period}）");
        }

        return 0;
    }

    private static async Task<int> RunAsync(string root, string? postgres, Func<PersonalData, CancellationToken, Task<PersonalData.Outcome>> action, CancellationToken cancellationToken)
    {
        await using var store = await StaffStore.OpenAsync(root, postgres, Console.Error, cancellationToken);
        if (store is null)
        {
            return 1;
        }

        var outcome = await action(new PersonalData(store.OpenConnectionAsync, TimeProvider.System), cancellationToken);
        (outcome.Done ? Console.Out : Console.Error).WriteLine(outcome.Message);
        return outcome.Done ? 0 : 1;
    }
}
