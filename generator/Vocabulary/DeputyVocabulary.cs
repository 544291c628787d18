using Site.Generator.Model;

namespace Site.Generator.Vocabulary;

/// <summary>代表: the deputies' roster, input/deputies/, and the five levels (五级人大).</summary>
public static class DeputyVocabulary
{
    public const string Folder = "deputies";

    public const string Name = "代表名单";

    public static readonly FieldSet Fields = new(
        new("id", "代表编号", "编号", "代表编号"),
        new("name", "姓名", "姓名"),
        new("gender", "性别", "性别"),
        new("ethnicity", "民族", "民族"),
        new("birth", "出生年月", "出生年月", "出生日期", "生日", "出生年月日"),
        new("photo", "照片", "照片"),
        new("levels", "层级", "层级", "代表层级", "级别"),
        new("term", "届次", "届次", "届别"),
        new("constituency", "选区", "选区", "选举单位", "选区名称"),
        new("group", "代表组", "代表组", "代表团", "代表小组"),
        new("title", "职务", "职务", "工作单位及职务", "工作单位", "单位及职务", "现任职务", "工作单位和职务"),
        new("sector", "界别", "界别"),
        new("party", "政治面貌", "政治面貌", "党派", "政党"),
        new("station", "所在联络站", "所在联络站", "编组进站", "联络站"),
        new("region", "所在地区", "所在地区", "区划代码"),
        new("bio", "简介", "简介", "个人简介"),
        new("pledge", "履职承诺", "履职承诺"),
        new("termEnded", "离任日期", "离任日期", "离任时间", "终止代表资格日期"));

    /// <summary>A level as offices write it → the level.</summary>
    public static readonly IReadOnlyDictionary<string, DeputyLevel> LevelNames = new Dictionary<string, DeputyLevel>
    {
        ["全国"] = DeputyLevel.National, ["全国人大"] = DeputyLevel.National,
        ["省"] = DeputyLevel.Provincial, ["省级"] = DeputyLevel.Provincial,
        ["市"] = DeputyLevel.City, ["市级"] = DeputyLevel.City,
        ["县"] = DeputyLevel.County, ["县级"] = DeputyLevel.County, ["区"] = DeputyLevel.County,
        ["乡"] = DeputyLevel.Township, ["镇"] = DeputyLevel.Township, ["乡镇"] = DeputyLevel.Township, ["乡级"] = DeputyLevel.Township,
    };

    /// <summary>A level as pages name it (县 → 县级人大代表).</summary>
    public static readonly IReadOnlyDictionary<DeputyLevel, string> LevelLabels = new Dictionary<DeputyLevel, string>
    {
        [DeputyLevel.National] = "全国", [DeputyLevel.Provincial] = "省", [DeputyLevel.City] = "市",
        [DeputyLevel.County] = "县", [DeputyLevel.Township] = "乡镇",
    };
}
