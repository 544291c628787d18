using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Site.Intake.Comments;
using Site.Intake.Drafts;
using Site.Intake.Export;
using Site.Intake.Http;
using Site.Intake.Messages;
using Site.Intake.Office;
using Site.Intake.Receipts;
using Site.Intake.Recipients;
using Site.Intake.Search;
using Site.Intake.Storage;
using Site.Intake.Submissions;

namespace Site.Intake;

/// <summary>Registers the endpoint's services, middleware and routes: what a host needs to call.</summary>
public static class IntakeSetup
{
    public static IServiceCollection AddIntake(this IServiceCollection services, IConfiguration configuration)
    {
        // A weak staff token stops the start (OptionsValidationException, its message in Chinese naming
        // the setting) rather than guard citizens' contacts with something guessable.
        services.AddOptions<IntakeOptions>().Bind(configuration.GetSection("Intake")).ValidateOnStart();
        services.AddSingleton<IValidateOptions<IntakeOptions>, ExportTokenValidation>();
        services.Configure<JsonOptions>(o => o.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping);
        services.AddApiProblems();
        services.AddKestrelProblems();
        services.TryAddSingletonTimeProvider();
        services.AddSingleton(sp => new DraftCatalog(sp.GetRequiredService<IOptions<IntakeOptions>>().Value.DataPath));
        services.AddSingleton(sp => new RecipientCatalog(sp.GetRequiredService<IOptions<IntakeOptions>>().Value.DataPath));
        services.AddSingleton<LookupRateLimit>();
        services.AddSingleton(sp => new SearchService(sp.GetRequiredService<IOptions<IntakeOptions>>().Value.DataPath));
        services.AddSingleton<SearchPageRenderer>();
        services.AddSingleton<SubmissionPages>();
        services.AddSingleton<SubmissionRateLimit>();
        services.AddSingleton<ExportGuard>();
        services.AddSingleton<DraftStatsCache>();

        // The store is chosen by configuration only: a PostgreSQL connection string, or the SQLite file.
        // Making one opens nothing: each store sets itself up on first use, awaited by the requests that
        // need it (StoreReady), never here, where a blocking wait held the container's lock.
        services.AddSingleton<ICommentStore>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<IntakeOptions>>().Value;
            var log = sp.GetRequiredService<ILogger<SqliteCommentStore>>();
            return string.IsNullOrWhiteSpace(options.Postgres)
                ? new SqliteCommentStore(options.Sqlite, checkpointFailed: ex => log.LogError(ex, "SQLite checkpoint failed; the next one retries"))
                : new PostgresCommentStore(options.Postgres, options.PostgresReadConnections);
        });
        services.AddSingleton(sp => new BatchWriter<NewComment, Receipt>(sp.GetRequiredService<ICommentStore>(), sp.GetRequiredService<IOptions<IntakeOptions>>().Value.MaxBatch));

        // Messages live in the same database as comments (the same file or connection string).
        services.AddSingleton<IMessageStore>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<IntakeOptions>>().Value;
            return string.IsNullOrWhiteSpace(options.Postgres)
                ? new SqliteMessageStore(options.Sqlite)
                : new PostgresMessageStore(options.Postgres, options.PostgresReadConnections);
        });
        services.AddSingleton(sp => new BatchWriter<NewMessage, Receipt>(sp.GetRequiredService<IMessageStore>(), sp.GetRequiredService<IOptions<IntakeOptions>>().Value.MaxBatch));
        return services;
    }

    private static void TryAddSingletonTimeProvider(this IServiceCollection services)
    {
        if (!services.Any(s => s.ServiceType == typeof(TimeProvider)))
        {
            services.AddSingleton(TimeProvider.System);
        }
    }

    /// <summary>
    /// The middleware every answer passes, first in the pipeline (before static files in `serve`):
    /// forwarded headers from known proxies only, then the security headers, then problem JSON in
    /// Chinese for every /api/ failure no endpoint answered itself (<see cref="ApiProblems"/>).
    /// </summary>
    public static IApplicationBuilder UseIntake(this IApplicationBuilder app)
    {
        var options = app.ApplicationServices.GetRequiredService<IOptions<IntakeOptions>>().Value;
        app.UseKnownProxies(options.KnownProxies);
        app.UseSecurityHeaders();
        app.UseApiProblems();
        return app;
    }

    public static IEndpointRouteBuilder MapIntake(this IEndpointRouteBuilder app)
    {
        // Every GET answers HEAD too (RFC 9110 9.3.2: the same status and headers, no body, which
        // Kestrel leaves out for a HEAD request): link checkers and monitors ask with HEAD.
        var routes = app.MapGroup("");
        ((IEndpointConventionBuilder)routes).Add(endpoint =>
        {
            var methods = endpoint.Metadata.OfType<HttpMethodMetadata>().LastOrDefault();
            if (methods is not null && methods.HttpMethods.Contains(HttpMethods.Get) && !methods.HttpMethods.Contains(HttpMethods.Head))
            {
                endpoint.Metadata.Add(new HttpMethodMetadata([.. methods.HttpMethods, HttpMethods.Head], methods.AcceptCorsPreflight));
            }
        });
        routes.MapComments();
        routes.MapMessages();
        routes.MapReceipts();
        routes.MapExport();
        routes.MapMessageOffice();
        routes.MapSearch();

        // Any other /api/ address: a JSON 404 in Chinese, not the site's HTML page; another method of
        // an address that exists: 405 with Allow.
        app.MapFallback("/api/{**rest}", (HttpContext http, EndpointDataSource endpoints) => ApiProblems.Unmatched(http, endpoints));
        return app;
    }
}

/// <summary>Refuses a weak Intake:ExportToken at start-up with <see cref="IntakeOptions.ExportTokenProblem"/>'s Chinese message.</summary>
internal sealed class ExportTokenValidation : IValidateOptions<IntakeOptions>
{
    public ValidateOptionsResult Validate(string? name, IntakeOptions options) =>
        options.ExportTokenProblem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}
