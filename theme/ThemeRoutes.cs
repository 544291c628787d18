namespace Site.Theme;

/// <summary>
/// The fixed URLs the theme links to (navigation shortcuts, the 404 page, the feed, the pages a form
/// points at; the favicon's link stays static markup, since a computed attribute would make Razor
/// encode its type's '+'). The theme cannot see the generator, so these are written here once and
/// the generator's <c>SiteRoutes</c> takes its section URLs from them: a shape changes in one line.
/// </summary>
public static class ThemeRoutes
{
    public const string Home = "/";

    public const string Deputies = "/deputies/";

    public const string Stations = "/stations/";

    public const string Suggestions = "/suggestions/";

    public const string Drafts = "/drafts/";

    public const string Stories = "/stories/";

    public const string Search = "/search/";

    /// <summary>查询回执: look up a comment's or a message's receipt number.</summary>
    public const string Receipts = "/receipts/";

    /// <summary>The Atom feed of stories.</summary>
    public const string Feed = "/feed.xml";

    /// <summary>Theme assets' folder: /assets/site.css.</summary>
    public const string Assets = "/assets/";

    /// <summary>A plain page (content/pages/how-to-comment.md) the drafts list points readers to.</summary>
    public const string HowToComment = "/how-to-comment/";

    /// <summary>The privacy notice (content/pages/privacy.md) every form that takes personal data links to (CommentForm still writes it out: its line is being rewritten on another branch).</summary>
    public const string Privacy = "/privacy/";
}
