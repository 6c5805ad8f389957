using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using DomainCall.LoadHarness;

// Measures the whole signaling path over loopback: a SignalR .NET client invokes the hub of a real Kestrel server,
// which relays through the switchboard to the desk's SignalR client. benchmarks/README.md explains the figures.

Scenario[] warmUp = [new(SignalKind.IceCandidate, 10, 200), new(SignalKind.Offer, 2, 100)];
Scenario[] scenarios =
[
    new(SignalKind.IceCandidate, 1, 500),
    new(SignalKind.IceCandidate, 10, 500),
    new(SignalKind.IceCandidate, 50, 500),
    new(SignalKind.Offer, 10, 500),

    // At a pace that leaves the cores room, so that waiting for a core does not hide how the path itself behaves.
    new(SignalKind.IceCandidate, 1, 100, TimeSpan.FromMilliseconds(20)),
    new(SignalKind.IceCandidate, 50, 100, TimeSpan.FromMilliseconds(20)),
];

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

// Every scenario is bounded in count; this bounds the whole run in time as well, should the machine stall.
using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
try
{
    await RunAsync(deadline.Token);
    return 0;
}
catch (OperationCanceledException) when (deadline.IsCancellationRequested)
{
    Console.Error.WriteLine("The load harness did not finish within two minutes and was stopped.");
    return 1;
}

async Task RunAsync(CancellationToken cancellationToken)
{
    PrintSetting(warmUp);
    await using var server = await HarnessServer.StartAsync(cancellationToken);

    foreach (var scenario in warmUp)
    {
        await LoadRun.MeasureAsync(server, scenario, cancellationToken);
    }

    var results = new List<Measurement>();
    foreach (var scenario in scenarios)
    {
        results.Add(await LoadRun.MeasureAsync(server, scenario, cancellationToken));
    }

    PrintTable(results);
}

static void PrintSetting(Scenario[] warmUp)
{
    Console.WriteLine("DomainCall load harness: the whole signaling path over SignalR, on loopback");
    Console.WriteLine(
        $"{RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}, " +
        $"{Environment.ProcessorCount} cores, {(GCSettings.IsServerGC ? "server" : "workstation")} GC");
    Console.WriteLine(
        "Kestrel on 127.0.0.1 and the SignalR .NET clients share this process; WebSockets, JSON hub protocol; " +
        "the server logs nothing.");
    Console.WriteLine(
        $"Rate limit raised to {HarnessServer.InvocationsPerSecond:N0} invocations a second, bursts of " +
        $"{HarnessServer.InvocationBurst:N0} (the allowed maxima), so that it does not throttle the harness.");
    Console.WriteLine(
        "Each call has its own caller and desk; each caller sends its signals one after another, awaiting each " +
        "invocation, while all calls run at once.");
    Console.WriteLine(
        "Latency runs from just before the caller's invocation to the desk's event handler. A warm-up of " +
        $"{warmUp.Sum(s => s.Calls * s.RelaysPerCall):N0} relays is not reported.");
    Console.WriteLine();
}

static void PrintTable(List<Measurement> results)
{
    Console.WriteLine("| signal | pace | calls | relays | median | p99 | relays/s | CPU busy |");
    Console.WriteLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
    foreach (var result in results)
    {
        var scenario = result.Scenario;
        Console.WriteLine(
            $"| {DescribeSignal(scenario.Signal)} | {DescribePace(scenario.Pace)} | {scenario.Calls} " +
            $"| {result.Relays:N0} | {result.MedianMicroseconds:N0} µs | {result.P99Microseconds:N0} µs " +
            $"| {result.RelaysPerSecond:N0} | {result.CpuBusy:P0} |");
    }

    Console.WriteLine();
    Console.WriteLine(
        "CPU busy is the process's CPU time during the relays as a share of all cores: server and clients together, " +
        "including thread-pool threads spinning while they wait for work.");
}

static string DescribeSignal(SignalKind signal) => signal switch
{
    SignalKind.IceCandidate => "ICE candidate",
    _ => $"offer, {Signals.OfferLength:N0} chars",
};

static string DescribePace(TimeSpan pace) =>
    pace == TimeSpan.Zero ? "back to back" : $"every {pace.TotalMilliseconds:N0} ms";
