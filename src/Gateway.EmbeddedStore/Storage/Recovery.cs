using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Documents;
using Gateway.EmbeddedStore.Indices;
using Gateway.EmbeddedStore.Mapping;

namespace Gateway.EmbeddedStore.Storage;

/// <summary>Rebuilds the in-memory state by applying snapshot and translog records in order.</summary>
internal static class Recovery
{
    public static void Apply(IndexCatalog catalog, LogRecord record)
    {
        switch (record.Op)
        {
            case LogOp.CreateIndex:
                if (catalog.Find(record.IndexName!) is { } stale)
                {
                    catalog.Remove(stale);
                }

                var created = Settings(record.Settings!);
                catalog.Add(record.IndexName!, record.IndexUuid, created, Mapping(record.Mapping!, MappingDefaults.From(created)), Aliases(record.Aliases!));
                break;
            case LogOp.DeleteIndex:
                if (catalog.FindByUuid(record.IndexUuid) is { } deleted)
                {
                    catalog.Remove(deleted);
                }

                break;
            case LogOp.PutMapping:
                if (catalog.FindByUuid(record.IndexUuid) is { } mapped)
                {
                    var mapping = Mapping(record.Mapping!, mapped.Mapping.Defaults);
                    mapped.Mapping = mapping;
                    mapped.Shard.MappingChanged(mapping.Compiled);
                }

                break;
            case LogOp.SetSettings:
                if (catalog.FindByUuid(record.IndexUuid) is { } configured)
                {
                    configured.Settings = Settings(record.Settings!);
                }

                break;
            case LogOp.ClusterSettings:
                var persistent = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var (key, value) in (JsonNode.Parse(record.Settings!) as JsonObject) ?? [])
                {
                    persistent[key] = value?.GetValue<string>() ?? string.Empty;
                }

                catalog.ClusterSettings.RestorePersistent(persistent);
                break;
            case LogOp.SetAliases:
                foreach (var (uuid, aliases) in record.Batch ?? [])
                {
                    if (catalog.FindByUuid(uuid) is { } aliased)
                    {
                        aliased.Aliases = Aliases(aliases);
                    }
                }

                break;
            case LogOp.IndexDoc:
                if (catalog.FindByUuid(record.IndexUuid) is { } target)
                {
                    var source = SourceBuffers.Copy(record.Source.Span);
                    ApplyParsed(target, record, source, Parse(record, source, target.Mapping));
                }

                break;
            case LogOp.PutScript:
                catalog.Scripts.Put(record.IndexUuid, System.Text.Encoding.UTF8.GetString(record.Settings!));
                break;
            case LogOp.DeleteScript:
                catalog.Scripts.Delete(record.IndexUuid);
                break;
            case LogOp.DeleteDoc:
                if (catalog.FindByUuid(record.IndexUuid) is { } source2)
                {
                    DocumentStore.ApplyDelete(source2, record.Id!, record.Version, record.SeqNo);
                }

                break;
        }
    }

    /// <summary>Parses a logged document's source (a copy the store keeps) against <paramref name="mapping"/>.</summary>
    public static DocumentParser.Result Parse(LogRecord record, byte[] source, MappingState mapping) =>
        DocumentParser.Parse(record.Id!, source, mapping, 0, 0, 0, allowDuplicateKeys: true);

    /// <summary>Applies a logged document parsed against the index's current mapping (or one that it extends).</summary>
    public static void ApplyParsed(IndexState target, LogRecord record, byte[] source, DocumentParser.Result parsed)
    {
        if (parsed.NewMapping is { } newMapping)
        {
            target.Mapping = newMapping;
            target.Shard.MappingChanged(newMapping.Compiled);
        }

        DocumentStore.Apply(target, record.Id!, parsed.Document, source, record.Version, record.SeqNo, record.Routing);
    }

    /// <summary>The records that recreate the current state (used to write a snapshot).</summary>
    public static IEnumerable<LogRecord> Capture(
        IReadOnlyList<(IndexState Index, KeyValuePair<string, DocEntry>[] Docs)> state,
        IReadOnlyDictionary<string, string>? clusterSettings = null,
        IReadOnlyList<KeyValuePair<string, string>>? scripts = null)
    {
        foreach (var (id, script) in scripts ?? [])
        {
            yield return new LogRecord { Op = LogOp.PutScript, IndexUuid = id, Settings = System.Text.Encoding.UTF8.GetBytes(script) };
        }

        if (clusterSettings is { Count: > 0 })
        {
            yield return new LogRecord { Op = LogOp.ClusterSettings, Settings = IndexCatalog.Json(IndexSettings.Render(clusterSettings, flat: true)) };
        }

        foreach (var (index, docs) in state)
        {
            yield return new LogRecord
            {
                Op = LogOp.CreateIndex,
                IndexUuid = index.Uuid,
                IndexName = index.Name,
                Settings = IndexCatalog.Json(IndexSettings.Render(index.Settings, flat: true)),
                Mapping = IndexCatalog.Json(index.Mapping.Root),
                Aliases = IndexCatalog.Json(IndexCatalog.AliasesJson(index.Aliases)),
            };
            foreach (var (id, entry) in docs.OrderBy(d => d.Value.SeqNo))
            {
                yield return new LogRecord
                {
                    Op = entry.Deleted ? LogOp.DeleteDoc : LogOp.IndexDoc,
                    IndexUuid = index.Uuid,
                    Id = id,
                    Version = entry.Version,
                    SeqNo = entry.SeqNo,
                    PrimaryTerm = entry.PrimaryTerm,
                    Source = entry.Source,
                    Routing = entry.Routing,
                };
            }
        }
    }

    private static SortedDictionary<string, string> Settings(byte[] json) =>
        IndexSettings.Flatten(JsonNode.Parse(json) as JsonObject);

    private static MappingState Mapping(byte[] json, MappingDefaults defaults) =>
        MappingState.FromNormalized((JsonNode.Parse(json) as JsonObject) ?? [], defaults);

    private static Dictionary<string, AliasMetadata> Aliases(byte[] json)
    {
        var result = new Dictionary<string, AliasMetadata>(StringComparer.Ordinal);
        if (JsonNode.Parse(json) is JsonObject aliases)
        {
            foreach (var (name, definition) in aliases)
            {
                result[name] = AliasParser.Parse(name, definition as JsonObject);
            }
        }

        return result;
    }
}
