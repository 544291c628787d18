using System.Text.RegularExpressions;
using Site.Generator.Diagnostics;
using Site.Generator.Loading;
using Site.Generator.Model;
using Site.Generator.Vocabulary;

namespace Site.Generator.Validation;

/// <summary>input/site.yaml: the site's name, address, columns and result classes.</summary>
public static partial class SiteConfigValidator
{
    private static IReadOnlyDictionary<string, string> Labels => SiteConfigVocabulary.Fields.Labels;

    private static readonly Dictionary<string, string> RosterLabels = new()
    {
        ["order"] = "排序（笔画 或 两字名在前）", ["files"] = "名册文件（全表相同的列值，见 README）",
        ["lists"] = "各名单的排序（名单: 笔画 或 两字名在前）",
    };

    private static readonly Dictionary<string, bool> RosterOrders = new()
    {
        ["笔画"] = false, ["姓氏笔画"] = false, ["strokes"] = false,
        ["两字名在前"] = true, ["shorterFirst"] = true,
    };

    private static IReadOnlyDictionary<string, string> ColumnLabels => SiteConfigVocabulary.ColumnFields.Labels;

    private static readonly Dictionary<string, string> WechatLabels = new()
    {
        ["name"] = "名称", ["url"] = "链接",
    };

    /// <param name="staticFiles">content/'s other files ("content/images/logo.png"); the logo must be one of them.</param>
    public static SiteConfig Validate(RawMap? map, DiagnosticBag diagnostics, IReadOnlyCollection<string>? staticFiles = null)
    {
        if (map is null)
        {
            return SiteConfig.Default;
        }

        var fields = new FieldReader(map, diagnostics, Labels);
        var title = fields.String("title", required: true) ?? SiteConfig.Default.Title;
        var config = new SiteConfig(
            title,
            fields.String("shortTitle") ?? title,
            fields.String("description") ?? "",
            fields.String("baseUrl") ?? SiteConfig.Default.BaseUrl,
            fields.String("region") is { } code ? new RegionCode(code) : null,
            ReadColumns(fields.Node("columns"), diagnostics),
            ReadResultClasses(fields.Node("resultClasses"), diagnostics),
            ReadIdentity(fields, diagnostics, staticFiles))
        {
            Nav = ReadNav(fields.Node("nav"), diagnostics) ?? NavLink.Defaults,
            Congress = fields.String("congress"),
        };
        var (shorterFirst, lists) = ReadRosterOrder(fields.Node("roster"), diagnostics);
        config = config with { ShorterNamesFirst = shorterFirst, RosterLists = lists };
        fields.ReportUnknownKeys();
        return config;
    }

    private static SiteIdentity ReadIdentity(FieldReader fields, DiagnosticBag diagnostics, IReadOnlyCollection<string>? staticFiles)
    {
        var siteCode = fields.String("siteCode");
        if (siteCode is not null && !SiteCode().IsMatch(siteCode))
        {
            fields.Error(DiagnosticCodes.BadValue, fields.LocationOf("siteCode"), "siteCode", $"“{siteCode}”不是网站标识码：应为 10 位数字或字母（如 4303210001）");
            siteCode = null;
        }

        var police = fields.String("policeRecord");
        if (police is not null && !PoliceDigits().IsMatch(police))
        {
            fields.Error(DiagnosticCodes.BadValue, fields.LocationOf("policeRecord"), "policeRecord", $"“{police}”中没有备案编号：应写成“湘公网安备43032102000001号”");
            police = null;
        }

        string? wechatName = null, wechatUrl = null;
        if (fields.Node("wechat") is RawMap wechat)
        {
            var reader = new FieldReader(wechat, diagnostics, WechatLabels);
            wechatName = reader.String("name", required: true);
            wechatUrl = reader.String("url");
            if (wechatUrl is not null && !wechatUrl.StartsWith("https://", StringComparison.Ordinal))
            {
                reader.Error(DiagnosticCodes.BadValue, reader.LocationOf("url"), "url", $"“{wechatUrl}”应以 https:// 开头");
                wechatUrl = null;
            }

            reader.ReportUnknownKeys();
        }
        else if (fields.Has("wechat"))
        {
            fields.Error(DiagnosticCodes.WrongShape, fields.LocationOf("wechat"), "wechat", "应写成 name:（公众号名称）和 url:（链接）两个字段");
        }

        var logo = fields.String("logo");
        if (logo is not null)
        {
            var path = "content/" + logo.TrimStart('/');
            var extension = Path.GetExtension(logo).ToLowerInvariant();
            if (logo.Contains("..", StringComparison.Ordinal) || extension is not (".png" or ".jpg" or ".jpeg"))
            {
                fields.Error(DiagnosticCodes.BadValue, fields.LocationOf("logo"), "logo", $"“{logo}”应为 content/ 下的 PNG 或 JPEG 图片（微信分享不显示 SVG），如 images/logo.png");
                logo = null;
            }
            else if (staticFiles is not null && !staticFiles.Contains(path))
            {
                fields.Error(DiagnosticCodes.MissingImage, fields.LocationOf("logo"), "logo", $"找不到图片 {path}");
                logo = null;
            }
            else
            {
                logo = "/" + logo.TrimStart('/');
            }
        }

        return new SiteIdentity(
            fields.String("organizer"), fields.String("contact"), siteCode, fields.String("icp"), police, wechatName, wechatUrl, logo);
    }

