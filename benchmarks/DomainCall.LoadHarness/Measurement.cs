using System.Diagnostics;

namespace DomainCall.LoadHarness;

/// <summary>
/// What one scenario measured: the latency of each relay, from just before the caller's invocation to the desk's
/// event handler, and the relays of all calls together per second of wall-clock time.
/// </summary>
/// <param name="CpuBusy">The process's CPU time during the relays, as a share of all the machine's cores.</param>
internal sealed record Measurement(
    Scenario Scenario, int Relays, double MedianMicroseconds, double P99Microseconds, double RelaysPerSecond,
    double CpuBusy)
{
    public static Measurement From(Scenario scenario, long[] latencyTicks, TimeSpan elapsed, TimeSpan cpuTime)
    {
        ArgumentNullException.ThrowIfNull(latencyTicks);

        Array.Sort(latencyTicks);
        return new Measurement(
            scenario,
            latencyTicks.Length,
            Microseconds(Percentile(latencyTicks, 0.50)),
            Microseconds(Percentile(latencyTicks, 0.99)),
            latencyTicks.Length / elapsed.TotalSeconds,
            cpuTime / (elapsed * Environment.ProcessorCount));
    }

    // Nearest rank: the smallest value that at least the given share of all values is at or below.
    private static long Percentile(long[] sorted, double share) =>
        sorted[(int)Math.Ceiling(share * sorted.Length) - 1];

    private static double Microseconds(long ticks) => ticks * 1_000_000.0 / Stopwatch.Frequency;
}
