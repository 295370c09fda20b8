namespace Gateway.Benchmarks;

/// <summary>How the load reaches the upstream in one run.</summary>
internal enum ProxyPath
{
    /// <summary>Straight to the upstream.</summary>
    Direct,

    /// <summary>Through <see cref="BareProxy"/> (Kestrel + YARP only).</summary>
    BareYarp,

    /// <summary>Through the real gateway host.</summary>
    Gateway,

    /// <summary>Through a second gateway host started with the <c>--variant-env</c> environment (runtime knobs to compare side by side).</summary>
    GatewayVariant,
}
