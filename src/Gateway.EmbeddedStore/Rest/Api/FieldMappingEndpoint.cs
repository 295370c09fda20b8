using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Indices;
using Gateway.EmbeddedStore.Mapping;
using Gateway.EmbeddedStore.Search.Execution;

namespace Gateway.EmbeddedStore.Rest.Api;

/// <summary>
/// <c>GET [/{index}]/_mapping/field/{fields}</c>: each named field's mapping per index, as
/// <c>{index: {mappings: {full_name: {full_name, mapping: {leaf_name: definition}}}}}</c>. Patterns reach leaf fields
/// and multi-fields; a name given in full also reaches an object. <c>include_defaults</c> adds the defaults of the
/// parameters the field's type has.
/// </summary>
internal sealed class FieldMappingEndpoint(EmbeddedStore store)
{
    private static readonly JsonObject TextDefaults = new()
    {
        ["analyzer"] = "default",
        ["search_analyzer"] = "default",
        ["search_quote_analyzer"] = "default",
        ["index"] = true,
        ["store"] = false,
        ["norms"] = true,
        ["fielddata"] = false,
        ["eager_global_ordinals"] = false,
        ["index_phrases"] = false,
        ["position_increment_gap"] = 100,
        ["similarity"] = "BM25",
        ["term_vector"] = "no",
        ["index_options"] = "positions",
        ["meta"] = new JsonObject(),
    };

    private static readonly JsonObject KeywordDefaults = new()
    {
        ["index"] = true,
        ["doc_values"] = true,
        ["store"] = false,
        ["ignore_above"] = int.MaxValue,
        ["norms"] = false,
        ["eager_global_ordinals"] = false,
        ["split_queries_on_whitespace"] = false,
        ["index_options"] = "docs",
        ["similarity"] = "BM25",
        ["meta"] = new JsonObject(),
    };

    private static readonly JsonObject ValueDefaults = new()
    {
        ["index"] = true,
        ["doc_values"] = true,
        ["store"] = false,
        ["ignore_malformed"] = false,
        ["meta"] = new JsonObject(),
    };

    public void Register(RestRouter router)
    {
        router.Add("GET", "/_mapping/field/{fields}", (r, _) => ValueTask.FromResult(Get(r)));
        router.Add("GET", "/{index}/_mapping/field/{fields}", (r, _) => ValueTask.FromResult(Get(r)));
    }

    private RestResponse Get(RestRequest request)
    {
        UrlParameters.Check(request, "index", "fields", "include_defaults", "ignore_unavailable", "allow_no_indices", "expand_wildcards", "local");
        var patterns = request.Route("fields").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var includeDefaults = request.Flag("include_defaults", false);
        if (!IndexResolver.Resolve(store.Catalog, request.RouteOrNull("index"), request.Flag("ignore_unavailable", false), request.Flag("allow_no_indices", true),
            expand: ExpandWildcards.Parse(request.Param("expand_wildcards"), WildcardStates.Open)).TryGetValue(out var resolved, out var missing))
        {
            return ErrorRenderer.Render(missing);
        }

        var result = new JsonObject();
        foreach (var index in resolved.Select(r => r.Index).DistinctBy(i => i.Name).OrderBy(i => i.Name, StringComparer.Ordinal))
        {
            var mappings = new JsonObject();
            foreach (var field in index.Mapping.Compiled.Fields.OrderBy(f => f.Path, StringComparer.Ordinal))
            {
                var matches = patterns.Any(p => IndexNames.IsWildcard(p) ? field.Kind != FieldKind.Object && Wildcard.Matches(p, field.Path) : p == field.Path);
                if (matches)
                {
                    mappings[field.Path] = new JsonObject
                    {
                        ["full_name"] = field.Path,
                        ["mapping"] = new JsonObject { [field.Path[(field.Path.LastIndexOf('.') + 1)..]] = Definition(field, includeDefaults) },
                    };
                }
            }

            result[index.Name] = new JsonObject { ["mappings"] = mappings };
        }

        return RestResponse.Ok(result);
    }

    private static JsonObject Definition(FieldMapping field, bool includeDefaults)
    {
        var definition = (JsonObject)field.Definition.DeepClone();
        if (!includeDefaults)
        {
            return definition;
        }

        var defaults = FieldMappings.TypeName(field) switch
        {
            "text" => TextDefaults,
            "keyword" => KeywordDefaults,
            "object" or "nested" or "flattened" or "dense_vector" or "binary" => new JsonObject(),
            _ => ValueDefaults,
        };
        foreach (var (key, value) in defaults)
        {
            if (!definition.ContainsKey(key))
            {
                definition[key] = value?.DeepClone();
            }
        }

        return definition;
    }
}
