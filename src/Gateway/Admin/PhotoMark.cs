namespace Gateway.Admin;

/// <summary>What an album photo is for a peak.</summary>
internal enum PhotoMark
{
    /// <summary>Neither: the mark is removed.</summary>
    None,

    /// <summary>"This is the peak": blended into its prototype.</summary>
    Reference,

    /// <summary>"Not the peak": never blended in, never proposed again.</summary>
    Negative,
}
