namespace Site.Generator.Vocabulary;

/// <summary>履职档案: deputies' duty records, input/duties/.</summary>
public static class DutyVocabulary
{
    public const string Folder = "duties";

    public const string Name = "履职档案";

    public static readonly FieldSet Fields = new(
        new("deputy", "代表编号", "代表编号"),
        new("date", "日期", "日期"),
        new("kind", "类型", "类型", "类别"),
        new("title", "事项", "事项", "标题"),
        new("place", "地点", "地点"),
        new("summary", "内容", "内容", "摘要"),
        new("evaluation", "评议结果", "评议结果"));

    /// <summary>The kinds of duty a record may be (类型).</summary>
    public static readonly string[] Kinds = ["会议", "列席", "视察", "调研", "执法检查", "接待选民", "走访", "培训", "述职评议", "其他"];
}
