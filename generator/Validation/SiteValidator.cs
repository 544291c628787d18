using Site.Generator.Diagnostics;
using Site.Generator.Loading;
using Site.Generator.Model;
using Site.Generator.Vocabulary;

namespace Site.Generator.Validation;

/// <summary>Runs every validator: raw documents and records in, typed records (or diagnostics) out.</summary>
public static class SiteValidator
{
    /// <summary>
    /// One line per kind of office record, in the order they must run (a record may refer to kinds
    /// above it): validate each raw record, keep the valid ones, and report a repeated id at its row.
    /// Adding a record kind = its validator and one line here, adding to <c>site.Records&lt;T&gt;()</c>
    /// (e.g. <c>Each(input.Of(RecordKind.X), site.Records&lt;X&gt;(), map =&gt; XValidator.Validate(map, site, d), x =&gt; x.Id, "id", "编号", d)</c>).
    /// </summary>
    private static readonly Action<InputRecords, ValidatedSite, DiagnosticBag>[] RecordValidators =
    [
        (input, site, d) => Each(input.Of(RecordKind.Regions), site.Regions, map => RegionValidator.Validate(map, d), r => r.Code.Value, "code", "区划代码", d),
        (input, site, d) => ResolveRegionParents(site.Regions),
        (input, site, d) => Each(input.Of(RecordKind.Stations), site.Stations, map => StationValidator.Validate(map, site, d), s => s.Id.Value, "id", "家站点编号", d),
        (input, site, d) => Each(input.Of(RecordKind.Deputies), site.Deputies, map => DeputyValidator.Validate(map, site, d), x => x.Id.Value, "id", "代表编号", d),
        (input, site, d) => ReportDuplicateNames(input.Of(RecordKind.Deputies), d),
        (input, site, d) => Each(input.Of(RecordKind.Duties), site.Duties, map => DutyRecordValidator.Validate(map, site, d), null, "", "", d),
        (input, site, d) => Each(input.Of(RecordKind.ReportBacks), site.Records<ReportBack>(), map => ReportBackValidator.Validate(map, site, d), null, "", "", d),
        (input, site, d) => Each(input.Of(RecordKind.Suggestions), site.Suggestions, map => SuggestionValidator.Validate(map, site.Config, site, d), s => s.Number, "number", "建议编号", d),
        (input, site, d) => ValidateBallots(input.Of(RecordKind.Ballots), site, d),
    ];

    /// <param name="stories">With `serve`, the last build's validated stories.</param>
    /// <param name="now">The build's time (ages in the roster are checked against its date in China); now if null.</param>
    public static ValidatedSite Validate(ContentLoader.Result content, InputRecords input, DiagnosticBag diagnostics, StoryMemo? stories = null, DateTimeOffset? now = null)
    {
        var site = new ValidatedSite
        {
            Config = SiteConfigValidator.Validate(input.SiteConfig, diagnostics, content.StaticFiles),
            Today = ValidatedSite.DateInChina(now ?? DateTimeOffset.UtcNow),
        };

        site.StaticFiles.AddRange(content.StaticFiles);
        var columns = stories is null ? default : StoryMemo.Columns(site.Config);

        foreach (var document in content.Documents)
        {
            switch (document.Section)
            {
                case "stories":
                    Add(site.Stories, stories is null
                        ? StoryValidator.Validate(document, site.Config, site, diagnostics)
                        : stories.Validate(document, site, columns, diagnostics));
                    break;
                case "drafts":
                    Add(site.Drafts, DraftValidator.Validate(document, site, diagnostics));
                    break;
                default:
                    Add(site.Pages, PageValidator.Validate(document, diagnostics));
                    break;
            }
        }

        foreach (var validate in RecordValidators)
        {
            validate(input, site, diagnostics);
        }

        ReportDuplicates(site.Stories, s => s.Slug, s => s.Body.Path, diagnostics, "stories");
        ReportDuplicates(site.Drafts, d => d.Id.Value, d => d.SourcePath, diagnostics, "drafts");
        ReportDuplicates(site.Pages, p => p.Slug, p => p.Body.Path, diagnostics, "");
        return site;
    }

    /// <summary>Validates each record of one kind; with an id <paramref name="field"/>, a repeated id is reported and its later records dropped.</summary>
    private static void Each<T>(
        IReadOnlyList<RawMap> records, List<T> valid, Func<RawMap, T?> validate, Func<T, string>? id, string field, string what, DiagnosticBag diagnostics)
        where T : class
    {
        foreach (var map in records)
        {
            Add(valid, validate(map));
        }

        if (id is not null)
        {
            ReportDuplicates(records, valid, id, field, diagnostics, what);
        }
    }

    /// <summary>Ballot files, and tally rows (spreadsheets) matched to their ballot by 票决编号.</summary>
    private static void ValidateBallots(IReadOnlyList<RawMap> records, ValidatedSite site, DiagnosticBag diagnostics)
    {
        static string? BallotOf(RawMap row) => (row.Find("ballot")?.Value as RawScalar)?.Value.Trim();
        var rows = records.Where(m => m.Find("ballot") is not null).ToList();
        var ballots = records.Where(m => m.Find("ballot") is null).ToList();
        var ids = ballots.Select(b => (b.Find("id")?.Value as RawScalar)?.Value.Trim()).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var row in rows.Where(r => BallotOf(r) is not { } id || !ids.Contains(id)))
        {
            diagnostics.Error(DiagnosticCodes.UnknownBallot, row.Find("ballot")!.Value.Location,
                $"{row.Context} 票决编号: 没有编号为“{BallotOf(row)}”的票决记录（input/ballots/ 下的 .yaml 文件）");
        }

