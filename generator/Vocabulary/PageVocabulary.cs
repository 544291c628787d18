namespace Site.Generator.Vocabulary;

/// <summary>Plain pages (about, privacy …): content/pages/ and any other top folder.</summary>
public static class PageVocabulary
{
    public static readonly FieldSet Fields = new(
        new("title", "标题"), new("summary", "摘要"), new("slug", "网址名"), new("order", "排序"));
}
