namespace Site.Intake.Comments;

/// <summary>What a commenter sends, as JSON or as a plain form. Validated by hand so every field error is listed at once, in Chinese.</summary>
public sealed class PostCommentRequest
{
    public string? Article { get; set; }

    public string? Text { get; set; }

    public string? Name { get; set; }

    public string? Contact { get; set; }

    public string? Identity { get; set; }

    public const int MinLength = 5;
    public const int MaxLength = 5000;

    public Dictionary<string, string[]> Validate(DraftEntry draft)
    {
        var errors = new Dictionary<string, string[]>();
        var length = (Text ?? "").Trim().Length;
        if (length == 0)
        {
            errors["text"] = ["请填写意见内容"];
        }
        else if (length < MinLength)
        {
            errors["text"] = [$"意见内容至少 {MinLength} 个字"];
        }
        else if (length > MaxLength)
        {
            errors["text"] = [$"意见内容最多 {MaxLength} 个字，当前 {length} 个字"];
        }

        if (!string.IsNullOrEmpty(Article) && !draft.HasArticle(Article))
        {
            errors["article"] = ["草案中没有这一条，请从列表中选择"];
        }

        if ((Name ?? "").Length > 50)
        {
            errors["name"] = ["姓名最多 50 个字"];
        }

        if ((Contact ?? "").Length > 100)
        {
            errors["contact"] = ["联系方式最多 100 个字"];
        }

        if ((Identity ?? "").Length > 20)
        {
            errors["identity"] = ["身份最多 20 个字"];
        }

        return errors;
    }
}
