using System.Text.Json.Nodes;
using Elastic.Clients.Elasticsearch;
using Gateway.TestModels;
using TransportMethod = Elastic.Transport.HttpMethod;

namespace Gateway.Tests.Infrastructure;

/// <summary>
/// Seeds an upstream through the gateway itself: <c>photos_v1</c> (alias <c>photos</c>): one photo per colour and
/// album (a, b) whose <c>clip_image</c> is the gateway's embedding of a solid JPEG of that colour;
/// <c>peaks_catalog</c>: one "peak" per colour whose prototype is the raw text embedding of the colour word, with
/// aliases in several spellings. The same data for the embedded store and for a real Elasticsearch.
/// </summary>
internal static class ColorPhotoSeeder
{
    private static readonly string[] Albums = ["a", "b"];

    public static async Task SeedAsync(ElasticsearchClient client, HttpClient gateway, int dimensions)
    {
        await client.OkAsync(TransportMethod.PUT, "/photos_v1", $$$"""
            {"mappings":{"properties":{
              "path":{"type":"keyword"},"color":{"type":"keyword"},"album":{"type":"keyword"},
              "clip_image":{"type":"dense_vector","dims":{{{dimensions}}},"index":true,"similarity":"cosine"} } } }
            """);
        await client.OkAsync(TransportMethod.POST, "/_aliases", """{"actions":[{"add":{"index":"photos_v1","alias":"photos"}}]}""");
        await client.OkAsync(TransportMethod.PUT, "/peaks_catalog", $$$"""
            {"mappings":{"properties":{
              "id":{"type":"keyword"},"names":{"type":"text","fields":{"raw":{"type":"keyword"} } },
              "text_embed":{"type":"dense_vector","dims":{{{dimensions}}},"index":true,"similarity":"cosine"} } } }
            """);

        var bulk = new System.Text.StringBuilder();
        foreach (var color in TestColor.All)
        {
            var image = await EmbedImageAsync(gateway, TestImages.SolidJpeg(color));
            foreach (var album in Albums)
            {
                bulk.Append($$$"""{"index":{"_index":"photos","_id":"{{{color.Name}}}-{{{album}}}"}}""").Append('\n');
                bulk.Append(new JsonObject { ["path"] = $"{album}/{color.Name}.jpg", ["color"] = color.Name, ["album"] = album, ["clip_image"] = image.DeepClone() }.ToJsonString()).Append('\n');
            }

            var prototype = await EmbedRawTextAsync(gateway, color.Name);
            var names = new JsonArray(Capitalized(color.Name) + " Peak", color.Name + "-berg");
            if (color.Name == "red")
            {
                names.Add("Pico Rojo");
                names.Add("赤岳");
            }

            bulk.Append($$$"""{"index":{"_index":"peaks_catalog","_id":"{{{color.Name}}}_peak"}}""").Append('\n');
            bulk.Append(new JsonObject { ["id"] = color.Name + "_peak", ["names"] = names, ["text_embed"] = prototype.DeepClone() }.ToJsonString()).Append('\n');
        }

        var result = await client.OkAsync(TransportMethod.POST, "/_bulk?refresh=true", bulk.ToString());
        Assert.False(result["errors"]!.GetValue<bool>(), result.ToJsonString());
    }

    private static async Task<JsonArray> EmbedImageAsync(HttpClient gateway, byte[] image)
    {
        var response = await gateway.PostAsync("/_gateway/embed", EsRequests.Json(new JsonObject { ["image"] = Convert.ToBase64String(image) }.ToJsonString()));
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(response.IsSuccessStatusCode, json.ToJsonString());
        return json["image"]!["vector"]!.AsArray();
    }

    private static async Task<JsonArray> EmbedRawTextAsync(HttpClient gateway, string text)
    {
        var response = await gateway.PostAsync("/_gateway/embed", EsRequests.Json(new JsonObject { ["text"] = text, ["raw"] = true }.ToJsonString()));
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(response.IsSuccessStatusCode, json.ToJsonString());
        return json["texts"]![0]!["vector"]!.AsArray();
    }

    private static string Capitalized(string word) => char.ToUpperInvariant(word[0]) + word[1..];
}
