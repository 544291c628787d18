using Site.Intake;

// The endpoint on its own (for deployments); `site serve` hosts the same endpoints beside the static site.
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddIntake(builder.Configuration);

var app = builder.Build();
try
{
    app.UseIntake();
    app.MapIntake();
    app.Run();
}
catch (Microsoft.Extensions.Options.OptionsValidationException ex)
{
    // A setting that cannot be used (a weak staff token): one Chinese line naming it, exit 1.
    Console.Error.WriteLine("错误：" + string.Join("；", ex.Failures));
    return 1;
}

return 0;

/// <summary>Entry point, visible to the test host.</summary>
public partial class Program;
