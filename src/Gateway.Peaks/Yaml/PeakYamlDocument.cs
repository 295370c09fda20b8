namespace Gateway.Peaks.Yaml;

/// <summary>The shape of <c>config/peaks.yaml</c> as YamlDotNet reads and writes it.</summary>
internal sealed class PeakYamlDocument
{
    public List<PeakYamlEntry> Peaks { get; set; } = [];
}
