using Gateway.Upstream;
using Microsoft.Extensions.Options;

namespace Gateway.Hosting;

/// <summary>Fails start-up when a legacy <c>Gateway:Upstream*</c> key and its new <c>Upstream:*</c> key are both set, to different values.</summary>
internal sealed class UpstreamLegacyKeysValidation(IConfiguration configuration) : IValidateOptions<UpstreamOptions>
{
    public ValidateOptionsResult Validate(string? name, UpstreamOptions options) =>
        UpstreamLegacyKeys.ConflictError(configuration) is { } error ? ValidateOptionsResult.Fail(error) : ValidateOptionsResult.Success;
}
