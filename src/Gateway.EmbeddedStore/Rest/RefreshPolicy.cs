using Gateway.EmbeddedStore.Errors;

namespace Gateway.EmbeddedStore.Rest;

/// <summary>The <c>refresh</c> parameter of write APIs.</summary>
internal enum RefreshPolicy
{
    None,
    Immediate,
    WaitFor,
}

/// <summary>Parses <see cref="RefreshPolicy"/> values.</summary>
internal static class RefreshPolicies
{
    public static RefreshPolicy Parse(string? value) => value switch
    {
        null or "false" => RefreshPolicy.None,
        "" or "true" => RefreshPolicy.Immediate,
        "wait_for" => RefreshPolicy.WaitFor,
        _ => throw StoreException.IllegalArgument("Unknown value for refresh: [" + value + "]."),
    };
}
