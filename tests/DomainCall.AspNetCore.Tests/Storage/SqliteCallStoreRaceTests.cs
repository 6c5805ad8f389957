using DomainCall.Engine;
using DomainCall.Storage;

namespace DomainCall.Tests.Storage;

/// <summary>
/// Two stores on one SQLite file, as two server processes sharing it would have, moving the same calls at the same
/// moment. The stores share a connection string, but two moves running at once always hold two different SQLite
/// connections, each with its own locks and page cache, so the file is what decides the winner.
/// </summary>
public sealed class SqliteCallStoreRaceTests : IDisposable
{
    private const int CallCount = 200;

    private static readonly DateTimeOffset Start = new(2025, 3, 14, 9, 26, 53, TimeSpan.Zero);
    private static readonly DateTimeOffset AcceptedByA = Start.AddSeconds(1);
    private static readonly DateTimeOffset MovedByB = Start.AddSeconds(2);

    private readonly TemporaryDirectory _directory = new();
    private readonly SqliteCallStore _storeA;
    private readonly SqliteCallStore _storeB;

    public SqliteCallStoreRaceTests()
    {
        var path = _directory.Combine("calls.db");
        _storeA = new SqliteCallStore(path);
        _storeB = new SqliteCallStore(path);
    }

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task InitializeAsync_TwoStoresStartingTogetherOnANewFile_BothSucceedAndShareTheCalls()
    {
        await StartTogetherAsync(
            () => _storeA.InitializeAsync(CancellationToken.None),
            () => _storeB.InitializeAsync(CancellationToken.None));

        var calls = await AddRingingCallsAsync();
        Assert.Equal(calls[0], await _storeB.FindCallAsync(calls[0].Id, CancellationToken.None));
        Assert.Equal(calls[1], await _storeA.FindCallAsync(calls[1].Id, CancellationToken.None));
    }

    [Fact]
    public async Task TryMoveCall_TwoStoresAcceptingOneCall_ExactlyOneWins()
    {
        var calls = await AddRingingCallsAsync();

        foreach (var call in calls)
        {
            var (a, b) = await RaceAsync(
                () => _storeA.TryMoveCallAsync(call.Id, CallState.Accepted, AcceptedByA, null, CancellationToken.None),
                () => _storeB.TryMoveCallAsync(call.Id, CallState.Accepted, MovedByB, null, CancellationToken.None));

            Assert.True(a != b, $"Call {call.Id}: store A's accept returned {a} and store B's returned {b}.");
            var winner = call with { State = CallState.Accepted, AcceptedAt = a ? AcceptedByA : MovedByB };
            Assert.Equal(winner, await _storeA.FindCallAsync(call.Id, CancellationToken.None));
        }
    }

    [Fact]
    public async Task TryMoveCall_AcceptRacingCancelFromAnotherStore_ExactlyOneWins()
    {
        var calls = await AddRingingCallsAsync();

        foreach (var call in calls)
        {
            var (accepted, cancelled) = await RaceAsync(
                () => _storeA.TryMoveCallAsync(call.Id, CallState.Accepted, AcceptedByA, null, CancellationToken.None),
                () => _storeB.TryMoveCallAsync(
                    call.Id, CallState.Cancelled, MovedByB, CallEndReason.Cancelled, CancellationToken.None));

            Assert.True(
                accepted != cancelled,
                $"Call {call.Id}: the accept returned {accepted} and the cancel returned {cancelled}.");
            var winner = accepted
                ? call with { State = CallState.Accepted, AcceptedAt = AcceptedByA }
                : call with { State = CallState.Cancelled, EndedAt = MovedByB, EndReason = CallEndReason.Cancelled };
            Assert.Equal(winner, await _storeB.FindCallAsync(call.Id, CancellationToken.None));
        }
    }

    private static async Task<(bool First, bool Second)> RaceAsync(Func<Task<bool>> first, Func<Task<bool>> second)
    {
        var (firstResult, secondResult) = (false, false);
        await StartTogetherAsync(async () => firstResult = await first(), async () => secondResult = await second());
        return (firstResult, secondResult);
    }

    // Starts both on thread-pool threads and lets them go only once both are waiting at the gate.
    private static async Task StartTogetherAsync(Func<Task> first, Func<Task> second)
    {
        var firstReady = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var secondReady = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var firstTask = Task.Run(async () =>
        {
            firstReady.SetResult();
            await gate.Task;
            await first();
        });
        var secondTask = Task.Run(async () =>
        {
            secondReady.SetResult();
            await gate.Task;
            await second();
        });

        await Task.WhenAll(firstReady.Task, secondReady.Task);
        gate.SetResult();
        await Task.WhenAll(firstTask, secondTask);
    }

    private async Task<List<CallRecord>> AddRingingCallsAsync()
    {
        var calls = new List<CallRecord>();
        for (var i = 0; i < CallCount; i++)
        {
            var call = TestCalls.Ringing(Start.AddSeconds(i));
            await (i % 2 == 0 ? _storeA : _storeB).AddCallAsync(call, CancellationToken.None);
            calls.Add(call);
        }

        return calls;
    }
}
