namespace Gateway.Ui.Setup;

/// <summary>One thing that stands between the user and a search of their photos, shown on <c>/ui</c>.</summary>
/// <param name="Key">Stable id (<c>model</c>, <c>album</c>, <c>catalog</c>, <c>scan</c>), used as the element's data attribute.</param>
/// <param name="Text">What is happening or missing, in the user's words.</param>
/// <param name="Link">Where to fix it, when the user has to act.</param>
/// <param name="LinkText">The link's text.</param>
/// <param name="InProgress">Whether it resolves by itself (the page refreshes while any step is in progress).</param>
internal sealed record SetupStep(string Key, string Text, string? Link = null, string? LinkText = null, bool InProgress = false);
