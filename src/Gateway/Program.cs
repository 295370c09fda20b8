var builder = WebApplication.CreateBuilder(args);
builder.AddUpstream();
builder.Services.AddEmbeddings();
builder.Services.AddSearchRewrite();

var app = builder.Build();
app.MapGatewayApi();
app.MapUpstreamProxy();
app.Run();

/// <summary>The gateway host; public so functional tests can start it with WebApplicationFactory.</summary>
public partial class Program;
