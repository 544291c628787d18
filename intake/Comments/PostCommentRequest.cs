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
            // An API client or a typed form may name the article as people do (第六条, 第6条, 6, 六):
            // taken when it is one of this draft's articles; otherwise the error says which exist.
            if (ArticleNumbers.Parse(Article) is { } number && draft.HasArticle(ArticleNumbers.Anchor(number)))
            {
                Article = ArticleNumbers.Anchor(number);
            }
            else
            {
                errors["article"] = [NoSuchArticle(draft, Article)];
            }
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

    /// <summary>
    /// Why <paramref name="article"/> names none of <paramref name="draft"/>'s articles, with the articles
    /// it has (本草案共有第一条至第三十条), in Chinese.
    /// </summary>
    internal static string NoSuchArticle(DraftEntry draft, string article)
    {
        var named = (ArticleNumbers.FromAnchor(article) ?? ArticleNumbers.Parse(article)) is { } number ? ArticleNumbers.Label(number) : $"“{Submissions.SubmissionText.Shown(article)}”";
        var numbers = draft.Articles.Select(a => ArticleNumbers.FromAnchor(a.Anchor)).OfType<int>().ToList();
        var has = draft.Articles.Count == 0
            ? "本草案没有分条，请不填条文（对草案整体提意见）"
            : numbers.Count == 1 && draft.Articles.Count == 1
                ? $"本草案只有{ArticleNumbers.Label(numbers[0])}"
            : numbers.Count == draft.Articles.Count && numbers.SequenceEqual(Enumerable.Range(numbers[0], numbers.Count))
                ? $"本草案共有{ArticleNumbers.Label(numbers[0])}至{ArticleNumbers.Label(numbers[^1])}"
                : "本草案的条文有：" + string.Join("、", draft.Articles.Select(a => a.Label));
        return $"草案中没有{named}：{has}。条文可写成 第六条、第6条、6 或 article-6，对草案整体的意见不填条文";
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
