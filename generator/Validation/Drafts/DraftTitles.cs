using System.Text.RegularExpressions;

namespace Site.Generator.Validation.Drafts;

/// <summary>
/// A draft's published title names its reading, as congresses title the texts they publish: the
/// first reading is 《…（草案）》, later ones 《…（草案二次审议稿）》, 《…（草案三次审议稿）》,
/// 《…（草案修改稿）》, 《…（草案表决稿）》 (the NPC's 法律草案征求意见 titles), and an office's
/// consultation text 《…（征求意见稿）》. Two readings of one regulation then never share a title in
/// the drafts list, the page's &lt;title&gt;, its share card, the Atom feed or the .ics calendar.
/// </summary>
public static partial class DraftTitles
{
    /// <summary>The qualifier each reading of <see cref="Vocabulary.DraftVocabulary.Readings"/> publishes under.</summary>
    public static string Qualifier(string reading) => reading switch
    {
        "一审" => "草案",
        "二审" => "草案二次审议稿",
        "三审" => "草案三次审议稿",
        "草案修改稿" => "草案修改稿",
        "表决稿" => "草案表决稿",
        _ => "征求意见稿",
    };

    /// <summary>
    /// The title as published: <paramref name="title"/> unchanged when its closing bracket already names
    /// <paramref name="reading"/>; a bare 「（草案）」 or 「（修订草案）」 completed with the reading
    /// (二审 → 「（草案二次审议稿）」, 「（修订草案二次审议稿）」);
    /// otherwise the reading's qualifier appended. A bracket naming another reading is left as written
    /// and returned in <c>Conflict</c> (the reading it names), for a warning at the title.
    /// </summary>
    public static (string Title, string? Conflict) Published(string title, string reading)
    {
        var match = Closing().Match(title);
        var inside = match.Success ? match.Groups["q"].Value : null;
        if (inside is not null && Names(inside, reading))
        {
            return (title, null);
        }

        // 「（草案）」「（修订草案）」 is the first reading's form: a later reading completes it.
        var bare = inside is not null && inside.EndsWith("草案", StringComparison.Ordinal);
        if (inside is not null && !bare && Readings().FirstOrDefault(r => r != reading && Names(inside, r)) is { } other)
        {
            return (title, other);
        }

        if (bare)
        {
            var qualifier = Qualifier(reading);
            var rest = qualifier.StartsWith("草案", StringComparison.Ordinal) ? qualifier["草案".Length..] : qualifier;
            return (title[..match.Index] + "（" + inside + rest + "）", null);
        }

        return (title + "（" + Qualifier(reading) + "）", null);
    }

    /// <summary>Whether a title's bracket (草案二次审议稿, 二审稿, 征求意见稿 …) names <paramref name="reading"/>.</summary>
    public static bool Names(string bracket, string reading) => reading switch
    {
        "一审" => bracket.EndsWith("草案", StringComparison.Ordinal) || bracket.Contains("一审", StringComparison.Ordinal) || bracket.Contains("一次审议", StringComparison.Ordinal),
        "二审" => bracket.Contains("二审", StringComparison.Ordinal) || bracket.Contains("二次审议", StringComparison.Ordinal),
        "三审" => bracket.Contains("三审", StringComparison.Ordinal) || bracket.Contains("三次审议", StringComparison.Ordinal),
        "草案修改稿" => bracket.Contains("修改稿", StringComparison.Ordinal),
        "表决稿" => bracket.Contains("表决稿", StringComparison.Ordinal),
        _ => bracket.Contains("征求意见稿", StringComparison.Ordinal),
    };

    /// <summary>Whether a published title already says its reading (so a feed need not add 「（二审）」).</summary>
    public static bool TitleNames(string title, string reading) =>
        Closing().Match(title) is { Success: true } match && Names(match.Groups["q"].Value, reading);

    /// <summary>The regulation's name: the title without its closing bracket (湘潭县物业管理条例（草案二次审议稿） → 湘潭县物业管理条例).</summary>
    public static string Name(string title) => Closing().Match(title) is { Success: true } match ? title[..match.Index].TrimEnd() : title;

    private static string[] Readings() => Vocabulary.DraftVocabulary.Readings;

    /// <summary>The bracket a title ends with: （草案）, (草案二次审议稿), 【征求意见稿】.</summary>
    [GeneratedRegex(@"[（(【〔\[](?<q>[^（）()【】〔〕\[\]]+)[）)】〕\]]\s*$")]
    private static partial Regex Closing();
}
