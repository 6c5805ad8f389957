using System.Diagnostics;
using System.Globalization;
using System.Net;
using DomainCall.Tests.Storage;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace DomainCall.Tests.Callbacks;

/// <summary>
/// A thousand callback requests while the server process is killed with SIGKILL part-way through and restarted on
/// the same file: every request whose success reached the client is still there, exactly once.
/// </summary>
public sealed class CallbackDurabilityTests(ITestOutputHelper output) : IDisposable
{
    private const int RequestCount = 1_000;
    private const int KillAfter = 400;
    private const int InFlight = 16;

    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Submit_WithTheServerKilledPartWay_KeepsEveryConfirmedRequestExactlyOnce()
    {
        var watch = Stopwatch.StartNew();
        var storePath = _directory.Combine("callbacks.db");
        var requests = Requests(DateTimeOffset.UtcNow);
        var answers = new Answer?[RequestCount];

        using (var first = await CallbackHostProcess.StartAsync(storePath))
        {
            var confirmed = 0;
            var all = Enumerable.Range(0, RequestCount);
            await SubmitAsync(first.BaseAddress, requests, answers, all, onConfirmed: () =>
            {
                if (Interlocked.Increment(ref confirmed) == KillAfter)
                {
                    first.Kill();
                }
            });
        }

        var beforeKill = answers.Count(a => a?.Status is HttpStatusCode.Created or HttpStatusCode.OK);
        var unanswered = Enumerable.Range(0, RequestCount).Where(i => answers[i] is null).ToArray();
        var confirmedBeforeKill = answers.ToArray();
        Assert.InRange(beforeKill, KillAfter, RequestCount - 1);
        Assert.NotEmpty(unanswered);

        using (var second = await CallbackHostProcess.StartAsync(storePath))
        {
            await SubmitAsync(second.BaseAddress, requests, answers, unanswered, onConfirmed: () => { });
        }

        Assert.All(answers, a => Assert.NotNull(a));
        var rows = await ReadStoreAsync(storePath);
        for (var i = 0; i < RequestCount; i++)
        {
            var earlier = confirmedBeforeKill[i];
            if (earlier?.Id is { } id)
            {
                Assert.Equal(id, Assert.Single(rows.Callbacks, r => r.Key == requests[i].Key).Id);
            }

            if (answers[i]!.Id is { } finalId)
            {
                Assert.Equal(finalId, Assert.Single(rows.Callbacks, r => r.Key == requests[i].Key).Id);
            }
            else
            {
                Assert.Equal(HttpStatusCode.Conflict, answers[i]!.Status);
                Assert.DoesNotContain(rows.Callbacks, r => r.Key == requests[i].Key);
            }
        }

        Assert.Equal(answers.Count(a => a!.Id is not null), rows.Callbacks.Count);
        var slots = rows.Callbacks.Where(r => r.Slot is not null).Select(r => r.Slot).ToArray();
        Assert.Equal(slots.Length, slots.Distinct().Count());
        var stored = Enumerable.Range(0, RequestCount).Where(i => answers[i]!.Id is not null);
        Assert.Equal(stored.Count(i => requests[i].Voice is not null), rows.Voices);
        Assert.Equal("ok", rows.Integrity);
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Confirmed before the kill: {beforeKill}; present after the restart: {rows.Callbacks.Count} of " +
            $"{RequestCount} (the rest lost a slot to another request); run time {watch.Elapsed.TotalSeconds:F1} s."));
    }

    // A third of each kind; every tenth slot request asks for the slot of the one before, so that some lose.
    private static Request[] Requests(DateTimeOffset now)
    {
        var quarter = TimeSpan.FromMinutes(15).Ticks;
        var firstSlot = new DateTimeOffset(
            (now.AddHours(1).UtcTicks + quarter - 1) / quarter * quarter, TimeSpan.Zero);
        var voice = CallbackClient.WebmVoice;
        return [.. Enumerable.Range(0, RequestCount).Select(i =>
        {
            var key = $"durability-{i:D4}-{Guid.NewGuid():N}";
            var slotIndex = i / 3 - (i % 30 == 0 && i > 0 ? 1 : 0);
            var slot = firstSlot.AddMinutes(15 * slotIndex).UtcDateTime.ToString(
                "yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
            return (i % 3) switch
            {
                0 => new Request(key, [("kind", "slot"), ("slot", slot), ("reason", "general")], null),
                1 => new Request(key, [("kind", "asap"), ("reason", "general"), ("email", $"c{i}@example.org")], null),
                _ => new Request(
                    key, [("kind", "message"), ("reason", "general"), ("message", $"Message {i}")],
                    i % 2 == 0 ? voice : null),
            };
        })];
    }

    private static async Task SubmitAsync(
        string baseAddress, Request[] requests, Answer?[] answers, IEnumerable<int> indexes, Action onConfirmed)
    {
        using var client = new CallbackClient(baseAddress);
        await Parallel.ForEachAsync(
            indexes, new ParallelOptions { MaxDegreeOfParallelism = InFlight }, async (i, _) =>
            {
                var request = requests[i];
                try
                {
                    using var response = await client.PostAsync(request.Key, request.Fields, request.Voice);
                    if (response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK)
                    {
                        var id = (await CallbackClient.JsonAsync(response)).GetProperty("id").GetString();
                        answers[i] = new Answer(response.StatusCode, id);
                        onConfirmed();
                    }
                    else
                    {
                        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
                        answers[i] = new Answer(response.StatusCode, null);
                    }
                }
                catch (HttpRequestException)
                {
                    // The server was killed: this request got no answer, and the client will retry it.
                }
            });
    }

    private static async Task<StoreRows> ReadStoreAsync(string storePath)
    {
        await using var connection = new SqliteConnection($"Data Source={storePath};Pooling=false");
        await connection.OpenAsync();
        var callbacks = new List<(string Key, string Id, long? Slot)>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT idempotency_key, id, slot FROM callbacks";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var slot = reader.IsDBNull(2) ? (long?)null : reader.GetInt64(2);
                callbacks.Add((reader.GetString(0), reader.GetString(1), slot));
            }
        }

        await using var voices = connection.CreateCommand();
        voices.CommandText = "SELECT count(*) FROM callback_voices";
        var voiceCount = Convert.ToInt32(await voices.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        await using var integrity = connection.CreateCommand();
        integrity.CommandText = "PRAGMA integrity_check";
        return new StoreRows(callbacks, voiceCount, (string)(await integrity.ExecuteScalarAsync())!);
    }

    private sealed record Request(string Key, (string Name, string Value)[] Fields, byte[]? Voice);

    private sealed record Answer(HttpStatusCode Status, string? Id);

    private sealed record StoreRows(List<(string Key, string Id, long? Slot)> Callbacks, int Voices, string Integrity);
}
