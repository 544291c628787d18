using Site.Intake.Submissions;

namespace Site.Intake.Messages;

/// <summary>
/// What a person sends a deputy or station (给Ta留言), as JSON or as a plain form. Contact is asked for
/// only when the person wants to be answered (<see cref="WantsReply"/>); without it the answer is
/// still on the receipt lookup. Nothing is published unless <see cref="Publish"/> says yes and the
/// office marks it public too.
/// </summary>
public sealed class PostMessageRequest
{
    public string? Text { get; set; }

    public string? Name { get; set; }

    public string? Contact { get; set; }

    /// <summary>The person wants to be contacted with the answer: contact is then required.</summary>
    public bool? WantsReply { get; set; }

    /// <summary>The person agrees to have the text and the reply published (without name or contact). Default no.</summary>
    public bool? Publish { get; set; }

    /// <summary>Minimum and maximum length of the text, in user-perceived characters (<see cref="SubmissionText.Length"/>).</summary>
    public const int MinLength = 5;
    public const int MaxLength = 2000;

    /// <summary>The JSON fields' Chinese names, for a value of the wrong type.</summary>
    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        ["text"] = "留言内容", ["name"] = "姓名", ["contact"] = "联系方式", ["wantsReply"] = "希望得到答复", ["publish"] = "同意公开",
    };

    /// <summary>A form's checkbox: ticked is "yes", "on", "true" or "1" (browsers send "on" for a box without a value).</summary>
    public static bool Ticked(string? value) => value?.Trim().ToLowerInvariant() is "yes" or "on" or "true" or "1" or "是";

    /// <summary>The fields as they are stored: line breaks as LF, ends trimmed, blanks as null.</summary>
    public PostMessageRequest Normalized() => new()
    {
        Text = SubmissionText.Normalize(Text),
        Name = Blank(Name),
        Contact = Blank(Contact),
        WantsReply = WantsReply ?? false,
        Publish = Publish ?? false,
    };

    /// <summary>Every field's errors (call on <see cref="Normalized"/>), keyed by JSON field name.</summary>
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (SubmissionText.CheckText(Text ?? "", "留言内容", MinLength, MaxLength) is { } text)
        {
            errors["text"] = [text];
        }

        if (SubmissionText.CheckShort(Name, "姓名", 50) is { } name)
        {
            errors["name"] = [name];
        }

        if (SubmissionText.CheckShort(Contact, "联系方式", 100) is { } contact)
        {
            errors["contact"] = [contact];
        }
        else if (WantsReply == true && Contact is null)
        {
            errors["contact"] = ["希望得到答复，请填写联系方式（手机或电话，不公开）；不留联系方式也可以，答复会显示在回执查询里"];
        }

        return errors;
    }

    /// <summary>What was said, as a hash: the same message sent again has the same fingerprint.</summary>
    public string Fingerprint() => SubmissionKeys.Fingerprint(Text, Name, Contact, WantsReply, Publish);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : SubmissionText.Normalize(value);
}
