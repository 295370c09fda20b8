namespace Gateway.EmbeddedStore.Search.Aggregations.Pipeline;

/// <summary>What a pipeline aggregation does with a bucket whose value is missing (an empty bucket, null or NaN).</summary>
internal enum GapPolicy
{
    /// <summary>Skip the bucket (the default).</summary>
    Skip,

    /// <summary>Use zero instead.</summary>
    InsertZeros,

    /// <summary>Use the metric's value when it is a finite number, else skip the bucket.</summary>
    KeepValues,
}
