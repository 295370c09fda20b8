namespace Gateway.Albums;

/// <summary>An album as the gateway knows it: a name, its absolute folder, and whether the admin or the API added it
/// (<see cref="Editable"/>) or it comes from <c>Photos:Albums</c> in configuration (read-only here).</summary>
/// <param name="Name">Album name (the <c>photos.album</c> value, part of each document id).</param>
/// <param name="Root">The album's absolute folder.</param>
/// <param name="Editable">Added through the admin or the API (kept in the data folder), so it can be renamed or removed.</param>
internal sealed record Album(string Name, string Root, bool Editable);
