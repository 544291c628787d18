using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Site.Intake.Comments;
using Site.Intake.Drafts;
using Site.Intake.Export;
using Site.Intake.Search;
using Site.Intake.Storage;

namespace Site.Intake;

/// <summary>Registers the endpoint's services and routes: the one place a host needs to call.</summary>
public static class IntakeSetup
{
    public static IServiceCollection AddIntake(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<IntakeOptions>(configuration.GetSection("Intake"));
        services.Configure<JsonOptions>(o => o.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new DraftCatalog(sp.GetRequiredService<IOptions<IntakeOptions>>().Value.DataPath));
        services.AddSingleton(sp => new SearchService(sp.GetRequiredService<IOptions<IntakeOptions>>().Value.DataPath));
        services.AddSingleton<SearchPageRenderer>();

        // The store is chosen by configuration only: a PostgreSQL connection string, or the SQLite file.
        services.AddSingleton<ICommentStore>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<IntakeOptions>>().Value;
            ICommentStore store = string.IsNullOrWhiteSpace(options.Postgres)
                ? new SqliteCommentStore(options.Sqlite)
                : new PostgresCommentStore(options.Postgres);
            store.InitializeAsync(CancellationToken.None).GetAwaiter().GetResult();
            return store;
        });
        services.AddSingleton(sp => new CommentWriter(sp.GetRequiredService<ICommentStore>(), sp.GetRequiredService<IOptions<IntakeOptions>>().Value.MaxBatch));

        // A flood from one address is refused with 429 and a Chinese message; others are not affected.
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = async (context, token) =>
            {
                context.HttpContext.Response.ContentType = "application/problem+json; charset=utf-8";
                await context.HttpContext.Response.WriteAsync("{\"title\":\"提交过于频繁\",\"status\":429,\"detail\":\"提交过于频繁，请一分钟后再试\"}", token);
            };
            limiter.AddPolicy(CommentsApi.RateLimitPolicy, http =>
            {
                var perMinute = http.RequestServices.GetRequiredService<IOptions<IntakeOptions>>().Value.PostsPerMinute;
                return RateLimitPartition.GetFixedWindowLimiter(
                    http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
            });
        });
        return services;
    }

    public static IEndpointRouteBuilder MapIntake(this IEndpointRouteBuilder app)
    {
        if (app is IApplicationBuilder builder)
        {
            builder.UseRateLimiter();
        }

        app.MapComments();
        app.MapExport();
        app.MapSearch();
        return app;
    }
}
