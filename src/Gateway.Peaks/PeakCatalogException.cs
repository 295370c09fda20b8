namespace Gateway.Peaks;

/// <summary>The peak catalog file is malformed or inconsistent (bad configuration: fail loudly).</summary>
public sealed class PeakCatalogException(string message, Exception? inner = null) : Exception(message, inner);
