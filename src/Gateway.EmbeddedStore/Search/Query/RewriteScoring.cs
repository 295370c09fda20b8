namespace Gateway.EmbeddedStore.Search.Query;

/// <summary>How a <see cref="RewriteMethod"/> scores the expanded terms.</summary>
internal enum RewriteScoring
{
    /// <summary>Every match scores the query's boost.</summary>
    Constant,

    /// <summary>The sum of the terms' BM25 scores, each with its own document frequency.</summary>
    Scores,

    /// <summary>The sum of the terms' boosts.</summary>
    Boosts,

    /// <summary>The sum of the terms' BM25 scores with the highest document frequency among them.</summary>
    BlendedFreqs,
}
