using Microsoft.AspNetCore.Routing;

namespace Site.Intake;

/// <summary>Registers the endpoint's services and routes: the one place a host needs to call.</summary>
public static class IntakeSetup
{
    public static IServiceCollection AddIntake(this IServiceCollection services, IConfiguration configuration)
    {
        return services;
    }

    public static IEndpointRouteBuilder MapIntake(this IEndpointRouteBuilder app)
    {
        return app;
    }
}
