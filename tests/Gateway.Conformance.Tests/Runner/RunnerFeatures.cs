using System.Collections.Frozen;

namespace Gateway.Conformance.Tests.Runner;

/// <summary>The test runner features (README.asciidoc "Available test runner features") this runner implements.</summary>
internal static class RunnerFeatures
{
    public static FrozenSet<string> Supported { get; } = new[]
    {
        "close_to",
        "headers",
        "warnings",
        "warnings_regex",
        "allowed_warnings",
        "allowed_warnings_regex",
        "stash_in_key",
        "stash_in_path",
        "embedded_stash_key",
        "arbitrary_key",
        "contains",
        "capabilities",
        "catch_unauthorized",
        // The runner never changes the number of shards, so the distribution's default applies.
        "default_shards",
        // Neither target runs in FIPS 140 mode.
        "fips_140",
    }.ToFrozenSet(StringComparer.Ordinal);
}
