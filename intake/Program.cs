using Site.Intake;

// The endpoint on its own (for deployments); `site serve` hosts the same endpoints beside the static site.
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddIntake(builder.Configuration);

var app = builder.Build();
app.UseIntake();
app.MapIntake();
app.Run();

/// <summary>Entry point, visible to the test host.</summary>
public partial class Program;
