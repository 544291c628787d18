using Site.Generator.Diagnostics;
using Site.Generator.Linking.Kinds;
using Site.Generator.Model;
using Site.Generator.Validation;

namespace Site.Generator.Linking;

/// <summary>
/// Checks that every id points at a record, orders records as pages show them, and builds the
/// back-links (deputy ↔ stories, station ↔ deputies).
/// </summary>
public static class SiteLinker
{
    /// <summary>
    /// One step per kind, in the order they must run (a step may read what the steps above it set:
    /// stations and stories are looked up by deputies' and suggestions' steps). Adding a record kind =
    /// its step in Kinds/ (setting <see cref="SiteModel.Linked{T}"/>) and one line here.
    /// </summary>
    private static readonly Action<ValidatedSite, SiteModel, DiagnosticBag>[] Steps =
    [
        RegionLinks.Link,
        StoryLinks.Link,
        PageLinks.Link,
        DraftLinks.Link,
        StationLinks.Link,
        DeputyLinks.Link,
        DutyLinks.Link,
        SuggestionLinks.Link,
        BallotLinks.Link,
        ReferenceLinks.Link,
    ];

    public static SiteModel Link(ValidatedSite site, DateTimeOffset now, DiagnosticBag diagnostics)
    {
        var model = new SiteModel { Config = site.Config, Now = now };
        foreach (var step in Steps)
        {
            step(site, model, diagnostics);
        }

        return model;
    }
}
