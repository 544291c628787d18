using Site.Intake.Submissions;

namespace Site.Intake.Comments;

/// <summary>What a commenter sends, as JSON or as a plain form. Validated by hand so every field error is listed at once, in Chinese.</summary>
public sealed class PostCommentRequest
{
    public string? Article { get; set; }

    public string? Text { get; set; }

    public string? Name { get; set; }

    public string? Contact { get; set; }

    public string? Identity { get; set; }

    /// <summary>Minimum and maximum length of the text, in user-perceived characters (<see cref="SubmissionText.Length"/>).</summary>
    public const int MinLength = 5;
    public const int MaxLength = 5000;

    /// <summary>The fields as they are stored: line breaks as LF, ends trimmed, blanks as null.</summary>
    public PostCommentRequest Normalized() => new()
    {
        Article = string.IsNullOrEmpty(Article) ? null : Article,
        Text = SubmissionText.Normalize(Text),
        Name = Blank(Name),
        Contact = Blank(Contact),
        Identity = Blank(Identity),
    };

    /// <summary>Every field's errors (call on <see cref="Normalized"/>).</summary>
    public Dictionary<string, string[]> Validate(DraftEntry draft)
    {
        var errors = new Dictionary<string, string[]>();
        if (SubmissionText.CheckText(Text ?? "", "意见内容", MinLength, MaxLength) is { } problem)
        {
            errors["text"] = [problem];
        }

        if (!string.IsNullOrEmpty(Article) && !draft.HasArticle(Article))
        {
            errors["article"] = ["草案中没有这一条，请从列表中选择"];
        }

        Short("name", "姓名", Name, 50);
        Short("contact", "联系方式", Contact, 100);
        Short("identity", "身份", Identity, 20);
        return errors;

        void Short(string field, string label, string? value, int max)
        {
            if (SubmissionText.CheckShort(value, label, max) is { } problem)
            {
                errors[field] = [problem];
            }
        }
    }

    /// <summary>The JSON fields' Chinese names, for a value of the wrong type.</summary>
    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        ["article"] = "条文", ["text"] = "意见内容", ["name"] = "姓名", ["contact"] = "联系方式", ["identity"] = "身份",
    };

    /// <summary>What was said, as a hash: the same comment sent again has the same fingerprint.</summary>
    public string Fingerprint() => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
        System.Text.Encoding.UTF8.GetBytes(string.Join('\u001F', Article, Text, Name, Contact, Identity))));

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : SubmissionText.Normalize(value);
}
