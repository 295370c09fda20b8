using System.Runtime.InteropServices;

namespace Gateway.Embeddings.Benchmarks;

/// <summary>
/// CPU time of this process (all threads) in nanoseconds, from <c>clock_gettime(CLOCK_PROCESS_CPUTIME_ID)</c>;
/// unlike wall time it barely moves when other processes compete for the cores. Falls back to
/// <see cref="Environment.CpuUsage"/> where that call is unavailable.
/// </summary>
internal static partial class ProcessCpuClock
{
    private const int ClockProcessCpuTimeId = 2;

    public static double NowMilliseconds()
    {
        if (OperatingSystem.IsLinux() && ClockGetTime(ClockProcessCpuTimeId, out var ts) == 0)
        {
            return (ts.Seconds * 1e3) + (ts.Nanoseconds / 1e6);
        }
        return Environment.CpuUsage.TotalTime.TotalMilliseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
