using Site.Generator.Diagnostics;
using Site.Generator.Loading;
using Site.Generator.Model;
using Site.Generator.Vocabulary;

namespace Site.Generator.Validation;

/// <summary>
/// input/ballots/ → <see cref="Ballot"/>. A ballot is a YAML file; its candidates are listed there or
/// come from a tally spreadsheet (one row per candidate, with the 票决编号). The arithmetic is
/// checked the way a congress office checks a tally sheet before it is published.
/// </summary>
public static class BallotValidator
{
    private static IReadOnlyDictionary<string, string> Labels => BallotVocabulary.Fields.Labels;

    private static IReadOnlyDictionary<string, string> CandidateLabels => BallotVocabulary.CandidateFields.Labels;

    private static IReadOnlyDictionary<string, string> ProgressLabels => BallotVocabulary.ProgressFields.Labels;

    private static IReadOnlyDictionary<string, string> SatisfactionLabels => BallotVocabulary.SatisfactionFields.Labels;

    private static IReadOnlyDictionary<string, string> ChannelLabels => BallotVocabulary.ChannelFields.Labels;

    /// <summary>征集 → 初定 → 审议 → 票决 → 实施 → 监督 → 测评.</summary>
    public static readonly IReadOnlyList<(string Key, string Label)> StageKeys =
    [
        ("collect", "征集"), ("shortlist", "初定"), ("review", "审议"), ("vote", "票决"),
        ("implement", "实施"), ("supervise", "监督"), ("evaluate", "测评"),
    ];

    private static readonly Dictionary<string, BallotMethod> Methods = new()
    {
        ["票决"] = BallotMethod.Vote, ["票选"] = BallotMethod.Poll,
    };

    public static Ballot? Validate(RawMap map, IReadOnlyList<RawMap> tallyRows, ValidatedSite site, DiagnosticBag diagnostics)
    {
        var fields = new FieldReader(map, diagnostics, Labels);
        var id = fields.Name("id", required: true) ?? "";
        var body = fields.String("body", required: true);
        var method = fields.OneOf("method", Methods) ?? BallotMethod.Vote;
        var region = fields.String("region");
        if (region is not null)
        {
            site.References.Add(new Reference(ReferenceKind.Region, region, fields.LocationOf("region"), fields.Describe("region")));
        }

        var year = fields.Int("year", required: true, min: 1990, max: 2100);
        var session = fields.String("session");
        var summary = fields.String("summary");
        var stages = ReadStages(fields.Node("stages"), diagnostics);
        var proposals = fields.Int("proposals", min: 0);
        var channels = ReadChannels(fields, proposals, diagnostics);
        var due = fields.Int("due", required: true, min: 1);
        var present = fields.Int("present", required: true, min: 0);
        var places = fields.Int("places", required: true, min: 1);
        if (due is not null && present > due)
        {
            fields.Error(DiagnosticCodes.BallotArithmetic, fields.LocationOf("present"), "present", $"实到代表（{present}）多于应到代表（{due}）");
        }

        var candidateMaps = (fields.Node("candidates") as RawList)?.Items.OfType<RawMap>().ToList() ?? [];
        var candidates = new List<(BallotCandidate Candidate, FieldReader Fields, bool? StatedElected)>();
        foreach (var candidateMap in Merge(candidateMaps, tallyRows, diagnostics))
        {
            candidates.Add(ReadCandidate(candidateMap, id, present, due, site, diagnostics));
        }

        if (candidateMaps.Count + tallyRows.Count == 0)
        {
            fields.Error(DiagnosticCodes.MissingField, map.Location, "candidates", "没有候选项目：在 candidates 下列出，或放一张带“票决编号”列的计票表");
        }

        var totalBudget = fields.Decimal("totalBudget");
        fields.ReportUnknownKeys();
        var decided = Elect(candidates, places ?? 0, due ?? 0, fields);
        if (totalBudget is { } total && decided.Where(c => c.Elected).Sum(c => c.Budget ?? 0) is var sum && sum != total)
        {
            fields.Error(DiagnosticCodes.BallotMoney, fields.LocationOf("totalBudget"), "totalBudget", $"写的是 {total} 万元，当选项目的投资合计为 {sum} 万元");
        }

        if (fields.ErrorCount > 0 || candidates.Any(c => c.Fields.ErrorCount > 0) || year is null || due is null || present is null || places is null)
        {
            return null;
        }

        return new Ballot(id, map.Location.Path, body ?? "", method, region is null ? null : new RegionCode(region), year.Value,
            session, summary, stages, proposals, channels, due.Value, present.Value, places.Value, decided);
    }

