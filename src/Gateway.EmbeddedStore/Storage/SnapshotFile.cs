using System.Buffers;
using System.Globalization;

namespace Gateway.EmbeddedStore.Storage;

/// <summary>
/// A snapshot (<c>snapshot-{gen}.snap</c>): the whole store state as a sequence of the same
/// checksummed records as the translog, closed by a <see cref="LogOp.SnapshotEnd"/> record. It
/// covers every translog generation below <c>gen</c>. Written to a temporary file, fsynced, then
/// renamed, so a crash while writing leaves the previous snapshot in place.
/// </summary>
internal static class SnapshotFile
{
    public static string FileName(long generation) => "snapshot-" + generation.ToString("D10", CultureInfo.InvariantCulture) + ".snap";

    public static void Write(string directory, long generation, IEnumerable<LogRecord> records)
    {
        var final = Path.Combine(directory, FileName(generation));
        var temp = final + ".tmp";
        using (var file = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
        {
            var buffer = new ArrayBufferWriter<byte>(1 << 16);
            foreach (var record in records)
            {
                buffer.ResetWrittenCount();
                RecordCodec.Encode(record, buffer);
                file.Write(buffer.WrittenSpan);
            }

            buffer.ResetWrittenCount();
            RecordCodec.Encode(new LogRecord { Op = LogOp.SnapshotEnd }, buffer);
            file.Write(buffer.WrittenSpan);
            file.Flush(flushToDisk: true);
        }

        File.Move(temp, final, overwrite: true);
    }

    /// <summary>Snapshots on disk, newest first.</summary>
    public static List<(long Generation, string Path)> List(string directory) =>
        Directory.EnumerateFiles(directory, "snapshot-*.snap")
            .Select(p => (Gen: long.TryParse(Path.GetFileNameWithoutExtension(p)["snapshot-".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var g) ? g : -1, Path: p))
            .Where(p => p.Gen >= 0)
            .OrderByDescending(p => p.Gen)
            .ToList();

    /// <summary>Reads a complete snapshot; null when it is incomplete or damaged.</summary>
    public static List<LogRecord>? TryRead(string path)
    {
        var records = new List<LogRecord>();
        var complete = false;
        foreach (var record in LogReader.Read(path, out _))
        {
            if (record.Op == LogOp.SnapshotEnd)
            {
                complete = true;
                break;
            }

            records.Add(record);
        }

        return complete ? records : null;
    }
}
