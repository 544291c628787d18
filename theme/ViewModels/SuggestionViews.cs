namespace Site.Theme.ViewModels;

/// <summary>
/// A suggestion's page (代表建议): what was asked, by whom, who handles it, each stage's date, the
/// result, the deputies' satisfaction and the office's reply, with the stories that tell of it.
/// </summary>
/// <param name="Deputies">The deputies who made it (领衔 first), each linked to their page; a deputy not on the roster has no link.</param>
/// <param name="Stages">交办, 答复, 办结 in order, each with its date when there is one.</param>
/// <param name="Reply">The office's reply as paragraphs (null: not answered yet).</param>
public sealed record SuggestionPage(
    PageMeta Meta,
    string Number,
    string Title,
    string Type,
    string Session,
    IReadOnlyList<LinkCard> Deputies,
    string? Unit,
    bool Key,
    string Status,
    IReadOnlyList<SuggestionStage> Stages,
    string? Result,
    string? ResultLabel,
    string? Satisfaction,
    IReadOnlyList<string>? Reply,
    IReadOnlyList<StoryCard> Stories);

/// <summary>One stage of handling: 交办, 答复 or 办结, its date (Chinese and ISO) if reached.</summary>
public sealed record SuggestionStage(string Label, string? Date, string? IsoDate, bool Reached);

/// <summary>查询回执: the page where a receipt number is typed (a comment's YJ… or a message's LY…).</summary>
/// <param name="LookupUrl">The endpoint's HTML lookup the form is sent to without JavaScript (GET, the number as <c>number</c>).</param>
/// <param name="JsonUrl">The endpoint's JSON answer for one number, with <c>{number}</c> where it goes.</param>
public sealed record ReceiptLookupPage(PageMeta Meta, string LookupUrl, string JsonUrl);