    /// <summary>
    /// Who is elected: the top <paramref name="places"/> by votes for, each with more than half of all
    /// deputies for it (过半数). A record may say otherwise (是否当选), but then each difference needs
    /// a 说明, and the number elected must still equal the places.
    /// </summary>
    private static List<BallotCandidate> Elect(List<(BallotCandidate Candidate, FieldReader Fields, bool? StatedElected)> candidates, int places, int due, FieldReader ballot)
    {
        if (places > 0 && candidates.Count > 0 && places >= candidates.Count)
        {
            ballot.Error(DiagnosticCodes.BallotElection, ballot.LocationOf("places"), "places", $"拟定 {places} 个项目，候选项目只有 {candidates.Count} 个：差额票决要求候选项目多于拟定项目");
        }

        var ordered = candidates.OrderByDescending(c => c.Candidate.For).ToList();
        var ranks = ordered.ToDictionary(c => c.Candidate.Id, c => 1 + ordered.Count(o => o.Candidate.For > c.Candidate.For));
        var top = ordered.Take(places).Select(c => c.Candidate.Id).ToHashSet();
        if (places < ordered.Count && places > 0 && ordered[places - 1].Candidate.For == ordered[places].Candidate.For
            && candidates.All(c => c.StatedElected is null))
        {
            ballot.Error(DiagnosticCodes.BallotElection, ballot.LocationOf("places"), "places",
                $"第 {places} 名与第 {places + 1} 名赞成票相同（{ordered[places].Candidate.For} 票）：请在候选项目中写明 elected（是否当选）和 note（说明）");
        }

        var stated = candidates.Any(c => c.StatedElected is not null);
        var result = new List<BallotCandidate>();
        foreach (var (candidate, fields, statedElected) in candidates)
        {
            var elected = stated ? statedElected ?? false : top.Contains(candidate.Id) && candidate.For * 2 > due;
            if (stated && elected != top.Contains(candidate.Id) && candidate.Note is null)
            {
                var what = elected ? $"赞成票 {candidate.For} 票，排第 {ranks[candidate.Id]} 名，不在前 {places} 名" : $"赞成票排第 {ranks[candidate.Id]} 名，在前 {places} 名";
                fields.Error(DiagnosticCodes.BallotElection, fields.LocationOf("elected"), "elected", $"{what}，却{(elected ? "" : "未")}当选：请在 note（说明）中写明原因");
            }

            if (elected && candidate.For * 2 <= due && candidate.Note is null)
            {
                fields.Error(DiagnosticCodes.BallotElection, fields.LocationOf("for"), "for", $"赞成票 {candidate.For} 票未超过应到代表 {due} 人的半数，不能当选；如另有依据请写 note（说明）");
            }

            result.Add(candidate with { Elected = elected, Rank = ranks[candidate.Id], Project = elected ? candidate.Project : null });
        }

        if (stated && result.Count(c => c.Elected) != places)
        {
            ballot.Error(DiagnosticCodes.BallotElection, ballot.LocationOf("places"), "places", $"拟定 {places} 个项目，记录中当选的是 {result.Count(c => c.Elected)} 个");
        }

        return result.OrderBy(c => c.Rank).ThenBy(c => c.Id, StringComparer.Ordinal).ToList();
    }

    private static (BallotCandidate, FieldReader, bool?) ReadCandidate(RawMap map, string ballotId, int? present, int? due, ValidatedSite site, DiagnosticBag diagnostics)
    {
        var fields = new FieldReader(map, diagnostics, CandidateLabels);
        fields.String("ballot");
        var id = fields.Name("id", required: true) ?? "";
        var title = fields.String("title", required: true) ?? "";
        var votesFor = fields.Int("for", required: true, min: 0) ?? 0;
        var against = fields.Int("against", min: 0) ?? 0;
        var abstain = fields.Int("abstain", min: 0) ?? 0;
        if (present is not null && votesFor + against + abstain > present)
        {
            fields.Error(DiagnosticCodes.BallotArithmetic, fields.LocationOf("for"), "for",
                $"赞成 {votesFor} + 反对 {against} + 弃权 {abstain} = {votesFor + against + abstain}，多于实到代表 {present} 人");
        }

        bool? elected = fields.Has("elected") ? fields.Bool("elected") : null;
        var budget = fields.Decimal("budget");
        var progress = ReadProgress(fields.Node("progress"), site, diagnostics, fields);
        var midYear = ReadSatisfaction(fields.Node("midyear"), due, diagnostics, fields);
        var final = ReadSatisfaction(fields.Node("final"), due, diagnostics, fields);
        var unit = fields.String("unit");
        var schedule = fields.String("schedule");
        var candidate = new BallotCandidate(id, title, fields.String("description"), budget, fields.String("source"),
            votesFor, against, abstain, false, fields.String("note"),
            new LivelihoodProject(ballotId, id, title, unit, budget, schedule, progress, midYear, final));
        fields.ReportUnknownKeys();
        return (candidate, fields, elected);
    }