    [GeneratedRegex("^[0-9A-Za-z]{10}$")]
    private static partial Regex SiteCode();

    [GeneratedRegex("[0-9]{6,}")]
    private static partial Regex PoliceDigits();

    /// <summary>
    /// roster.order (every list) and roster.lists (a list's own order, by the list's name); roster.files
    /// is read by the loader (it applies while spreadsheets are read). Whether each list exists is
    /// checked once the deputies are known (<c>SiteLinker</c>).
    /// </summary>
    private static (bool ShorterFirst, List<RosterListOrder> Lists) ReadRosterOrder(RawNode? node, DiagnosticBag diagnostics)
    {
        var lists = new List<RosterListOrder>();
        if (node is not RawMap map)
        {
            return (false, lists);
        }

        var fields = new FieldReader(map, diagnostics, RosterLabels);
        fields.Node("files");
        var shorter = fields.OneOf("order", RosterOrders) ?? false;
        switch (fields.Node("lists"))
        {
            case RawMap listMap:
                foreach (var entry in listMap.Entries)
                {
                    var text = entry.Value is RawScalar scalar ? scalar.Value.Trim() : null;
                    if (text is not null && RosterOrders.TryGetValue(text, out var listShorter))
                    {
                        lists.Add(new RosterListOrder(entry.Key.Trim(), listShorter, entry.KeyLocation));
                    }
                    else
                    {
                        diagnostics.Error(DiagnosticCodes.BadValue, entry.Value.Location,
                            $"roster.lists.{entry.Key}: “{text}”不是{string.Join("/", RosterOrders.Keys)}");
                    }
                }

                break;
            case { } other:
                diagnostics.Error(DiagnosticCodes.WrongShape, other.Location,
                    "roster.lists（各名单的排序）: 应为“名单: 排序”的映射，如 县级人大代表: 两字名在前");
                break;
        }

        fields.ReportUnknownKeys();
        return (shorter, lists);
    }

    private static List<Column> ReadColumns(RawNode? node, DiagnosticBag diagnostics)
    {
        var columns = new List<Column>();
        if (node is not RawList list)
        {
            return columns;
        }

        foreach (var item in list.Items.OfType<RawMap>())
        {
            var fields = new FieldReader(item, diagnostics, ColumnLabels);
            var slug = fields.Name("slug", required: true);
            var name = fields.String("name", required: true);
            if (slug is not null && name is not null)
            {
                columns.Add(new Column(slug, name, fields.String("description") ?? ""));
            }

            fields.ReportUnknownKeys();
        }

        return columns;
    }

    /// <summary>nav: a list of title/url(/key); null when site.yaml has none.</summary>
    private static List<NavLink>? ReadNav(RawNode? node, DiagnosticBag diagnostics)
    {
        if (node is null)
        {
            return null;
        }

        var links = new List<NavLink>();
        if (node is not RawList list)
        {
            diagnostics.Error(DiagnosticCodes.WrongShape, node.Location, "nav（导航）: 应为列表，每项写 title（名称）和 url（网址）");
            return links;
        }

        foreach (var item in list.Items)
        {
            if (item is not RawMap map)
            {
                diagnostics.Error(DiagnosticCodes.WrongShape, item.Location, "nav（导航）: 每项应写 title（名称）和 url（网址）");
                continue;
            }

            var fields = new FieldReader(map, diagnostics, SiteConfigVocabulary.NavFields.Labels);
            var title = fields.String("title", required: true);
            var url = fields.String("url", required: true);
            var key = fields.String("key");
            if (url is not null && !url.StartsWith('/') && !url.StartsWith("https://", StringComparison.Ordinal))
            {
                fields.Error(DiagnosticCodes.BadValue, fields.LocationOf("url"), "url", $"“{url}”应以 / 开头（本站网址）或以 https:// 开头");
                url = null;
            }

            if (title is not null && url is not null)
            {
                links.Add(new NavLink(title, url, key ?? (url.Trim('/') is { Length: > 0 } path ? path.Split('/')[0] : "home")));
            }

            fields.ReportUnknownKeys();
        }

        return links;
    }

    private static IReadOnlyList<ResultClass> ReadResultClasses(RawNode? node, DiagnosticBag diagnostics)
    {
        if (node is not RawMap map)
        {
            return ResultClass.Defaults;
        }

        return map.Entries
            .Where(e => e.Value is RawScalar)
            .Select(e => new ResultClass(e.Key, ((RawScalar)e.Value).Value))
            .ToList();
    }
}
