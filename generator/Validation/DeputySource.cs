using Site.Generator.Diagnostics;
using Site.Generator.Model;

namespace Site.Generator.Validation;

/// <summary>
/// Where a valid deputy was read, for the checks that run once stations and the whole roster are known
/// (Linking/Kinds/DeputyLinks): <paramref name="Context"/> names a spreadsheet's sheet and row (null for
/// YAML); <paramref name="TermEnded"/> and <paramref name="Pledge"/> are where its 离任日期 and 履职承诺 are
/// (the record's place when the field is absent); <paramref name="PledgeField"/> is that column's header
/// as the file has it; <paramref name="Region"/> where its 所在地区 is (the record's place when absent), and
/// <paramref name="RegionField"/> that column's header. Kept apart from <see cref="Deputy"/> so pages never carry it.
/// </summary>
public sealed record DeputySource(DeputyId Id, string? Context, SourceLocation TermEnded, SourceLocation Pledge, string PledgeField)
{
    public SourceLocation? Region { get; init; }

    public string RegionField { get; init; } = "region（所在地区）";
}
