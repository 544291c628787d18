using Site.Generator.Model;

namespace Site.Generator.Validation;

/// <summary>Every record that passed validation, plus the references the linker still has to check.</summary>
public sealed class ValidatedSite
{
    public SiteConfig Config { get; set; } = SiteConfig.Default;

    /// <summary>The build's date in China (UTC+8), against which ages in the roster are checked.</summary>
    public DateOnly Today { get; init; } = DateInChina(DateTimeOffset.UtcNow);

    /// <summary>The calendar date in China (UTC+8, no daylight saving) at <paramref name="at"/>.</summary>
    public static DateOnly DateInChina(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(TimeSpan.FromHours(8)).DateTime);

    public List<Story> Stories { get; } = [];

    public List<PlainPage> Pages { get; } = [];

    public List<Draft> Drafts { get; } = [];

    public List<Region> Regions { get; } = [];

    public List<Deputy> Deputies { get; } = [];

    public List<DutyRecord> Duties { get; } = [];

    public List<Suggestion> Suggestions { get; } = [];

    public List<Station> Stations { get; } = [];

    public List<Ballot> Ballots { get; } = [];

    public List<Reference> References { get; } = [];

    private readonly Dictionary<Type, object> _records = [];

    /// <summary>
    /// The valid records of a kind added without a list of its own here: its line in
    /// <c>SiteValidator.RecordValidators</c> adds to it and its step in <c>SiteLinker.Steps</c> reads it.
    /// </summary>
    public List<T> Records<T>()
        where T : class
    {
        if (!_records.TryGetValue(typeof(T), out var records))
        {
            _records[typeof(T)] = records = new List<T>();
        }

        return (List<T>)records;
    }

    public List<string> StaticFiles { get; } = [];

    /// <summary>
    /// Bodies of stories that failed validation (no page): their links and images are still checked,
    /// so a story with a bad date and a broken link shows both in one run.
    /// </summary>
    public List<MarkdownSource> UnpublishedBodies { get; } = [];
}
