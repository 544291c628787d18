using Site.Generator.Model;

namespace Site.Generator.Vocabulary;

/// <summary>家站点: deputies' homes, liaison stations and contact points, input/stations/.</summary>
public static class StationVocabulary
{
    public const string Folder = "stations";

    public const string Name = "家站点";

    public static readonly FieldSet Fields = new(
        new("id", "编号", "编号"),
        new("name", "名称", "名称"),
        new("kind", "类型", "类型"),
        new("specialties", "特色类型", "特色类型"),
        new("region", "所在地区", "所在地区", "区划代码"),
        new("address", "地址", "地址"),
        new("lat", "纬度", "纬度"),
        new("lng", "经度", "经度"),
        new("hours", "开放时间", "开放时间"),
        new("schedule", "接待安排", "接待安排"),
        new("receptionDays", "每月接待日", "接待日"),
        new("receptionRule", "接待规则", "接待规则"),
        new("head", "负责人", "负责人"),
        new("liaison", "联络员", "联络员"),
        new("phone", "联系电话", "联系电话"),
        new("feature", "特色品牌", "特色", "品牌"),
        new("intro", "简介", "简介"),
        new("figures", "年度数据"));

    /// <summary>One year's figures in a station's figures: list.</summary>
    public static readonly FieldSet FigureFields = new(
        new("year", "年份"),
        new("received", "接待群众人次"),
        new("collected", "收集意见建议"),
        new("resolved", "办结"));

    /// <summary>A kind as offices write it → the kind.</summary>
    public static readonly IReadOnlyDictionary<string, StationKind> Kinds = new Dictionary<string, StationKind>
    {
        ["代表之家"] = StationKind.Home, ["家"] = StationKind.Home,
        ["代表联络站"] = StationKind.Station, ["联络站"] = StationKind.Station, ["站"] = StationKind.Station,
        ["代表联系点"] = StationKind.Point, ["联系点"] = StationKind.Point, ["点"] = StationKind.Point,
    };

    public static readonly string[] Specialties = ["专业", "流动", "产业", "基层立法联系点"];

    /// <summary>A station's kind as pages name it, with its specialties: 代表联络站（基层立法联系点）.</summary>
    public static string KindLabel(Station station)
    {
        var kind = station.Kind switch { StationKind.Home => "代表之家", StationKind.Station => "代表联络站", _ => "代表联系点" };
        return station.Specialties.Count == 0 ? kind : $"{kind}（{string.Join("、", station.Specialties)}）";
    }
}
