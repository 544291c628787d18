using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Site.Generator.Model;
using Site.Generator.Vocabulary;
using Site.Theme.Templates;
using Site.Theme.ViewModels;

namespace Site.Generator.Rendering.Pages;

/// <summary>
/// 开放数据: /data/deputies, stations, suggestions, duties and reports (述职评议) as CSV (UTF-8 with BOM, so Excel
/// opens it; headers are the vocabulary's Chinese labels) and JSON (the fields' keys and labels,
/// then the records), and the /data/ page saying what each file holds, beside the ballots' files.
/// Only what the pages already publish: no deputy's private contact; a station's phone is the
/// office number its page shows.
/// </summary>
public static class OpenDataPages
{
    /// <summary>The licence the page states. Chosen so that anyone may reuse the figures with the source named.</summary>
    public const string Licence = "知识共享署名 4.0 国际许可协议（CC BY 4.0）：可以自由复制、分发和再利用，包括用于商业目的，但须注明来源为本站。";

    /// <summary>One open-data table: its file name, what it holds, and its columns (field key, Chinese label, cell).</summary>
    public sealed record Table(string Name, string Title, string Holds, IReadOnlyList<(string Key, string Label)> Columns, IReadOnlyList<string[]> Rows);

    public static IEnumerable<PageJob> Plan(PageContext context)
    {
        var site = context.Site;
        var tables = Tables(site);
        foreach (var table in tables)
        {
            yield return PageJob.File(SiteRoutes.DataFile(table.Name + ".csv"), () => Csv(table));
            yield return PageJob.File(SiteRoutes.DataFile(table.Name + ".json"), () => Json(table));
        }

        yield return PageJob.For<OpenDataTemplate, OpenDataPage>(SiteRoutes.OpenData, () => new OpenDataPage(
            PageContext.Meta("开放数据", "人大代表、家站点、代表建议、履职档案、述职评议和民生实事票决数据下载（CSV、JSON）", SiteRoutes.OpenData, "data", new Crumb("开放数据", null)),
            Licence,
            tables.Select(t => new OpenDataFile(t.Title, t.Holds, t.Rows.Count, string.Join("、", t.Columns.Select(c => c.Label)),
                    [new($"{t.Title}（CSV，可用 Excel 打开）", SiteRoutes.DataFile(t.Name + ".csv")), new($"{t.Title}（JSON）", SiteRoutes.DataFile(t.Name + ".json"))]))
                .Concat(site.Ballots.Count == 0 ? [] : [new OpenDataFile(
                    "民生实事票决", "各年度县、乡镇票决（票选）的候选项目、得票、当选和办理进度，一个候选项目一行",
                    site.Ballots.Sum(b => b.Candidates.Count),
                    "票决编号、年度、票决机关、方式、应到代表、实到代表、项目编号、项目名称、赞成、反对、弃权、名次、是否当选、完成进度、满意率等",
                    [new("全部票决数据（CSV，可用 Excel 打开）", SiteRoutes.BallotsCsv), new("全部票决数据（JSON）", SiteRoutes.BallotsJson)])])
                .ToList()));
    }

