namespace Gateway.EmbeddedStore.Search.Index;

/// <summary>The documents containing one term, ascending, with the term's frequency in each.</summary>
internal sealed record Postings(int[] Ords, int[] Freqs);
