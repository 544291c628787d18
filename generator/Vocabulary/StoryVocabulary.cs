namespace Site.Generator.Vocabulary;

/// <summary>履职故事: stories, content/stories/ (Markdown with a YAML header).</summary>
public static class StoryVocabulary
{
    public const string Section = "stories";

    public static readonly FieldSet Fields = new(
        new("title", "标题"), new("date", "日期"), new("column", "专栏"), new("author", "作者/通讯员"),
        new("deputies", "相关代表"), new("stations", "相关家站点"), new("suggestions", "相关建议"), new("tags", "标签"), new("cover", "封面图"),
        new("summary", "摘要"), new("slug", "网址名"), new("draft", "草稿"));
}
