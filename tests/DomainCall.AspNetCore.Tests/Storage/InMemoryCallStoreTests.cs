using DomainCall.Engine;
using DomainCall.Hosting;
using DomainCall.Storage;
using DomainCall.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace DomainCall.Tests.Storage;

/// <summary>
/// The custom store of docs/custom-store.md, registered as the docs say, carries the whole call flow, and keeps the
/// store's promises: one winner among racing answers, one holder of a live guest name.
/// </summary>
public sealed class InMemoryCallStoreTests
{
    [Fact]
    public void Docs_ShowTheSameCodeAsThisCompiledCopy()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "docs", "custom-store.md")))
        {
            root = root.Parent ?? throw new InvalidOperationException("The repository's docs folder was not found.");
        }

        var docs = File.ReadAllText(Path.Combine(root.FullName, "docs", "custom-store.md")).ReplaceLineEndings();
        var start = docs.LastIndexOf("```csharp", StringComparison.Ordinal) + "```csharp".Length;
        var shown = docs[start..docs.IndexOf("```", start, StringComparison.Ordinal)].Trim();
        var compiled = File.ReadAllText(
            Path.Combine(root.FullName, "tests", "DomainCall.AspNetCore.Tests", "Storage", "InMemoryCallStore.cs"))
            .ReplaceLineEndings();

        // The compiled copy adds only its namespace and a comment for the tests' readers.
        var body = compiled[compiled.IndexOf("public sealed class", StringComparison.Ordinal)..].Trim();
        Assert.StartsWith(compiled[..compiled.IndexOf("namespace", StringComparison.Ordinal)].Trim(), shown);
        Assert.EndsWith(body, shown);
    }

    [Fact]
    public async Task Registered_ReplacesTheSqliteStoreAndCarriesACall()
    {
        var store = new InMemoryCallStore();
        await using var server = await SignalingServer.StartAsync(
            configureHost: host => host.Services.AddSingleton<ICallStore>(store));
        await using var desk = await server.ConnectDeskAsync();
        await using var caller = await server.ConnectAsync();

        var callId = await SignalingServer.PlaceAndAnswerAsync(desk, caller);
        await caller.SendOnlyAsync("HangUp", callId);
        await desk.NextAsync("CallEnded");

        Assert.Same(store, server.Services.GetRequiredService<ICallStore>());
        Assert.Equal(CallState.Ended, (await store.FindCallAsync(callId, default))!.State);
    }

    [Fact]
    public async Task TryMoveCall_ManyAnswersAtOnce_HasExactlyOneWinner()
    {
        var store = new InMemoryCallStore();
        var call = TestCalls.Ringing(DateTimeOffset.UnixEpoch);
        await store.AddCallAsync(call, default);

        var moves = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(() => store.TryMoveCallAsync(
            call.Id, i % 2 == 0 ? CallState.Accepted : CallState.Cancelled, DateTimeOffset.UnixEpoch, null, default))));

        Assert.Single(moves, won => won);
    }

    [Fact]
    public async Task TryAddGuestName_WhileTheFirstHolderLivesOrRests_IsRefused()
    {
        var store = new InMemoryCallStore();
        var name = Domain.Parse("calm-otter-10.guest.example.com");
        var start = DateTimeOffset.UnixEpoch;
        var cooldown = TimeSpan.FromDays(1);

        var first = new GuestName(name, start, start.AddHours(1), TestCalls.CodeHash);
        var whileAlive = new GuestName(name, start.AddMinutes(5), start.AddHours(2), TestCalls.CodeHash);
        var beforeRemoval = new GuestName(name, start.AddHours(2), start.AddHours(3), TestCalls.CodeHash);
        var duringCooldown = new GuestName(name, start.AddHours(20), start.AddHours(21), TestCalls.CodeHash);
        var afterCooldown = new GuestName(name, start.AddHours(26), start.AddHours(27), TestCalls.CodeHash);

        Assert.True(await store.TryAddGuestNameAsync(first, cooldown, default));
        Assert.False(await store.TryAddGuestNameAsync(whileAlive, cooldown, default));
        Assert.False(await store.TryAddGuestNameAsync(beforeRemoval, cooldown, default));
        await store.MarkGuestNameRemovedAsync(name, start.AddHours(2), default);
        Assert.False(await store.TryAddGuestNameAsync(duringCooldown, cooldown, default));
        Assert.True(await store.TryAddGuestNameAsync(afterCooldown, cooldown, default));
        Assert.Equal([afterCooldown], await store.ListPublishedGuestNamesAsync(default));
    }
}