    private static List<ProgressUpdate> ReadProgress(RawNode? node, ValidatedSite site, DiagnosticBag diagnostics, FieldReader owner)
    {
        var updates = new List<ProgressUpdate>();
        var lastPercent = 0;
        DateOnly? lastDate = null;
        foreach (var item in (node as RawList)?.Items.OfType<RawMap>() ?? [])
        {
            var fields = new FieldReader(item, diagnostics, ProgressLabels);
            var date = fields.Date("date", required: true);
            var percent = fields.Int("percent", min: 0, max: 100);
            var text = fields.String("text", required: true);
            if (percent is { } p && p < lastPercent)
            {
                fields.Error(DiagnosticCodes.ProgressOrder, fields.LocationOf("percent"), "percent", $"进度从 {lastPercent}% 退回到 {p}%：进度只能增加");
            }

            if (date is { } d && lastDate is { } before && d < before)
            {
                fields.Error(DiagnosticCodes.ProgressOrder, fields.LocationOf("date"), "date", $"{d:yyyy-MM-dd} 早于上一条进展（{before:yyyy-MM-dd}）：请按日期先后排列");
            }

            var update = new ProgressUpdate(date ?? default, percent, fields.String("milestone"), text ?? "", ImageReference.Read(fields, "photo", "content/ballots", site));
            fields.ReportUnknownKeys();
            if (fields.ErrorCount > 0)
            {
                owner.Error(DiagnosticCodes.ProgressOrder, item.Location, "progress", "有一条进展填写有误，见上");
                continue;
            }

            lastPercent = percent ?? lastPercent;
            lastDate = date;
            updates.Add(update);
        }

        return updates;
    }

    private static SatisfactionVote? ReadSatisfaction(RawNode? node, int? due, DiagnosticBag diagnostics, FieldReader owner)
    {
        if (node is not RawMap map)
        {
            return null;
        }

        var fields = new FieldReader(map, diagnostics, SatisfactionLabels);
        var vote = new SatisfactionVote(fields.Date("date"), fields.Int("satisfied", required: true, min: 0) ?? 0,
            fields.Int("basic", min: 0) ?? 0, fields.Int("dissatisfied", min: 0) ?? 0);
        if (due is not null && vote.Total > due)
        {
            fields.Error(DiagnosticCodes.BallotArithmetic, fields.LocationOf("satisfied"), "satisfied", $"满意、基本满意、不满意合计 {vote.Total} 票，多于应到代表 {due} 人");
        }

        fields.ReportUnknownKeys();
        if (fields.ErrorCount > 0)
        {
            owner.Error(DiagnosticCodes.BallotArithmetic, map.Location, "midyear", "测评票数填写有误，见上");
            return null;
        }

        return vote;
    }

    private static List<BallotStage> ReadStages(RawNode? node, DiagnosticBag diagnostics)
    {
        var map = node as RawMap;
        var fields = map is null ? null : new FieldReader(map, diagnostics, StageKeys.ToDictionary(s => s.Key, s => s.Label));
        var stages = StageKeys.Select(s => new BallotStage(s.Key, s.Label, fields?.Date(s.Key))).ToList();
        fields?.ReportUnknownKeys();
        return stages;
    }

    private static List<ProposalChannel> ReadChannels(FieldReader ballot, int? proposals, DiagnosticBag diagnostics)
    {
        var channels = new List<ProposalChannel>();
        foreach (var item in (ballot.Node("channels") as RawList)?.Items.OfType<RawMap>() ?? [])
        {
            var fields = new FieldReader(item, diagnostics, ChannelLabels);
            var name = fields.String("name", required: true);
            var count = fields.Int("count", required: true, min: 0);
            fields.ReportUnknownKeys();
            if (name is not null && count is not null)
            {
                channels.Add(new ProposalChannel(name, count.Value));
            }
        }

        if (proposals is not null && channels.Count > 0 && channels.Sum(c => c.Count) != proposals)
        {
            ballot.Error(DiagnosticCodes.BallotArithmetic, ballot.LocationOf("proposals"), "proposals",
                $"征集 {proposals} 个，各渠道合计 {channels.Sum(c => c.Count)} 个，两者应相等");
        }

        return channels;
    }

    /// <summary>
    /// A candidate listed in the YAML and also in the tally sheet is one candidate: the sheet gives
    /// the votes, the YAML the rest (unit, progress …). A field given in both is an error.
    /// </summary>
    private static IEnumerable<RawMap> Merge(List<RawMap> listed, IReadOnlyList<RawMap> tallied, DiagnosticBag diagnostics)
    {
        static string? Id(RawMap map) => (map.Find("id")?.Value as RawScalar)?.Value.Trim();
        var rows = tallied.Where(r => Id(r) is not null).GroupBy(r => Id(r)!).ToDictionary(g => g.Key, g => g.First());
        foreach (var map in listed)
        {
            if (Id(map) is { } id && rows.Remove(id, out var row))
            {
                foreach (var clash in row.Entries.Where(e => e.Key is not ("ballot" or "id") && map.Find(e.Key) is not null))
                {
                    diagnostics.Error(DiagnosticCodes.DuplicateId, clash.Value.Location,
                        $"{row.Context} {clash.Header ?? clash.Key}: 候选项目 {id} 的这一项在 {map.Location} 也写了，只保留一处");
                }

                yield return map with { Entries = map.Entries.Concat(row.Entries.Where(e => e.Key != "ballot" && map.Find(e.Key) is null)).ToList() };
            }
            else
            {
                yield return map;
            }
        }

        foreach (var row in tallied.Where(r => Id(r) is null || rows.ContainsValue(r)))
        {
            yield return row;
        }
    }
}
