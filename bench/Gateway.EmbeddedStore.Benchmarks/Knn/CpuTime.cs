using System.Runtime.InteropServices;

namespace Gateway.EmbeddedStore.Benchmarks.Knn;

/// <summary>
/// Process CPU time with microsecond resolution (getrusage on Linux); Process.TotalProcessorTime
/// has 10 ms resolution there, too coarse for single queries.
/// </summary>
internal static class CpuTime
{
    private const int RusageSelf = 0;

    public static double Milliseconds()
    {
        if (!OperatingSystem.IsLinux())
        {
            return System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds;
        }

        var usage = default(RUsage);
        _ = GetRUsage(RusageSelf, ref usage);
        return ((usage.UserSeconds + usage.SystemSeconds) * 1000.0) + ((usage.UserMicros + usage.SystemMicros) / 1000.0);
    }

#pragma warning disable SYSLIB1054 // LibraryImport would need unsafe code in this project.
    [DllImport("libc", EntryPoint = "getrusage")]
    private static extern int GetRUsage(int who, ref RUsage usage);
#pragma warning restore SYSLIB1054

    [StructLayout(LayoutKind.Sequential)]
    private struct RUsage
    {
        public long UserSeconds;
        public long UserMicros;
        public long SystemSeconds;
        public long SystemMicros;
        public long MaxRss;
        public long IxRss;
        public long IdRss;
        public long IsRss;
        public long MinFlt;
        public long MajFlt;
        public long NSwap;
        public long InBlock;
        public long OuBlock;
        public long MsgSnd;
        public long MsgRcv;
        public long NSignals;
        public long NVcsw;
        public long NIvcsw;
    }
}
