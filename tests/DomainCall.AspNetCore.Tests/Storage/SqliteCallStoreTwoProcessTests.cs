using System.Diagnostics;
using System.Globalization;
using DomainCall.Engine;
using DomainCall.Storage;

namespace DomainCall.Tests.Storage;

/// <summary>
/// Two real server processes share one SQLite file and answer the same calls at the same moment, as two servers
/// behind one site would: every call must be answered by exactly one of them.
/// </summary>
public sealed class SqliteCallStoreTwoProcessTests : IDisposable
{
    private const int CallCount = 300;

    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task TryMoveCall_TwoProcessesAnsweringTheSameCalls_EachCallHasExactlyOneWinner()
    {
        var storePath = _directory.Combine("shared.db");
        var store = new SqliteCallStore(storePath);
        var calls = Enumerable.Range(0, CallCount).Select(_ => TestCalls.Ringing(DateTimeOffset.UtcNow)).ToArray();
        foreach (var call in calls)
        {
            await store.AddCallAsync(call, default);
        }

        var callIds = calls.Select(c => c.Id).ToArray();

        var idsFile = _directory.Combine("calls.txt");
        await File.WriteAllLinesAsync(idsFile, callIds);
        var start = DateTimeOffset.UtcNow.AddSeconds(4).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

        var wins = await Task.WhenAll(
            RunRacerAsync(storePath, idsFile, start), RunRacerAsync(storePath, idsFile, start));

        var allWins = wins[0].Concat(wins[1]).ToArray();
        Assert.Equal(CallCount, allWins.Length);
        Assert.Equal(callIds.Order(StringComparer.Ordinal), allWins.Order(StringComparer.Ordinal));
        foreach (var callId in callIds)
        {
            Assert.Equal(CallState.Accepted, (await store.FindCallAsync(callId, default))!.State);
        }
    }

    private static async Task<string[]> RunRacerAsync(string storePath, string idsFile, string start)
    {
        var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = testBin.Parent!.Name;
        var racer = Path.GetFullPath(Path.Combine(
            testBin.FullName, "..", "..", "..", "..", "DomainCall.StoreRacer", "bin", configuration, testBin.Name,
            "DomainCall.StoreRacer.dll"));
        Assert.True(File.Exists(racer), $"The racer was not built at {racer}.");

        var startInfo = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { racer, storePath, idsFile, start })
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        Assert.True(process.ExitCode == 0, $"The racer failed: {await errors}");
        return (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }
}
