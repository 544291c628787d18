namespace Site.Generator.Model;

/// <summary>What the 述职评议 link step makes (<see cref="SiteModel.Linked{T}"/>): each deputy's reports, newest first, each with its term (the deputy's where the record names none).</summary>
public sealed record ReportBackIndex(ILookup<DeputyId, ReportBack> ByDeputy);

/// <summary>
/// 代表述职评议: a deputy reports to the voters of their constituency (or the station's) on their
/// duties, and the voters present appraise them, by counts of 满意/基本满意/不满意 or as a rate.
/// </summary>
/// <param name="Term">The term (届次) the report belongs to: as written, else the deputy's term (filled in by the linker).</param>
/// <param name="Rate">满意率 in percent (0–100): as written, or computed from the counts.</param>
/// <param name="Rating">An appraisal in words where no counts are kept (优秀、称职、满意 …).</param>
public sealed record ReportBack(
    DeputyId Deputy,
    DateOnly Date,
    string Place,
    int? Voters,
    int? Satisfied,
    int? FairlySatisfied,
    int? Dissatisfied,
    decimal? Rate,
    string? Rating,
    string? Term,
    string? Summary)
{
    /// <summary>How many appraised (the three counts), or null if none is given.</summary>
    public int? Appraised => Satisfied is null && FairlySatisfied is null && Dissatisfied is null
        ? null
        : (Satisfied ?? 0) + (FairlySatisfied ?? 0) + (Dissatisfied ?? 0);

    /// <summary>满意率 as the office states it, else satisfied ÷ appraised, in percent; null without either.</summary>
    public decimal? SatisfactionRate => Rate ?? (Appraised is > 0 and var total ? Math.Round(100m * (Satisfied ?? 0) / total, 1) : null);
}
