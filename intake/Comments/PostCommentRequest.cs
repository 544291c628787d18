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
        var text = Text ?? "";
        var length = SubmissionText.Length(text);
        if (SubmissionText.Unstorable(text, "意见内容") is { } unstorable)
        {
            errors["text"] = [unstorable];
        }
        else if (length == 0)
        {
            errors["text"] = ["请填写意见内容"];
        }
        else if (SubmissionText.IsInvisible(text))
        {
            errors["text"] = ["意见内容只有空白或看不见的字符，请填写文字"];
        }
        else if (length < MinLength)
        {
            errors["text"] = [$"意见内容至少 {MinLength} 个字，当前 {length} 个字"];
        }
        else if (length > MaxLength)
        {
            errors["text"] = [$"意见内容最多 {MaxLength} 个字，当前 {length} 个字"];
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
            if (value is null)
            {
                return;
            }

            if (SubmissionText.Unstorable(value, label) is { } problem)
            {
                errors[field] = [problem];
            }
            else if (SubmissionText.Length(value) > max)
            {
                errors[field] = [$"{label}最多 {max} 个字"];
            }
        }
    }

    /// <summary>What was said, as a hash: the same comment sent again has the same fingerprint.</summary>
    public string Fingerprint() => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
        System.Text.Encoding.UTF8.GetBytes(string.Join('\u001F', Article, Text, Name, Contact, Identity))));

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : SubmissionText.Normalize(value);
}
