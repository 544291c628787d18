namespace Site.Generator.Vocabulary;

/// <summary>
/// 民生实事票决: livelihood-project ballots, input/ballots/ (one YAML per ballot; a spreadsheet there
/// is a vote tally, one candidate per row, so its headers are the candidates' fields).
/// </summary>
public static class BallotVocabulary
{
    public const string Folder = "ballots";

    public const string Name = "民生实事票决";

    public static readonly FieldSet Fields = new(
        new("id", "票决编号"),
        new("body", "票决机关"),
        new("method", "方式（票决/票选）"),
        new("region", "所在地区"),
        new("year", "年度"),
        new("session", "会议"),
        new("summary", "简介"),
        new("stages", "各阶段日期"),
        new("proposals", "征集项目数"),
        new("channels", "征集渠道"),
        new("due", "应到代表"),
        new("present", "实到代表"),
        new("places", "拟定项目数"),
        new("candidates", "候选项目"),
        new("totalBudget", "当选项目总投资（万元）"));

    /// <summary>A candidate project: in a ballot's candidates: list, or a row of a tally spreadsheet.</summary>
    public static readonly FieldSet CandidateFields = new(
        new("ballot", "票决编号", "票决编号", "票选编号"),
        new("id", "项目编号", "项目编号", "编号"),
        new("title", "项目名称", "项目名称", "候选项目"),
        new("description", "项目内容", "项目内容", "简介"),
        new("budget", "估算投资（万元）", "估算投资（万元）", "估算投资(万元)", "投资（万元）"),
        new("source", "来源", "来源", "项目来源"),
        new("for", "赞成票", "赞成", "赞成票"),
        new("against", "反对票", "反对", "反对票"),
        new("abstain", "弃权票", "弃权", "弃权票"),
        new("elected", "是否当选", "是否当选", "当选"),
        new("note", "说明", "说明"),
        new("unit", "责任单位", "责任单位"),
        new("schedule", "完成时限", "完成时限", "计划进度"),
        new("progress", "进展"),
        new("midyear", "年中票评"),
        new("final", "年终测评"));

    public static readonly FieldSet ProgressFields = new(
        new("date", "日期"), new("percent", "完成百分比"), new("milestone", "节点"), new("text", "进展情况"), new("photo", "照片"));

    public static readonly FieldSet SatisfactionFields = new(
        new("date", "日期"), new("satisfied", "满意"), new("basic", "基本满意"), new("dissatisfied", "不满意"));

    /// <summary>
    /// A ballot's own words: a people's congress 票决 with its 代表; a street's 议政代表会 票选
    /// with its 议政代表 (streets have no congress of their own, so theirs is not a 票决).
    /// </summary>
    public static (string Act, string Body, string Members) Words(Model.BallotMethod method) =>
        method == Model.BallotMethod.Vote ? ("票决", "票决机关", "代表") : ("票选", "票选机关", "议政代表");

    public static readonly FieldSet ChannelFields = new(new("name", "渠道"), new("count", "项目数"));
}
