using System.Diagnostics;

namespace DomainCall.LoadHarness;

/// <summary>Runs one scenario against the server: sets up its calls, measures their relays, hangs them up.</summary>
internal static class LoadRun
{
    public static async Task<Measurement> MeasureAsync(
        HarnessServer server, Scenario scenario, CancellationToken cancellationToken)
    {
        var calls = await EstablishCallsAsync(server, scenario, cancellationToken);
        try
        {
            // Garbage left by setting up the calls is collected here, so that the relays do not pay for it.
            GC.Collect();
            GC.WaitForPendingFinalizers();

            var cpuBefore = Environment.CpuUsage.TotalTime;
            var start = Stopwatch.GetTimestamp();
            await Task.WhenAll(calls.Select((call, index) => RelayAsync(call, index, scenario, cancellationToken)));
            var elapsed = Stopwatch.GetElapsedTime(start);
            var cpuTime = Environment.CpuUsage.TotalTime - cpuBefore;

            return Measurement.From(scenario, [.. calls.SelectMany(call => call.LatencyTicks())], elapsed, cpuTime);
        }
        finally
        {
            await DisposeAllAsync(calls);
        }
    }

    // Paced calls start spread over one period, so that their signals do not all reach the server at the same
    // moment of each period.
    private static Task RelayAsync(
        AnsweredCall call, int index, Scenario scenario, CancellationToken cancellationToken) =>
        call.RelayAsync(scenario.Signal, scenario.Pace, scenario.Pace * index / scenario.Calls, cancellationToken);

    // One call at a time: while a call is placed, every earlier desk is busy in its own call, so the new call rings
    // only the desk that was connected for it.
    private static async Task<List<AnsweredCall>> EstablishCallsAsync(
        HarnessServer server, Scenario scenario, CancellationToken cancellationToken)
    {
        var calls = new List<AnsweredCall>(scenario.Calls);
        try
        {
            for (var i = 0; i < scenario.Calls; i++)
            {
                calls.Add(await AnsweredCall.EstablishAsync(server, scenario.RelaysPerCall, cancellationToken));
            }

            return calls;
        }
        catch
        {
            await DisposeAllAsync(calls);
            throw;
        }
    }

    private static Task DisposeAllAsync(List<AnsweredCall> calls) =>
        Task.WhenAll(calls.Select(call => call.DisposeAsync().AsTask()));
}
