using System.Globalization;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;
using Site.Intake.Storage;

namespace Site.Intake.Office;

/// <summary>
/// The office's sheet of messages (留言办理表): what the export writes and the import reads back.
/// The first eight columns describe the message (read-only for the import); the last five are the
/// ones the office fills (状态, 承办单位, 答复内容, 答复日期, 是否公开), written with the message's
/// current values so a sheet exported again shows what was already recorded.
/// </summary>
public static class MessageSheet
{
    public const string SheetName = "留言";

    public const string Receipt = "回执编号";
    public const string Received = "收到日期";
    public const string Recipient = "代表/联络站";
    public const string Text = "留言内容";
    public const string Name = "姓名";
    public const string Contact = "联系方式";
    public const string WantsReply = "希望答复";
    public const string Consent = "是否同意公开";
    public const string Status = "状态";
    public const string Unit = "承办单位";
    public const string Reply = "答复内容";
    public const string RepliedOn = "答复日期";
    public const string Public = "是否公开";

    /// <summary>The columns in order, with their width in characters (Excel's unit) and whether long text wraps.</summary>
    public static readonly IReadOnlyList<(string Header, int Width, bool Wrap)> Columns =
    [
        (Receipt, 20, false), (Received, 12, false), (Recipient, 18, true), (Text, 50, true), (Name, 10, false),
        (Contact, 16, false), (WantsReply, 8, false), (Consent, 8, false), (Status, 10, false), (Unit, 18, true), (Reply, 50, true),
        (RepliedOn, 12, false), (Public, 8, false),
    ];

    /// <summary>The statuses the office may write in 状态 (已收到 is where every message starts, not an office step).</summary>
    public static readonly IReadOnlyList<MessageStatus> OfficeStatuses = [MessageStatus.Referred, MessageStatus.InProgress, MessageStatus.Answered, MessageStatus.Closed];

    /// <summary>The yes and no of 希望答复, 是否同意公开 and 是否公开.</summary>
    public const string Yes = "是";
    public const string No = "否";

    /// <summary>
    /// The .xlsx of <paramref name="messages"/>: header frozen, dates as Excel dates (yyyy-mm-dd),
    /// phone numbers and receipts as text cells (never 1.38E+10, and a leading 0 kept), long text
    /// wrapped, text starting with =, +, - or @ behind an apostrophe (<see cref="Export.ExportApi.Defused"/>;
    /// the reader takes it off again), drop-down lists on 状态 and 是否公开 and a date check on 答复日期
    /// (<see cref="SheetDropDowns"/>). <paramref name="recipientName"/> names a deputy or station from its kind and id.
    /// </summary>
    public static byte[] Write(IEnumerable<StoredMessage> messages, Func<RecipientKind, string, string> recipientName)
    {
        var beijing = TimeSpan.FromHours(8);
        var rows = messages.Select(m => new Dictionary<string, object?>
        {
            [Receipt] = m.Receipt,
            [Received] = m.CreatedAt.ToOffset(beijing).Date,
            [Recipient] = Export.ExportApi.Defused(recipientName(m.Kind, m.Recipient)),
            [Text] = Export.ExportApi.Defused(m.Text),
            [Name] = Export.ExportApi.Defused(m.Name ?? ""),
            [Contact] = Export.ExportApi.Defused(m.Contact ?? ""),
            [WantsReply] = m.WantsReply ? Yes : No,
            [Consent] = m.PublishConsent ? Yes : No,
            [Status] = m.Status == MessageStatus.Received ? "" : m.Status.Label(),
            [Unit] = Export.ExportApi.Defused(m.Unit ?? ""),
            [Reply] = Export.ExportApi.Defused(m.Reply ?? ""),
            [RepliedOn] = m.RepliedOn is { } on ? on.ToDateTime(TimeOnly.MinValue) : null,
            [Public] = m.Status == MessageStatus.Received && !m.OfficePublic ? "" : m.OfficePublic ? Yes : No,
        }).ToList();

        var configuration = new OpenXmlConfiguration
        {
            FreezeRowCount = 1,
            AutoFilter = true,
            TableStyles = TableStyles.Default,
            EnableWriteNullValueCell = true,
            StyleOptions = new OpenXmlStyleOptions { WrapCellContents = true },
            DynamicColumns = Columns.Select((c, i) => new DynamicExcelColumn(c.Header)
            {
                Index = i,
                Width = c.Width,
                // Text format (@) only where Excel would otherwise read digits as a number; it would
                // also take the cell off the wrapping style, which the other text columns keep.
                Format = c.Header is Received or RepliedOn ? "yyyy-mm-dd" : c.Header is Contact or Receipt ? "@" : null,
            }).ToArray(),
        };

        using var buffer = new MemoryStream();
        buffer.SaveAs(rows, sheetName: SheetName, configuration: configuration);
        return SheetText.RestoreAstral(SheetDropDowns.Add(buffer.ToArray(),
            [
                new(Column(Status), OfficeStatuses.Select(s => s.Label()).ToList(), "选择办理状态：已转办、办理中、已答复、已办结（只能向后推进）。"),
                new(Column(Public), [Yes, No], "答复是否在代表或联络站页面公开；留言人未同意公开时不能选“是”。"),
            ],
            [new(Column(RepliedOn), "答复的日期，如 2026-03-09。")]));
    }

    /// <summary>
    /// The same columns as <see cref="Write"/> as CSV, for reading and passing on (the import takes the
    /// .xlsx): UTF-8 with a BOM, so Excel and WPS open the Chinese as Chinese, CRLF line ends, dates as
    /// yyyy-MM-dd, every cell quoted, phone numbers and receipts kept as text (="13812345678"), text
    /// Excel would run as a formula behind an apostrophe (<see cref="Export.ExportApi.Defused"/>).
    /// </summary>
    public static byte[] Csv(IEnumerable<StoredMessage> messages, Func<RecipientKind, string, string> recipientName)
    {
        static string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
        var text = new System.Text.StringBuilder();
        text.AppendJoin(',', Columns.Select(c => c.Header)).Append("\r\n");
        var beijing = TimeSpan.FromHours(8);
        foreach (var m in messages)
        {
            string[] cells =
            [
                Export.ExportApi.AsText(m.Receipt), Day(DateOnly.FromDateTime(m.CreatedAt.ToOffset(beijing).DateTime)),
                Export.ExportApi.Quote(recipientName(m.Kind, m.Recipient)), Export.ExportApi.Quote(m.Text), Export.ExportApi.Quote(m.Name ?? ""),
                Export.ExportApi.AsText(m.Contact ?? ""), m.WantsReply ? Yes : No, m.PublishConsent ? Yes : No,
                m.Status == MessageStatus.Received ? "" : m.Status.Label(), Export.ExportApi.Quote(m.Unit ?? ""), Export.ExportApi.Quote(m.Reply ?? ""),
                Day(m.RepliedOn), m.Status == MessageStatus.Received && !m.OfficePublic ? "" : m.OfficePublic ? Yes : No,
            ];
            text.AppendJoin(',', cells).Append("\r\n");
        }

        return [.. System.Text.Encoding.UTF8.GetPreamble(), .. System.Text.Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static int Column(string header) => Columns.Select(c => c.Header).ToList().IndexOf(header);

    /// <summary>How a date is written in messages: 2026年3月5日.</summary>
    public static string Words(DateOnly date) => date.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);
}
