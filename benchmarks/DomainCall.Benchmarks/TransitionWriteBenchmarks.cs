using BenchmarkDotNet.Attributes;
using DomainCall.Engine;
using DomainCall.Storage;
using Microsoft.Data.Sqlite;

namespace DomainCall.Benchmarks;

/// <summary>
/// The two writes the switchboard makes to the SQLite store at state transitions, side by side: a new call row, and
/// an atomic move of a ringing call to accepted. It shows that the first, which can be repeated without end and is
/// therefore the baseline of <see cref="SignalingPathBenchmarks"/>, costs what a real move costs.
/// </summary>
/// <remarks>
/// A call moves out of ringing only once, so every move needs a fresh call. The number of invocations per iteration
/// is fixed, and before each iteration as many fresh ringing calls are stored, outside the measurement.
/// </remarks>
[Config(typeof(QuickRunConfig))]
[MemoryDiagnoser]
[InvocationCount(MovesPerIteration)]
public class TransitionWriteBenchmarks
{
    private const int MovesPerIteration = 1024;

    private static readonly Domain Site = Domain.Parse("example.com");

    private readonly Queue<string> _ringingCalls = new();
    private string _directory = null!;
    private SqliteCallStore _store = null!;
    private CallRecord _ringing = null!;

    [GlobalSetup]
    public async Task SetUpAsync()
    {
        _directory = Directory.CreateTempSubdirectory("domaincall-benchmarks-").FullName;
        _store = new SqliteCallStore(Path.Combine(_directory, "domaincall.db"));
        await _store.InitializeAsync(CancellationToken.None);
        _ringing = new CallRecord(
            "template", Site, "swift-otter-42.guest.example.com", CallerKind.Guest, "general", CallMode.Video,
            CallState.Ringing, DateTimeOffset.UtcNow);
    }

    [IterationSetup(Target = nameof(MoveRingingToAccepted))]
    public void StoreRingingCalls()
    {
        _ringingCalls.Clear();
        for (var i = 0; i < MovesPerIteration; i++)
        {
            var call = _ringing with { Id = Secrets.NewToken() };
            _store.AddCallAsync(call, CancellationToken.None).GetAwaiter().GetResult();
            _ringingCalls.Enqueue(call.Id);
        }
    }

    [GlobalCleanup]
    public void CleanUp()
    {
        // Pooled connections keep the file open, and the directory cannot go while they do.
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark(Baseline = true)]
    public Task AddRingingCall() =>
        _store.AddCallAsync(_ringing with { Id = Secrets.NewToken() }, CancellationToken.None);

    [Benchmark]
    public async Task MoveRingingToAccepted()
    {
        var moved = await _store.TryMoveCallAsync(
            _ringingCalls.Dequeue(), CallState.Accepted, DateTimeOffset.UtcNow, null, CancellationToken.None);
        if (!moved)
        {
            // A move that finds no ringing call writes nothing, and would be measured as far too cheap.
            throw new InvalidOperationException("A prepared call was not ringing any more.");
        }
    }
}
