namespace Gateway.Admin;

/// <summary>One upstream index as the status page shows it.</summary>
/// <param name="Name">Concrete index name.</param>
/// <param name="Documents">Document count, or null when the count failed.</param>
/// <param name="Aliases">Aliases pointing at it.</param>
/// <param name="VectorFields">dense_vector fields with their dimensions, e.g. <c>clip_image (768)</c>.</param>
internal sealed record IndexStatus(string Name, long? Documents, IReadOnlyList<string> Aliases, IReadOnlyList<string> VectorFields);
