using Gateway.EmbeddedStore.Indices;

namespace Gateway.EmbeddedStore.Storage;

/// <summary>Persists the cluster uuid in the data folder so that it survives restarts.</summary>
internal static class ClusterIdentity
{
    public static string LoadOrCreate(string dataPath)
    {
        var path = Path.Combine(dataPath, "cluster_uuid");
        if (File.Exists(path))
        {
            var existing = File.ReadAllText(path).Trim();
            if (existing.Length > 0)
            {
                return existing;
            }
        }

        var uuid = Ids.NewUuid();
        var temp = path + ".tmp";
        File.WriteAllText(temp, uuid);
        File.Move(temp, path, overwrite: true);
        return uuid;
    }
}
