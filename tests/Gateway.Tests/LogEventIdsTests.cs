using System.Reflection;
using Microsoft.Extensions.Logging;

namespace Gateway.Tests;

/// <summary>Every <c>[LoggerMessage]</c> event id is unique across the gateway's assemblies, so a log line's id names one event.</summary>
public sealed class LogEventIdsTests
{
    [Fact]
    public void LoggerMessages_HaveUniqueEventIdsAcrossAllAssemblies()
    {
        var assemblies = GatewayAssemblies(typeof(Program).Assembly);
        var events = assemblies
            .SelectMany(a => a.GetTypes())
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Select(m => (Method: m, Attribute: m.GetCustomAttribute<LoggerMessageAttribute>()))
            .Where(e => e.Attribute is { EventId: >= 0 })
            .ToList();

        var duplicates = events
            .GroupBy(e => e.Attribute!.EventId)
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(e => $"{e.Method.DeclaringType!.FullName}.{e.Method.Name}"))}")
            .ToList();

        Assert.True(assemblies.Count >= 7, "expected the host and its six libraries, found " + string.Join(", ", assemblies.Select(a => a.GetName().Name)));
        Assert.NotEmpty(events);
        Assert.Empty(duplicates);
    }

    /// <summary>The host and every Gateway.* assembly it references, directly or not.</summary>
    private static List<Assembly> GatewayAssemblies(Assembly root)
    {
        var found = new Dictionary<string, Assembly>(StringComparer.Ordinal) { [root.GetName().Name!] = root };
        var pending = new Queue<Assembly>([root]);
        while (pending.TryDequeue(out var assembly))
        {
            foreach (var reference in assembly.GetReferencedAssemblies())
            {
                if (reference.Name is { } name && name.StartsWith("Gateway.", StringComparison.Ordinal) && !found.ContainsKey(name))
                {
                    var loaded = Assembly.Load(reference);
                    found[name] = loaded;
                    pending.Enqueue(loaded);
                }
            }
        }

        return [.. found.Values];
    }
}
