using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Documents;
using Gateway.EmbeddedStore.Mapping;

namespace Gateway.EmbeddedStore.Search.Execution;

/// <summary>Renders one hit as Elasticsearch does.</summary>
internal static class HitRenderer
{
    public static JsonObject Render(Hit hit, SearchRequest request, bool scoresVisible)
    {
        var context = hit.Outcome.Context;
        var doc = context.Snapshot.Doc(hit.Ord);
        var json = new JsonObject { ["_index"] = context.IndexName };
        if (request.StoredFields is not ["_none_"])
        {
            // stored_fields: _none_ leaves out the metadata fields too, _id included.
            json["_id"] = doc.Id;
        }

        if (context.Level is { } level)
        {
            json["_nested"] = level.Identity[hit.Ord].ToJson();
        }

        if (request.Version)
        {
            json["_version"] = doc.Version;
        }

        if (request.SeqNoPrimaryTerm)
        {
            json["_seq_no"] = doc.SeqNo;
            json["_primary_term"] = doc.PrimaryTerm;
        }

        json["_score"] = scoresVisible ? JsonValue.Create(hit.Score) : null;
        if (request.Explain && context.Level is null)
        {
            json["_shard"] = "[" + context.IndexName + "][0]";
            json["_node"] = ServerInfo.NodeId;
            json["_explanation"] = Explain.HitExplanation.Explain(context, request, hit).ToJson();
        }
        if (doc.Routing is { } routing && request.StoredFields is not ["_none_"])
        {
            json[RoutingField.Path] = routing;
        }

        var ignored = doc.Fields.GetValueOrDefault(IgnoredField.Path);
        if (ignored is { Keywords: { } ignoredPaths } && request.StoredFields is not ["_none_"])
        {
            json[IgnoredField.Path] = new JsonArray(ignoredPaths.Select(p => (JsonNode)p).ToArray());
        }

        if (request.Source.Fetch && context.Mapping.Source.Stored(context.Level is { } nested ? nested.WrapInRoot(doc.Source) : doc.Source) is { } storedSource)
        {
            // A nested hit's source is filtered by full paths, as Elasticsearch filters the root's before taking the object out.
            var source = request.Source.Apply(storedSource);
            source = request.Source.ExcludeVectors ?? context.ExcludeSourceVectors ? SourceVectors.Strip(source, context.Mapping)
                : context.ExcludeSourceVectors ? Knn.VectorRendering.Synthesize(source, context.Mapping) : source;
            json["_source"] = context.Level is { } owner ? Nested.NestedDocs.Unwrap(source, owner.Path)?.DeepClone() ?? new JsonObject() : source;
        }

        if (request.Fields.Count > 0 && !context.Mapping.Source.Enabled)
        {
            // The fields option reads the source (ES's FetchFieldsPhase refuses a disabled one).
            throw Errors.StoreException.IllegalArgument("Unable to retrieve the requested [fields] since _source is disabled in the mappings for index [" + context.IndexName + "]");
        }

        var docValueFields = request.DocValueFields.ToHashSet();
        var fields = RenderFields(context, doc, request.DocValueFields, docValueFields);
        if (request.Fields.Count > 0)
        {
            // fields groups the values of nested objects under their paths; docvalue_fields stays flat.
            foreach (var (path, values) in Nested.NestedFetchFields.Render(context, hit.Ord, request.Fields, (c, d, r) => RenderFields(c, d, r, docValueFields)).ToList())
            {
                fields[path] ??= values?.DeepClone();
            }
        }
        foreach (var unmapped in request.Fields.Where(f => f.IncludeUnmapped))
        {
            UnmappedFields.Add(context, (context.Level?.RootShaped(doc) ?? doc).Source, unmapped.Field, fields);
        }

        if (request.StoredFields is { Count: > 0 } stored)
        {
            foreach (var (path, values) in StoredFields.Render(context.Mapping, (context.Level?.RootShaped(doc) ?? doc).Source, stored))
            {
                fields[path] ??= values?.DeepClone();
            }
        }

        if (request.Collapse is { } collapse)
        {
            fields[collapse.Field] = new JsonArray { collapse.Value(context, hit.Ord) };
        }

        foreach (var scriptField in request.ScriptFields)
        {
            if (scriptField.Render(context, hit.Ord) is { } values)
            {
                fields[scriptField.Name] = values;
            }
        }

        if (fields.Count > 0)
        {
            json["fields"] = fields;
        }

        if (ignored?.IgnoredValues is { } ignoredValues && IgnoredFieldValues(ignoredValues, request.Fields) is { Count: > 0 } ignoredFieldValues)
        {
            json["ignored_field_values"] = ignoredFieldValues;
        }

        if (request.Highlight is { } highlight && Highlight.Highlighter.Render(context, context.Level?.RootShaped(doc) ?? doc, highlight, request.Query) is { } highlighted)
        {
            json["highlight"] = highlighted;
        }

        if (request.Sort is not null && hit.SortKeys is not null)
        {
            json["sort"] = new JsonArray(hit.SortKeys.Select(k => k.Rendered?.DeepClone()).ToArray());
        }

        if (NamedQueries.Render(context, hit.Ord, request) is { } matched)
        {
            json["matched_queries"] = matched;
        }

        if (!request.IsTopHits && InnerHits.InnerHitsRenderer.Render(context, hit.Ord, request) is { } inner)
        {
            json["inner_hits"] = inner;
        }

        return json;
    }

