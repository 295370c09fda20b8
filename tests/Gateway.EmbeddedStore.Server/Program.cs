using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// dotnet tests/Gateway.EmbeddedStore.Server/bin/<config>/net10.0/Gateway.EmbeddedStore.Server.dll
//   --EmbeddedStore:DataPath DIR --EmbeddedStore:ListenUrl http://127.0.0.1:9201 [--EmbeddedStore:<option> value]
// Prints READY once the store is recovered and listening; SIGTERM shuts down cleanly (snapshot), SIGKILL crashes.
var builder = Host.CreateApplicationBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.AddEmbeddedStore();
using var host = builder.Build();
await host.StartAsync();
Console.WriteLine("READY");
await host.WaitForShutdownAsync();
