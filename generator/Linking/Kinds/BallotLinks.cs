using Site.Generator.Diagnostics;
using Site.Generator.Model;
using Site.Generator.Validation;

namespace Site.Generator.Linking.Kinds;

/// <summary>Ballots newest year first; within a year 票决 before 票选, the county before townships.</summary>
public static class BallotLinks
{
    public static void Link(ValidatedSite site, SiteModel model, DiagnosticBag diagnostics) =>
        model.Ballots = site.Ballots.OrderByDescending(b => b.Year).ThenBy(b => b.Method).ThenBy(b => b.Region?.Value.Length ?? 0).ThenBy(b => b.Id, StringComparer.Ordinal).ToList();
}
