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

    /// <summary>A level as pages name it; the levels are those of the statistical division codes.</summary>
    public static string LevelLabel(string level) => level switch
    {
        "province" => "省",
        "city" => "市",
        "county" => "县（市、区）",
        "town" => "乡镇（街道）",
        _ => "村（社区）",
    };

    /// <summary>
    /// A region as people say it: the statistical list names a village's committee (烟塘村委会,
    /// 吴家巷社区居委会, 大湖塘居民委员会); people and pages say 烟塘村, 吴家巷社区, 大湖塘社区.
    /// </summary>
    public static string PlaceName(string name)
    {
        foreach (var (suffix, place) in CommitteeSuffixes)
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal) && name.Length > suffix.Length)
            {
                var stem = name[..^suffix.Length];
                return stem.EndsWith(place, StringComparison.Ordinal) ? stem : stem + place;
            }
        }

        return name;
    }

    private static readonly (string Suffix, string Place)[] CommitteeSuffixes =
    [
        ("社区居民委员会", "社区"), ("社区居委会", "社区"), ("居民委员会", "社区"), ("居委会", "社区"),
        ("村民委员会", "村"), ("村委会", "村"),
    ];
}
