using Site.Generator.Vocabulary;

namespace Site.Generator.Model;

/// <summary>家站点: a place where deputies meet constituents.</summary>
/// <param name="ReceptionDays">The days of the month of <c>receptionDays</c> (kept as written; <paramref name="Reception"/> holds them as a rule too).</param>
/// <param name="Reception">When deputies receive constituents: <c>receptionRule</c>, or <c>receptionDays</c> as a monthly rule; null when neither is given.</param>
public sealed record Station(
    StationId Id,
    string Name,
    StationKind Kind,
    IReadOnlyList<string> Specialties,
    RegionCode? Region,
    string? Address,
    double? Latitude,
    double? Longitude,
    string? Hours,
    string? Schedule,
    IReadOnlyList<int> ReceptionDays,
    string? Head,
    string? Liaison,
    string? Phone,
    string? Feature,
    string? Intro,
    IReadOnlyList<StationYear> Figures,
    ReceptionRule? Reception = null)
{
    public string Url => SiteRoutes.Station(Id);

    public bool IsLegislativeContactPoint => Specialties.Contains("基层立法联系点");
}

/// <summary>代表之家 (township/street), 代表联络站, 代表联系点.</summary>
public enum StationKind
{
    Home,
    Station,
    Point,
}

/// <summary>A station's yearly figures: people received, opinions collected, opinions resolved.</summary>
public sealed record StationYear(int Year, int Received, int Collected, int Resolved);
