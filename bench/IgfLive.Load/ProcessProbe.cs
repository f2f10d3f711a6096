using System.Diagnostics;
using System.Globalization;

namespace IgfLive.Load;

/// <summary>Resident memory and CPU time of a process, from /proc.</summary>
internal sealed class ProcessProbe(int pid)
{
    // /proc reports CPU times in USER_HZ, which the kernel ABI fixes at 100 on Linux.
    public const double TicksPerSecond = 100;

    public int Pid { get; } = pid;

    /// <summary>VmRSS in KiB (0 when the process is gone).</summary>
    public long RssKib()
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{Pid}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    return long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture);
                }
            }
        }
        catch (IOException)
        {
        }
        return 0;
    }

    /// <summary>utime and stime (time in the kernel on the process's behalf), in seconds; zeros when the process is gone.</summary>
    public (double User, double System) CpuTimes()
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{Pid}/stat");
            // The command name (field 2) is in parentheses and may contain spaces; count fields after it.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            // fields[0] is field 3 (state): utime is field 14, stime field 15.
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) / TicksPerSecond,
                long.Parse(fields[12], CultureInfo.InvariantCulture) / TicksPerSecond);
        }
        catch (IOException)
        {
            return (0, 0);
        }
    }

    /// <summary>This process's user and system time, in seconds.</summary>
    public static (double User, double System) OwnCpuTimes()
    {
        using var self = Process.GetCurrentProcess();
        return (self.UserProcessorTime.TotalSeconds, self.PrivilegedProcessorTime.TotalSeconds);
    }

    /// <summary>The process listening on 127.0.0.1:<paramref name="port"/>, found through /proc/net/tcp and /proc/*/fd.</summary>
    public static int? FindByPort(int port)
    {
        var hexPort = port.ToString("X4", CultureInfo.InvariantCulture);
        string? inode = null;
        foreach (var table in new[] { "/proc/net/tcp", "/proc/net/tcp6" })
        {
            if (!File.Exists(table))
            {
                continue;
            }
            foreach (var line in File.ReadLines(table).Skip(1))
            {
                var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                // local_address is "ADDR:PORT"; state 0A is LISTEN; inode is field 10.
                if (parts.Length > 9 && parts[1].EndsWith(":" + hexPort, StringComparison.Ordinal) && parts[3] == "0A")
                {
                    inode = parts[9];
                    break;
                }
            }
            if (inode is not null)
            {
                break;
            }
        }
        if (inode is null)
        {
            return null;
        }
        var target = $"socket:[{inode}]";
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }
            try
            {
                foreach (var fd in Directory.EnumerateFileSystemEntries(Path.Combine(dir, "fd")))
                {
                    if (new FileInfo(fd).LinkTarget == target)
                    {
                        return pid;
                    }
                }
            }
            catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
            {
                // Another user's process, or one that just ended.
            }
        }
        return null;
    }
}

/// <summary>CPU use of a set of processes over an interval, as a percentage of one core.</summary>
internal sealed class CpuWindow
{
    private readonly IReadOnlyList<ProcessProbe> _servers;
    private readonly long _startedAt = Stopwatch.GetTimestamp();
    private readonly CpuTotals _serverStart;
    private readonly CpuTotals _ownStart = CpuTotals.Of([ProcessProbe.OwnCpuTimes()]);
    private readonly MachineTicks _machineStart = MachineTicks.Read();

    public CpuWindow(IReadOnlyList<ProcessProbe> servers)
    {
        _servers = servers;
        _serverStart = CpuTotals.Of(servers.Select(s => s.CpuTimes()));
    }

    public (double ServerPercent, double OwnPercent) Stop()
    {
        var wall = Stopwatch.GetElapsedTime(_startedAt).TotalSeconds;
        double Percent(double seconds) => 100 * seconds / wall;
        var server = CpuTotals.Of(_servers.Select(s => s.CpuTimes()));
        var own = CpuTotals.Of([ProcessProbe.OwnCpuTimes()]);
        var machine = MachineTicks.Read();
        StealPercent = machine.Total > _machineStart.Total
            ? Math.Round(100.0 * (machine.Steal - _machineStart.Steal) / (machine.Total - _machineStart.Total), 2)
            : 0;
        ServerKernelPercent = Percent(server.Kernel - _serverStart.Kernel);
        OwnKernelPercent = Percent(own.Kernel - _ownStart.Kernel);
        SoftIrqPercent = Percent((machine.SoftIrq - _machineStart.SoftIrq) / ProcessProbe.TicksPerSecond);
        return (Percent(server.All - _serverStart.All), Percent(own.All - _ownStart.All));
    }

    /// <summary>
    /// The share of the machine's CPU time that the host gave to other guests while this window
    /// was open ("steal" in /proc/stat): on a shared virtual machine, time no process here could use.
    /// </summary>
    public double StealPercent { get; private set; }

    /// <summary>The servers' time in the kernel on their own behalf (system calls: the sends), % of one core.</summary>
    public double ServerKernelPercent { get; private set; }

    /// <summary>The generator's own time in the kernel (its receives), % of one core.</summary>
    public double OwnKernelPercent { get; private set; }

    /// <summary>
    /// The machine's softirq time, every core together, % of one core: mostly the network stack's
    /// receive processing. /proc/stat counts it apart; a process that was running when it ran (a
    /// sender on loopback) has it in its system time as well.
    /// </summary>
    public double SoftIrqPercent { get; private set; }

    /// <summary>CPU seconds of some processes together: all of it, and the part in the kernel.</summary>
    private readonly record struct CpuTotals(double All, double Kernel)
    {
        public static CpuTotals Of(IEnumerable<(double User, double System)> times)
        {
            double user = 0, system = 0;
            foreach (var (u, k) in times)
            {
                user += u;
                system += k;
            }
            return new CpuTotals(user + system, system);
        }
    }

    private readonly record struct MachineTicks(long SoftIrq, long Steal, long Total)
    {
        public static MachineTicks Read()
        {
            // "cpu  user nice system idle iowait irq softirq steal …", every core together.
            var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var ticks = fields.Skip(1).Take(8).Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
            return new MachineTicks(ticks[6], ticks[7], ticks.Sum());
        }
    }
}
