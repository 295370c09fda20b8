namespace Gateway.Rewrite;

/// <summary>
/// Which forms one rewrite met, for telemetry: the input (<c>query_text</c>, <c>query_image</c>, <c>photo_id</c>) and the
/// clause that carried it (<c>knn</c>, <c>shorthand</c>, <c>neural</c>); <c>mixed</c> when a body has several, <c>none</c>
/// when it had none.
/// </summary>
internal sealed class RewriteForms
{
    public string Form { get; private set; } = "none";

    public string Clause { get; private set; } = "none";

    public void Add(string? text, ImageQuery? image, string clause)
    {
        var form = text is not null ? "query_text" : image?.PhotoId is not null ? "photo_id" : "query_image";
        Form = Form == "none" || Form == form ? form : "mixed";
        Clause = Clause == "none" || Clause == clause ? clause : "mixed";
    }
}
