using System.Diagnostics;

namespace Gateway.Benchmarks;

/// <summary>
/// <c>--pin</c>: the upstream gets core 0 to itself, the proxy (gateway or bare YARP) and the load generator share
/// core 1, through <c>taskset</c> (Linux). The upstream then has the same CPU whether it is reached directly or
/// through a proxy, as a cluster on its own machines has; without it, every part competes for both cores.
/// </summary>
internal sealed class CpuPinning
{
    private CpuPinning(string? upstream, string? front)
    {
        UpstreamCpus = upstream;
        FrontCpus = front;
    }

    /// <summary>No pinning: the scheduler places every process.</summary>
    public static CpuPinning None { get; } = new(null, null);

    /// <summary>Core list for the upstream process (null: not pinned).</summary>
    public string? UpstreamCpus { get; }

    /// <summary>Core list for the proxy and the load generator (null: not pinned).</summary>
    public string? FrontCpus { get; }

    public bool IsPinned => UpstreamCpus is not null;

    /// <summary>The split described above; refuses machines where it cannot be done (under 2 cores, no taskset).</summary>
    public static CpuPinning UpstreamApart()
    {
        if (Environment.ProcessorCount < 2)
        {
            throw new InvalidOperationException("--pin needs at least 2 cores");
        }

        try
        {
            using var probe = Process.Start(new ProcessStartInfo("taskset", "-c 0 true") { UseShellExecute = false, RedirectStandardError = true })!;
            probe.WaitForExit(5000);
            if (probe.ExitCode != 0)
            {
                throw new InvalidOperationException("--pin: taskset -c 0 failed: " + probe.StandardError.ReadToEnd());
            }
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new InvalidOperationException("--pin needs taskset (util-linux, Linux only)");
        }

        return new CpuPinning("0", Environment.ProcessorCount == 2 ? "1" : $"1-{Environment.ProcessorCount - 1}");
    }

    /// <summary>A start info for <paramref name="program"/> run on <paramref name="cpus"/> (as is when null).</summary>
    public static ProcessStartInfo StartInfo(string program, string? cpus, IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo(cpus is null ? program : "taskset") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (cpus is not null)
        {
            info.ArgumentList.Add("-c");
            info.ArgumentList.Add(cpus);
            info.ArgumentList.Add(program);
        }

        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        return info;
    }

    public string Describe() => IsPinned ? $"upstream on core {UpstreamCpus}, proxy and load generator on core {FrontCpus}" : "no pinning: all processes share every core";
}
