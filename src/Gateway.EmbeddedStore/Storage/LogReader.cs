namespace Gateway.EmbeddedStore.Storage;

/// <summary>Reads checksummed records from a translog or snapshot file, stopping at the first torn or damaged record.</summary>
internal static class LogReader
{
    /// <summary>Reads every valid record; <paramref name="validLength"/> is the byte length of the valid prefix.</summary>
    public static List<LogRecord> Read(string path, out long validLength)
    {
        // Files are read whole: translog generations are bounded by the snapshot threshold.
        var data = File.ReadAllBytes(path);
        var records = new List<LogRecord>();
        var position = 0;
        while (position < data.Length)
        {
            var consumed = RecordCodec.TryDecode(data.AsSpan(position), out var record);
            if (consumed == 0)
            {
                break;
            }

            records.Add(record!);
            position += consumed;
        }

        validLength = position;
        return records;
    }
}
