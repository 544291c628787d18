namespace Site.Intake;

/// <summary>Configuration (section "Intake"): where the build's data is, which store, and the limits.</summary>
public sealed class IntakeOptions
{
    /// <summary>Folder the build wrote for the endpoint: drafts.json and index/.</summary>
    public string DataPath { get; set; } = "_intake";

    /// <summary>SQLite file used when no PostgreSQL connection string is given.</summary>
    public string Sqlite { get; set; } = ".data/comments.db";

    /// <summary>When set, comments go to PostgreSQL instead of SQLite.</summary>
    public string? Postgres { get; set; }

    /// <summary>Bearer token for the staff export; export is off while it is empty.</summary>
    public string? ExportToken { get; set; }

    /// <summary>Comment posts allowed per client address per minute.</summary>
    public int PostsPerMinute { get; set; } = 20;

    /// <summary>Other origins allowed to post (the site's own origin always is).</summary>
    public string[] AllowedOrigins { get; set; } = [];

    /// <summary>How many comments one commit may carry.</summary>
    public int MaxBatch { get; set; } = 512;
}
