using Gateway.Cli;
using Gateway.Hosting;

if (GatewayCommandLine.IsCommand(args))
{
    return await GatewayCommandLine.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(GatewayHostSettings.ForWeb(args));
builder.Services.AddGatewayFolders();
builder.AddGatewayHosting();
builder.AddGatewayTelemetry();
builder.AddUpstream();
builder.Services.AddEmbeddingModels();
builder.Services.AddSearchRewrite();
builder.Services.AddGatewayUi();
builder.Services.AddPhotoFiles();
builder.Services.AddGatewayJobs();

var app = builder.Build();
app.UseGatewayHosting();
app.MapGatewayApi();
app.MapGatewayUi();
app.MapPhotoFiles();
app.MapGatewayJobs();
app.MapUpstreamProxy();
await app.RunAsync();
return 0;

/// <summary>The gateway host; public so functional tests can start it with WebApplicationFactory.</summary>
public partial class Program;
