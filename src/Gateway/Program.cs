var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.MapGet("/_gateway/health", () => Results.Ok(new { status = "green" }));
app.Run();

/// <summary>The gateway host; public so functional tests can start it with WebApplicationFactory.</summary>
public partial class Program;
