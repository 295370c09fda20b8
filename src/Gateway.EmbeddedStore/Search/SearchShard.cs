using Gateway.EmbeddedStore.Documents;
using Gateway.EmbeddedStore.Mapping;
using Gateway.EmbeddedStore.Search.Index;
using Gateway.EmbeddedStore.Search.Knn;

namespace Gateway.EmbeddedStore.Search;

/// <summary>
/// The searchable side of one index. Writers queue changes; <see cref="Refresh"/> applies them to
/// an append-only document table and publishes a new immutable <see cref="ShardSnapshot"/>.
/// Replaced and deleted documents leave dead slots that a refresh compacts away when they
/// outnumber the live ones.
/// </summary>
internal sealed class SearchShard : ISearchShard
{
    private readonly object _gate = new();
    private readonly Dictionary<string, ParsedDocument?> _pending = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _ordinals = new(StringComparer.Ordinal);
    private readonly Dictionary<string, VectorColumn> _vectors = new(StringComparer.Ordinal);
    private ParsedDocument?[] _docs = new ParsedDocument?[16];
    private int _maxDoc;
    private IndexMapping _mapping;
    private bool _mappingDirty;
    private volatile ShardSnapshot _snapshot;

    /// <summary>Creates an empty shard for an index with this mapping.</summary>
    public SearchShard(string indexName, IndexMapping mapping)
    {
        IndexName = indexName;
        _mapping = mapping;
        _snapshot = ShardSnapshot.Empty(mapping);
    }

    /// <summary>The index this shard belongs to.</summary>
    public string IndexName { get; }

    /// <inheritdoc />
    public long VisibleCount => _snapshot.LiveCount;

    internal ShardSnapshot Snapshot => _snapshot;

    /// <summary>Bytes of vector storage per stored vector, by field (for diagnostics and benchmarks).</summary>
    public IReadOnlyDictionary<string, int> VectorBytesPerVector
    {
        get
        {
            lock (_gate)
            {
                return _vectors.ToDictionary(v => v.Key, v => v.Value.BytesPerVector, StringComparer.Ordinal);
            }
        }
    }

    /// <inheritdoc />
    public void Upsert(ParsedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        lock (_gate)
        {
            _pending[document.Id] = document;
        }
    }

    /// <inheritdoc />
    public void Delete(string id)
    {
        lock (_gate)
        {
            _pending[id] = null;
        }
    }

    /// <inheritdoc />
    public void MappingChanged(IndexMapping mapping)
    {
        lock (_gate)
        {
            _mapping = mapping;
            _mappingDirty = true;
        }
    }

    /// <inheritdoc />
    public void Refresh()
    {
        lock (_gate)
        {
            if (_pending.Count == 0 && !_mappingDirty)
            {
                return;
            }

            var previous = _snapshot;
            var live = previous.Live.CopyResized(Math.Max(_maxDoc + _pending.Count, 64));
            var liveCount = previous.LiveCount;
            foreach (var (id, doc) in _pending)
            {
                if (_ordinals.Remove(id, out var old))
                {
                    live.Clear(old);
                    liveCount--;
                }

                if (doc is null)
                {
                    continue;
                }

                var ord = Append(doc);
                live.Set(ord);
                liveCount++;
                _ordinals[id] = ord;
            }

            _pending.Clear();
            _mappingDirty = false;
            if (_maxDoc > 1024 && liveCount < _maxDoc / 2)
            {
                live = Compact(live);
            }

            _snapshot = BuildSnapshot(live, liveCount);
        }
    }

    private int Append(ParsedDocument doc)
    {
        if (_maxDoc == _docs.Length)
        {
            var grown = new ParsedDocument?[_docs.Length * 2];
            Array.Copy(_docs, grown, _maxDoc);
            _docs = grown;
        }

        var ord = _maxDoc++;
        _docs[ord] = doc;
        foreach (var (path, values) in doc.Fields)
        {
            if (values.Vector is not { } vector || values.Mapping.Kind != FieldKind.DenseVector)
            {
                continue;
            }

            if (!_vectors.TryGetValue(path, out var column) || column.Dims != vector.Length)
            {
                column = new VectorColumn(path, vector.Length, values.Mapping.Similarity ?? VectorSimilarity.Cosine, values.Mapping.ElementType);
                _vectors[path] = column;
                BackfillColumn(column, ord);
            }

            column.Set(ord, vector);
        }

        return ord;
    }

    // A column created after documents already exist (new field or changed dims) re-reads them.
    private void BackfillColumn(VectorColumn column, int upTo)
    {
        for (var ord = 0; ord < upTo; ord++)
        {
            if (_docs[ord] is { } doc && doc.Fields.TryGetValue(column.Field, out var values) && values.Vector is { } v && v.Length == column.Dims)
            {
                column.Set(ord, v);
            }
        }
    }

    private DocBits Compact(DocBits live)
    {
        var survivors = live.ToArray().Select(ord => _docs[ord]!).ToList();
        _docs = new ParsedDocument?[Math.Max(16, survivors.Count * 2)];
        _maxDoc = 0;
        _ordinals.Clear();
        var fields = _vectors.Values.Select(c => (c.Field, c.Dims, c.Similarity, c.ElementType)).ToList();
        _vectors.Clear();
        foreach (var (field, dims, similarity, elementType) in fields)
        {
            _vectors[field] = new VectorColumn(field, dims, similarity, elementType);
        }

        var compacted = new DocBits(Math.Max(survivors.Count, 64));
        foreach (var doc in survivors)
        {
            var ord = Append(doc);
            compacted.Set(ord);
            _ordinals[doc.Id] = ord;
        }

        return compacted;
    }

    private ShardSnapshot BuildSnapshot(DocBits live, int liveCount)
    {
        var views = _vectors.ToDictionary(v => v.Key, v => new VectorColumnView(v.Value, _maxDoc), StringComparer.Ordinal);
        var bits = live.Length == _maxDoc ? live : live.CopyResized(_maxDoc);
        return new ShardSnapshot(_docs, _maxDoc, bits, liveCount, _mapping, views);
    }
}
