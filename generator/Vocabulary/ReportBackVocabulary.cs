namespace Site.Generator.Vocabulary;

/// <summary>代表述职评议: deputies' reports to the voters and their appraisal, input/reports/ (YAML or a sheet, one report per row).</summary>
public static class ReportBackVocabulary
{
    public const string Folder = "reports";

    public const string Name = "代表述职评议";

    public static readonly FieldSet Fields = new(
        new("deputy", "代表编号", "代表编号"),
        new("date", "述职日期", "述职日期", "日期", "时间"),
        new("place", "述职地点", "述职地点", "地点"),
        new("voters", "参加选民人数", "参加选民人数", "参加人数", "参会选民", "选民人数"),
        new("satisfied", "满意", "满意", "满意票"),
        new("fairly", "基本满意", "基本满意", "基本满意票"),
        new("dissatisfied", "不满意", "不满意", "不满意票"),
        new("rate", "满意率", "满意率", "测评满意率"),
        new("rating", "评议结果", "评议结果", "测评结果", "评议等次"),
        new("term", "届次", "届次"),
        new("summary", "述职摘要", "述职摘要", "内容", "摘要", "选民意见"));

    /// <summary>Appraisals in words an office may give instead of counts (评议结果).</summary>
    public static readonly string[] Ratings = ["优秀", "称职", "基本称职", "不称职", "满意", "基本满意", "不满意"];
}
