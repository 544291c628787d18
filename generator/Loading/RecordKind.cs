namespace Site.Generator.Loading;

/// <summary>
/// A kind of office record: the input/ folder it lives in, its Chinese name for messages, and the
/// spreadsheet column headers offices actually write, mapped to our field keys.
/// </summary>
public sealed class RecordKind
{
    private RecordKind(string folder, string label, IReadOnlyDictionary<string, string> headers)
    {
        Folder = folder;
        Label = label;
        Headers = headers;
    }

    public string Folder { get; }

    public string Label { get; }

    /// <summary>Spreadsheet header (Chinese, as offices write it) → field key.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    public override string ToString() => Folder;

    public static readonly RecordKind Regions = new("regions", "行政区划", new Dictionary<string, string>
    {
        ["代码"] = "code", ["区划代码"] = "code", ["名称"] = "name", ["上级代码"] = "parent", ["层级"] = "level",
        // Aliases from the statistics bureau's and offices' own tables (issue #21).
        ["行政区划代码"] = "code", ["统计用区划代码"] = "code", ["区划名称"] = "name", ["地名"] = "name",
        ["上级区划代码"] = "parent", ["级别"] = "level",
    });

    public static readonly RecordKind Deputies = new("deputies", "代表名单", new Dictionary<string, string>
    {
        ["编号"] = "id", ["代表编号"] = "id", ["姓名"] = "name", ["性别"] = "gender", ["民族"] = "ethnicity",
        ["出生年月"] = "birth", ["照片"] = "photo", ["层级"] = "levels", ["代表层级"] = "levels",
        ["届次"] = "term", ["选区"] = "constituency", ["选举单位"] = "constituency", ["代表组"] = "group",
        ["职务"] = "title", ["工作单位及职务"] = "title", ["界别"] = "sector", ["所在联络站"] = "station",
        ["编组进站"] = "station", ["联络站"] = "station", ["政治面貌"] = "party", ["党派"] = "party",
        ["所在地区"] = "region", ["区划代码"] = "region", ["简介"] = "bio", ["履职承诺"] = "pledge",
        // Aliases as published rosters head their columns (issue #21).
        ["政党"] = "party", ["出生日期"] = "birth", ["生日"] = "birth", ["出生年月日"] = "birth",
        ["代表团"] = "group", ["代表小组"] = "group", ["工作单位"] = "title", ["单位及职务"] = "title",
        ["现任职务"] = "title", ["工作单位和职务"] = "title", ["选区名称"] = "constituency", ["级别"] = "levels",
        ["届别"] = "term", ["个人简介"] = "bio",
    });

    public static readonly RecordKind Duties = new("duties", "履职档案", new Dictionary<string, string>
    {
        ["代表编号"] = "deputy", ["日期"] = "date", ["类型"] = "kind", ["类别"] = "kind", ["事项"] = "title",
        ["标题"] = "title", ["地点"] = "place", ["内容"] = "summary", ["摘要"] = "summary", ["评议结果"] = "evaluation",
    });

    public static readonly RecordKind Suggestions = new("suggestions", "代表建议", new Dictionary<string, string>
    {
        ["编号"] = "number", ["建议编号"] = "number", ["标题"] = "title", ["案由"] = "title",
        ["会议"] = "session", ["届次会议"] = "session", ["类别"] = "type", ["领衔代表"] = "deputies",
        ["代表编号"] = "deputies", ["承办单位"] = "unit", ["重点督办"] = "key", ["状态"] = "status",
        ["办理状态"] = "status", ["办理结果"] = "result", ["结果分类"] = "result", ["满意度"] = "satisfaction",
        ["代表满意度"] = "satisfaction", ["答复摘要"] = "reply", ["交办日期"] = "assigned", ["答复日期"] = "answered",
    });

    public static readonly RecordKind Stations = new("stations", "家站点", new Dictionary<string, string>
    {
        ["编号"] = "id", ["名称"] = "name", ["类型"] = "kind", ["特色类型"] = "specialties", ["所在地区"] = "region",
        ["区划代码"] = "region", ["地址"] = "address", ["经度"] = "lng", ["纬度"] = "lat", ["开放时间"] = "hours",
        ["接待安排"] = "schedule", ["接待日"] = "receptionDays", ["负责人"] = "head", ["联络员"] = "liaison",
        ["联系电话"] = "phone", ["特色"] = "feature", ["品牌"] = "feature", ["简介"] = "intro",
    });

    /// <summary>Ballots are YAML, one per file; a spreadsheet here is a vote tally, one candidate per row.</summary>
    public static readonly RecordKind Ballots = new("ballots", "民生实事票决", new Dictionary<string, string>
    {
        ["票决编号"] = "ballot", ["票选编号"] = "ballot", ["项目编号"] = "id", ["编号"] = "id", ["项目名称"] = "title",
        ["候选项目"] = "title", ["项目内容"] = "description", ["简介"] = "description", ["估算投资（万元）"] = "budget",
        ["估算投资(万元)"] = "budget", ["投资（万元）"] = "budget", ["来源"] = "source", ["项目来源"] = "source",
        ["赞成"] = "for", ["赞成票"] = "for", ["反对"] = "against", ["反对票"] = "against", ["弃权"] = "abstain",
        ["弃权票"] = "abstain", ["是否当选"] = "elected", ["当选"] = "elected", ["说明"] = "note",
        ["责任单位"] = "unit", ["完成时限"] = "schedule", ["计划进度"] = "schedule",
    });

    public static readonly IReadOnlyList<RecordKind> All = [Regions, Deputies, Duties, Suggestions, Stations, Ballots];
}
