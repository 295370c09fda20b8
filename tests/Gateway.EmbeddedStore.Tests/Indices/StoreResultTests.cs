using System.Text;
using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Indices;
using Gateway.EmbeddedStore.Tests.Infrastructure;

namespace Gateway.EmbeddedStore.Tests.Indices;

/// <summary>Version conflicts and missing indices or documents come back from the store's operations as values.</summary>
public sealed class StoreResultTests : IDisposable
{
    private readonly StoreHarness _harness = StoreHarness.InMemory();

    [Fact]
    public async Task Index_CreateOverALiveDocument_ReturnsTheConflictAndWritesNothing()
    {
        var index = await WithDocumentAsync();
        var seqNo = index.SeqNo;

        var result = _harness.Store.Documents.Index(index, "1", Encoding.UTF8.GetBytes("""{"a":2}"""), new WriteOptions { CreateOnly = true });

        Assert.False(result.TryGetValue(out _, out var error));
        Assert.Equal(409, error.Status);
        Assert.Equal("version_conflict_engine_exception", error.Type);
        Assert.Equal("[1]: version conflict, document already exists (current version [1])", error.Reason);
        Assert.Equal("v", error.Index);
        Assert.Equal(index.Uuid, error.IndexUuid);
        Assert.Equal("0", error.Metadata["shard"]);
        Assert.Equal(seqNo, index.SeqNo);
        Assert.Equal(1, index.Documents["1"].Version);
    }

    [Fact]
    public async Task Delete_WithAStaleSeqNo_ReturnsTheConflictAndKeepsTheDocument()
    {
        var index = await WithDocumentAsync();

        var result = _harness.Store.Documents.Delete(index, "1", new WriteOptions { IfSeqNo = 7, IfPrimaryTerm = 1 });

        Assert.False(result.TryGetValue(out _, out var error));
        Assert.Equal(409, error.Status);
        Assert.Equal("[1]: version conflict, required seqNo [7], primary term [1]. current document has seqNo [0] and primary term [1]", error.Reason);
        Assert.False(index.Documents["1"].Deleted);
    }

    [Fact]
    public async Task Index_WithALowerExternalVersion_ReturnsTheConflict()
    {
        var index = await WithDocumentAsync();
        var bumped = _harness.Store.Documents.Index(index, "1", Encoding.UTF8.GetBytes("""{"a":3}"""), new WriteOptions { Version = 5, VersionType = "external" });
        Assert.True(bumped.TryGetValue(out var written, out _));
        Assert.Equal(5, written.Version);

        var result = _harness.Store.Documents.Index(index, "1", Encoding.UTF8.GetBytes("""{"a":4}"""), new WriteOptions { Version = 5, VersionType = "external" });

        Assert.False(result.TryGetValue(out _, out var error));
        Assert.Equal("[1]: version conflict, current version [5] is higher or equal to the one provided [5]", error.Reason);
    }

    [Fact]
    public async Task Update_OfAMissingDocument_ReturnsDocumentMissing()
    {
        var index = await WithDocumentAsync();

        var result = _harness.Store.Updater.Update(index, "absent", new JsonObject { ["doc"] = new JsonObject { ["a"] = 1 } }, WriteOptions.None);

        Assert.False(result.TryGetValue(out _, out var error));
        Assert.Equal(404, error.Status);
        Assert.Equal("document_missing_exception", error.Type);
        Assert.Equal("[absent]: document missing", error.Reason);
        Assert.False(index.Documents.ContainsKey("absent"));
    }

    [Fact]
    public void Resolve_OfAMissingIndex_ReturnsIndexNotFound()
    {
        var result = IndexResolver.Resolve(_harness.Store.Catalog, "nope", ignoreUnavailable: false, allowNoIndices: true);

        Assert.False(result.TryGetValue(out _, out var error));
        Assert.Equal(404, error.Status);
        Assert.Equal("index_not_found_exception", error.Type);
        Assert.Equal("no such index [nope]", error.Reason);
        Assert.Equal("nope", error.Index);
        Assert.Equal("nope", error.Metadata["resource.id"]);
    }

    [Fact]
    public async Task Create_OfAnExistingIndex_ReturnsAlreadyExists()
    {
        var index = await WithDocumentAsync();

        var result = _harness.Store.Catalog.Create("v", null);

        Assert.False(result.TryGetValue(out _, out var error));
        Assert.Equal(400, error.Status);
        Assert.Equal("resource_already_exists_exception", error.Type);
        Assert.Equal("index [v/" + index.Uuid + "] already exists", error.Reason);
    }

    public void Dispose() => _harness.Dispose();

    private async Task<IndexState> WithDocumentAsync()
    {
        await _harness.OkAsync("PUT", "/v/_doc/1?refresh=true", """{"a":1}""");
        return _harness.Store.Catalog.Find("v")!;
    }
}