    // The values ignore_malformed / ignore_above left out of the fields that `fields` asks for.
    private static JsonObject IgnoredFieldValues(IReadOnlyDictionary<string, List<JsonNode?>> ignored, List<FieldAndFormat> requested)
    {
        var result = new JsonObject();
        foreach (var (path, values) in ignored)
        {
            if (requested.Exists(r => Wildcard.Matches(r.Field, path)))
            {
                result[path] = new JsonArray(values.Select(v => v?.DeepClone()).ToArray());
            }
        }

        return result;
    }

    private static JsonObject RenderFields(SearchContext context, ParsedDocument doc, List<FieldAndFormat> requested, HashSet<FieldAndFormat> docValueFields)
    {
        var result = new JsonObject();
        foreach (var request in requested)
        {
            foreach (var (path, values) in doc.Fields.OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                // Metadata fields and the keyed sub-fields of flattened fields come only when named (`*` fetches neither).
                if (!Wildcard.Matches(request.Field, path) || result.ContainsKey(path)
                    || ((path == IgnoredField.Path || values.Mapping.Encoding == KeywordEncoding.FlattenedKey) && request.Field != path))
                {
                    continue;
                }

                if (values.Mapping.Encoding == KeywordEncoding.Flattened)
                {
                    // A flattened field is fetched as the objects it was given.
                    var objects = StoredFields.Values(doc.Source, path).Select(v => FlattenedValues.Fetchable(v, values.Mapping.IgnoreAbove)).OfType<JsonNode>().ToArray();
                    if (objects.Length > 0)
                    {
                        result[path] = new JsonArray(objects);
                    }

                    continue;
                }

                if (values.Mapping.Kind == FieldKind.DenseVector && values.Vector is not null && (request.Format is null || docValueFields.Contains(request)))
                {
                    result[path] = docValueFields.Contains(request) ? Knn.VectorRendering.DocValue(values, request.Format)
                        : !context.ExcludeSourceVectors && Knn.VectorRendering.SourceValue(doc.Source, path) is JsonValue encoded ? new JsonArray(encoded.DeepClone())
                        : Knn.VectorRendering.Values(values.Vector, values.Mapping.ElementType);
                    continue;
                }

                if (request.Format is not null && values.Mapping.Kind is FieldKind.Keyword or FieldKind.Text or FieldKind.Boolean or FieldKind.GeoPoint or FieldKind.DenseVector)
                {
                    throw SearchErrors.AllShardsFailed(Errors.StoreException.IllegalArgument(
                        "Field [" + path + "] of type [" + FieldTypeNames.Of(values.Mapping.Kind) + "] doesn't support formats."));
                }

                var rendered = request.Format is { } numberFormat && values.Mapping.Kind is not (FieldKind.Date or FieldKind.Keyword or FieldKind.Text)
                    ? new JsonArray(FieldNumbers.Of(values).Select(n => (JsonNode)n.ToString(numberFormat, System.Globalization.CultureInfo.InvariantCulture)).ToArray())
                    : Values(values, request.Format ?? values.Mapping.Format);
                if (rendered.Count > 0)
                {
                    result[path] = rendered;
                }
            }
        }

        return result;
    }

    private static JsonArray Values(FieldValues values, string? format)
    {
        var array = new JsonArray();
        switch (values.Mapping.Kind)
        {
            case FieldKind.Date:
                foreach (var l in values.Longs ?? [])
                {
                    array.Add(DateFormats.Format(l, format));
                }

                break;
            case FieldKind.Boolean:
                foreach (var l in values.Longs ?? [])
                {
                    array.Add(l != 0);
                }

                break;
            case FieldKind.GeoPoint:
                foreach (var p in values.Points ?? [])
                {
                    array.Add(new JsonObject { ["type"] = "Point", ["coordinates"] = new JsonArray(p.Lon, p.Lat) });
                }

                break;
            case FieldKind.DenseVector when values.Vector is { } v:
                foreach (var f in v)
                {
                    array.Add(f);
                }

                break;
            default:
                foreach (var s in values.Keywords ?? values.Texts ?? [])
                {
                    array.Add(s);
                }

                foreach (var l in values.Longs ?? [])
                {
                    array.Add(l);
                }

                foreach (var d in values.Doubles ?? [])
                {
                    array.Add(d);
                }

                break;
        }

        return array;
    }
}
