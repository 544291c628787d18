using Site.Generator.Model;

namespace Site.Generator.Vocabulary;

/// <summary>代表建议: suggestions and how they were handled, input/suggestions/.</summary>
public static class SuggestionVocabulary
{
    public const string Folder = "suggestions";

    public const string Name = "代表建议";

    public static readonly FieldSet Fields = new(
        new("number", "编号", "编号", "建议编号"),
        new("title", "标题", "标题", "案由"),
        new("session", "会议", "会议", "届次会议"),
        new("type", "类别", "类别"),
        new("deputies", "领衔及附议代表", "领衔代表", "代表编号"),
        new("unit", "承办单位", "承办单位"),
        new("key", "重点督办", "重点督办"),
        new("status", "办理状态", "状态", "办理状态"),
        new("result", "办理结果分类", "办理结果", "结果分类"),
        new("satisfaction", "代表满意度", "满意度", "代表满意度"),
        new("reply", "答复内容", "答复内容", "答复摘要", "答复意见", "办理答复"),
        new("assigned", "交办日期", "交办日期"),
        new("answered", "答复日期", "答复日期"),
        new("closed", "办结日期", "办结日期"));

    /// <summary>A status as offices write it → the status.</summary>
    public static readonly IReadOnlyDictionary<string, SuggestionStatus> Statuses = new Dictionary<string, SuggestionStatus>
    {
        ["交办"] = SuggestionStatus.Assigned, ["已交办"] = SuggestionStatus.Assigned,
        ["办理中"] = SuggestionStatus.InProgress,
        ["答复"] = SuggestionStatus.Answered, ["已答复"] = SuggestionStatus.Answered,
        ["办结"] = SuggestionStatus.Closed, ["已办结"] = SuggestionStatus.Closed,
    };

    /// <summary>A status as pages name it.</summary>
    public static string StatusLabel(SuggestionStatus status) => status switch
    {
        SuggestionStatus.Assigned => "已交办",
        SuggestionStatus.InProgress => "办理中",
        SuggestionStatus.Answered => "已答复",
        _ => "已办结",
    };
}
