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

    /// <summary>At most this many PostgreSQL connections serve reads (counts, receipts, export) per instance.</summary>
    public int PostgresReadConnections { get; set; } = Storage.PostgresCommentStore.DefaultReadConnections;

    /// <summary>Posts allowed per client address in any minute (a sliding window).</summary>
    public int PostsPerMinute { get; set; } = 20;

    /// <summary>Receipt lookups allowed per client address in any minute (a sliding window).</summary>
    public int LookupsPerMinute { get; set; } = 30;

    /// <summary>
    /// Other origins allowed to post, such as "https://rd.example.org" (the host the request names
    /// always is). Behind a proxy on another host (netlify.toml's /api/* forward) the site's public
    /// origin must be listed here, unless the proxy is in <see cref="KnownProxies"/> and sends
    /// X-Forwarded-Host.
    /// </summary>
    public string[] AllowedOrigins { get; set; } = [];

    /// <summary>
    /// Proxies whose X-Forwarded-For/-Proto/-Host are believed (addresses, or networks as 10.0.0.0/8).
    /// Empty: nothing forwarded is believed, and every client is its connecting address.
    /// </summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>How many comments one commit may carry.</summary>
    public int MaxBatch { get; set; } = 512;
}
