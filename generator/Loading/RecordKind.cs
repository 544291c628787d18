using Site.Generator.Vocabulary;

namespace Site.Generator.Loading;

/// <summary>
/// A kind of office record: the input/ folder it lives in, its Chinese name for messages, and the
/// spreadsheet column headers offices actually write, mapped to our field keys. All three come from
/// the kind's vocabulary (Vocabulary/), which the validators and pages read too.
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

    public static readonly RecordKind Regions = new(RegionVocabulary.Folder, RegionVocabulary.Name, RegionVocabulary.Fields.Headers);

    public static readonly RecordKind Deputies = new(DeputyVocabulary.Folder, DeputyVocabulary.Name, DeputyVocabulary.Fields.Headers);

    public static readonly RecordKind Duties = new(DutyVocabulary.Folder, DutyVocabulary.Name, DutyVocabulary.Fields.Headers);

    public static readonly RecordKind ReportBacks = new(ReportBackVocabulary.Folder, ReportBackVocabulary.Name, ReportBackVocabulary.Fields.Headers);

    public static readonly RecordKind Suggestions = new(SuggestionVocabulary.Folder, SuggestionVocabulary.Name, SuggestionVocabulary.Fields.Headers);

    public static readonly RecordKind Stations = new(StationVocabulary.Folder, StationVocabulary.Name, StationVocabulary.Fields.Headers);

    /// <summary>Ballots are YAML, one per file; a spreadsheet here is a vote tally, one candidate per row.</summary>
    public static readonly RecordKind Ballots = new(BallotVocabulary.Folder, BallotVocabulary.Name, BallotVocabulary.CandidateFields.Headers);

    public static readonly IReadOnlyList<RecordKind> All = [Regions, Deputies, Duties, ReportBacks, Suggestions, Stations, Ballots];
}
