namespace Site.Generator.Vocabulary;

/// <summary>行政区划: regions, input/regions/.</summary>
public static class RegionVocabulary
{
    public const string Folder = "regions";

    public const string Name = "行政区划";

    public static readonly FieldSet Fields = new(
        new("code", "区划代码", "代码", "区划代码", "行政区划代码", "统计用区划代码"),
        new("name", "名称", "名称", "区划名称", "地名"),
        new("parent", "上级代码", "上级代码", "上级区划代码"),
        new("level", "层级", "层级", "级别"));
}