    public static IReadOnlyList<Table> Tables(SiteModel site)
    {
        static string Text(object? value) => value switch
        {
            null => "",
            DateOnly d => PageContext.IsoDate(d),
            double x => x.ToString(CultureInfo.InvariantCulture),
            decimal x => x.ToString(CultureInfo.InvariantCulture),
            int x => x.ToString(CultureInfo.InvariantCulture),
            bool b => b ? "是" : "否",
            _ => value.ToString() ?? "",
        };

        Table Make<T>(string name, string title, string holds, IReadOnlyDictionary<string, string> labels, IEnumerable<T> records, params (string Key, Func<T, object?> Cell)[] columns) =>
            new(name, title, holds,
                columns.Select(c => (c.Key, labels.TryGetValue(c.Key, out var label) ? label : c.Key == "url" ? "网址" : c.Key)).ToList(),
                records.Select(r => columns.Select(c => Text(c.Cell(r))).ToArray()).ToList());

        string Absolute(string url) => site.Config.AbsoluteUrl(url);
        string Names(IEnumerable<DeputyId> ids) => string.Join("、", ids.Select(id => site.DeputiesById.TryGetValue(id, out var d) ? d.Name : id.Value));
        string Region(RegionCode? code) => code is { } c ? c.Value : "";

        var deputies = Make("deputies", "人大代表", "各级人大代表的公开信息（与代表页一致，已离任的代表也在，并有离任日期），按姓氏笔画排序，一名代表一行",
            DeputyVocabulary.Fields.Labels, site.Deputies,
            ("id", d => d.Id.Value), ("name", d => d.Name), ("gender", d => d.Gender), ("ethnicity", d => d.Ethnicity), ("birth", d => d.Birth),
            ("levels", d => string.Join("、", d.Levels.Select(l => DeputyVocabulary.LevelLabels[l]))), ("term", d => d.Term),
            ("constituency", d => d.Constituency), ("group", d => d.Group), ("title", d => d.Title), ("sector", d => d.Sector), ("party", d => d.Party),
            ("station", d => d.Station?.Value), ("region", d => Region(d.Region)), ("termEnded", d => d.TermEnded), ("url", d => Absolute(d.Url)));
        var stations = Make("stations", "代表家站点", "代表之家、代表联络站、代表联系点的地址、开放时间、接待规则和负责人，一个家站点一行",
            StationVocabulary.Fields.Labels, site.Stations,
            ("id", s => s.Id.Value), ("name", s => s.Name), ("kind", s => StationVocabulary.KindLabel(s)), ("region", s => Region(s.Region)),
            ("address", s => s.Address), ("lat", s => s.Latitude), ("lng", s => s.Longitude), ("hours", s => s.Hours), ("schedule", s => s.Schedule),
            ("receptionRule", s => s.Reception?.Words()), ("head", s => s.Head), ("liaison", s => s.Liaison), ("phone", s => s.Phone),
            ("feature", s => s.Feature), ("url", s => Absolute(s.Url)));
        var suggestions = Make("suggestions", "代表建议", "历次会议的代表建议及办理情况，一件建议一行",
            SuggestionVocabulary.Fields.Labels, site.Suggestions,
            ("number", s => s.Number), ("title", s => s.Title), ("session", s => s.Session), ("type", s => s.Type), ("deputies", s => Names(s.Deputies)),
            ("unit", s => s.Unit), ("key", s => s.Key), ("status", s => SuggestionVocabulary.StatusLabel(s.Status)), ("result", s => s.Result),
            ("satisfaction", s => s.Satisfaction), ("reply", s => s.Reply), ("assigned", s => s.Assigned), ("answered", s => s.Answered), ("closed", s => s.Closed), ("url", s => Absolute(s.Url)));
        var dutyLabels = new Dictionary<string, string>(DutyVocabulary.Fields.Labels) { ["name"] = "代表姓名" };
        var duties = Make("duties", "代表履职档案", "代表参加会议、视察、调研、接待选民、述职评议等履职记录，按代表和日期（新的在前），一条记录一行",
            dutyLabels, site.Deputies.SelectMany(d => site.DutiesByDeputy[d.Id]),
            ("deputy", r => r.Deputy.Value), ("name", r => Names([r.Deputy])), ("date", r => r.Date), ("kind", r => r.Kind), ("title", r => r.Title),
            ("place", r => r.Place), ("summary", r => r.Summary), ("evaluation", r => r.Evaluation));
        var reportLabels = new Dictionary<string, string>(ReportBackVocabulary.Fields.Labels) { ["name"] = "代表姓名" };
        var reportsByDeputy = site.Linked<ReportBackIndex>().ByDeputy;
        var reports = Make("reports", "代表述职评议", "代表向选民述职、接受评议的记录：时间、地点、参加选民人数、满意/基本满意/不满意票数或满意率，按代表和日期（新的在前），一次述职一行",
            reportLabels, site.Deputies.SelectMany(d => reportsByDeputy[d.Id]),
            ("deputy", r => r.Deputy.Value), ("name", r => Names([r.Deputy])), ("date", r => r.Date), ("place", r => r.Place), ("voters", r => r.Voters),
            ("satisfied", r => r.Satisfied), ("fairly", r => r.FairlySatisfied), ("dissatisfied", r => r.Dissatisfied), ("rate", r => r.SatisfactionRate),
            ("rating", r => r.Rating), ("term", r => r.Term), ("summary", r => r.Summary));
        return [deputies, stations, suggestions, duties, reports];
    }

    /// <summary>UTF-8 with BOM, CRLF, RFC 4180 quoting, the Chinese labels as headers.</summary>
    public static byte[] Csv(Table table)
    {
        var csv = new StringBuilder();
        csv.Append(string.Join(',', table.Columns.Select(c => Cell(c.Label)))).Append("\r\n");
        foreach (var row in table.Rows)
        {
            csv.Append(string.Join(',', row.Select(Cell))).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    private static string Cell(string value) =>
        value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;

    /// <summary><c>{"fields":[{"key":"id","label":"代表编号"},…],"records":[{"id":"D0001",…},…]}</c>; empty cells are omitted.</summary>
    public static byte[] Json(Table table) => JsonSerializer.SerializeToUtf8Bytes(
        new JsonTable(
            table.Columns.Select(c => new JsonField(c.Key, c.Label)),
            table.Rows.Select(row => table.Columns.Select((c, i) => (c.Key, Value: row[i])).Where(x => x.Value.Length > 0).ToDictionary(x => x.Key, x => x.Value))),
        Writing.GeneratorJson.Info<JsonTable>(TableJson));

    private static readonly JsonSerializerOptions TableJson = Writing.GeneratorJson.With(new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    internal sealed record JsonTable(
        [property: JsonPropertyName("fields")] IEnumerable<JsonField> Fields,
        [property: JsonPropertyName("records")] IEnumerable<Dictionary<string, string>> Records);

    internal sealed record JsonField([property: JsonPropertyName("key")] string Key, [property: JsonPropertyName("label")] string Label);
}
