using Gateway.Upstream;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the <c>Indices</c> section.</summary>
public static class IndicesServiceCollectionExtensions
{
    /// <summary>Adds <see cref="GatewayIndicesOptions"/> (section <c>Indices</c>, plus its <see cref="GatewayIndicesOptions.FormerKeys"/>),
    /// also as a plain singleton.</summary>
    public static IServiceCollection AddIndices(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(IndicesMarker)))
        {
            return services;
        }

        services.AddSingleton<IndicesMarker>();
        services.AddOptions<GatewayIndicesOptions>()
            .BindConfiguration(GatewayIndicesOptions.SectionName)
            .Configure<IConfiguration>((options, configuration) => options.ApplyFormerKeys(configuration))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<GatewayIndicesOptions>>().Value);
        return services;
    }

    /// <summary>Marks the section as registered (binding it twice would apply the configure steps twice).</summary>
    private sealed class IndicesMarker;
}
