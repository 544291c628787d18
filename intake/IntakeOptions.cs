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

    /// <summary>
    /// Bearer token for the staff export and the office's sheet over HTTP; they are off while it is
    /// empty. When set it must pass <see cref="ExportTokenProblem"/>, or the endpoint does not start.
    /// </summary>
    public string? ExportToken { get; set; }

    /// <summary>The fewest characters a staff token may have (`openssl rand -hex 24` gives 48).</summary>
    public const int MinimumTokenLength = 24;

    /// <summary>The fewest different characters in it, so "aaaa…" or "renda2026renda2026renda2026" is refused.</summary>
    public const int MinimumTokenCharacters = 10;

    /// <summary>
    /// Why <see cref="ExportToken"/> cannot guard citizens' contacts (Chinese, naming the setting), or
    /// null when it is empty (HTTP export off) or strong enough: at least <see cref="MinimumTokenLength"/>
    /// characters, <see cref="MinimumTokenCharacters"/> of them different, no spaces or control characters
    /// (a header cannot carry them, so such a token could never be presented).
    /// </summary>
    public string? ExportTokenProblem()
    {
        if (string.IsNullOrEmpty(ExportToken))
        {
            return null;
        }

        const string Setting = "配置项 Intake:ExportToken（环境变量 Intake__ExportToken）";
        const string Advice = "可以用 openssl rand -hex 24 生成一个；不需要在网上导出时请留空（留空时导出只能在服务器上用 site export 和 site messages export）";
        if (ExportToken.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            return $"{Setting}含有空格或控制字符，请求头里无法带上这样的令牌。{Advice}";
        }

        var length = System.Globalization.StringInfo.ParseCombiningCharacters(ExportToken).Length;
        if (length < MinimumTokenLength || ExportToken.Distinct().Count() < MinimumTokenCharacters)
        {
            return $"{Setting}太弱：工作人员令牌保护着市民的姓名和联系方式，至少要 {MinimumTokenLength} 个字符、其中至少 {MinimumTokenCharacters} 种不同的字符，现在是 {length} 个字符、{ExportToken.Distinct().Count()} 种。{Advice}";
        }

        return null;
    }

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