        foreach (var map in ballots)
        {
            var id = (map.Find("id")?.Value as RawScalar)?.Value.Trim();
            Add(site.Ballots, BallotValidator.Validate(map, rows.Where(r => BallotOf(r) == id).ToList(), site, diagnostics));
        }

        ReportDuplicates(ballots, site.Ballots, b => b.Id, "id", diagnostics, "票决编号");
    }

    /// <summary>
    /// A village's 12-digit code names its township as 9 digits (430321100) in tables of 2/4/6/9/12
    /// digits, and as 12 digits padded with zeros (430321100000) in the bureau's padded tables: a
    /// parent that is not there in one form is taken in the other when that one is.
    /// </summary>
    private static void ResolveRegionParents(List<Region> regions)
    {
        var codes = regions.Select(r => r.Code.Value).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < regions.Count; i++)
        {
            if (regions[i].Parent is not { } parent || codes.Contains(parent.Value))
            {
                continue;
            }

            var other = parent.Value.Length == 12
                ? parent.Value[..RegionValidator.SignificantLength(parent.Value)]
                : parent.Value.PadRight(12, '0');
            if (codes.Contains(other))
            {
                regions[i] = regions[i] with { Parent = new RegionCode(other) };
            }
        }
    }

    /// <summary>
    /// One name more than once in one roster file: often a row pasted twice, sometimes two people. A
    /// warning at every later row naming all its rows and their count (spaces in names do not count, 赵  敏 is 赵敏).
    /// </summary>
    private static readonly System.Buffers.SearchValues<char> WhiteSpace = System.Buffers.SearchValues.Create(" \t\r\n\u3000\u00A0");

    private static void ReportDuplicateNames(IReadOnlyList<RawMap> deputies, DiagnosticBag diagnostics)
    {
        var rows = new Dictionary<(string File, string Name), List<(RawMap Map, RawScalar Name)>>();
        foreach (var map in deputies)
        {
            if (map.Find("name")?.Value is not RawScalar { IsEmpty: false } scalar)
            {
                continue;
            }

            var name = scalar.Value.AsSpan().ContainsAny(WhiteSpace) ? string.Concat(scalar.Value.Where(c => !char.IsWhiteSpace(c))) : scalar.Value;
            if (!rows.TryGetValue((map.Location.Path, name), out var list))
            {
                rows[(map.Location.Path, name)] = list = [];
            }

            list.Add((map, scalar));
        }

        // One warning at every later row, each naming all the rows and how many there are.
        foreach (var ((_, name), list) in rows)
        {
            if (list.Count < 2)
            {
                continue;
            }

            var count = list.Count == 2 ? "两次" : $"{list.Count}次";
            var all = string.Join("、", list.Select(r => r.Map.Context ?? r.Map.Location.ToString()));
            foreach (var (map, scalar) in list.Skip(1))
            {
                diagnostics.Warning(DiagnosticCodes.DuplicateName, scalar.Location,
                    $"{map.Context}{(map.Context is null ? "" : " ")}姓名“{name}”在本名册中出现{count}：{all}；如是同一人，请删去重复的行，如是不同的人，请核对编号与出生年月");
            }
        }
    }

    private static void Add<T>(List<T> list, T? item)
        where T : class
    {
        if (item is not null)
        {
            list.Add(item);
        }
    }

    /// <summary>Two Markdown files that would be served at one URL: report the later one, keep the first.</summary>
    private static void ReportDuplicates<T>(
        List<T> items, Func<T, string> key, Func<T, string> path, DiagnosticBag diagnostics, string section)
    {
        var firstPaths = new Dictionary<string, string>(StringComparer.Ordinal);
        items.RemoveAll(item =>
        {
            if (firstPaths.TryAdd(key(item), path(item)))
            {
                return false;
            }

            var url = section.Length == 0 ? SiteRoutes.Page(key(item)) : $"/{section}/{key(item)}/";
            diagnostics.Error(
                DiagnosticCodes.DuplicateId,
                new SourceLocation(path(item), 1, 1),
                $"网址名（slug）“{key(item)}”与 {firstPaths[key(item)]} 重复，两篇会占用同一网址 {url}");
            return true;
        });
    }

    /// <summary>Two records with one id: report every later one at its own row, keep the first.</summary>
    private static void ReportDuplicates<T>(
        IReadOnlyList<RawMap> raw, List<T> items, Func<T, string> key, string field, DiagnosticBag diagnostics, string what)
    {
        var first = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        foreach (var map in raw)
        {
            if (map.Find(field)?.Value is not RawScalar { IsEmpty: false } scalar)
            {
                continue;
            }

            var id = scalar.Value.Trim();
            if (!first.TryAdd(id, scalar.Location))
            {
                diagnostics.Error(DiagnosticCodes.DuplicateId, scalar.Location, $"{map.Context}{(map.Context is null ? "" : " ")}{what}“{id}”重复，首次出现在 {first[id]}");
            }
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        items.RemoveAll(item => !seen.Add(key(item)));
    }
}
