using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace DomainCall.Tests.Hosting;

/// <summary>
/// A SignalR connection that records every event the hub sends it, in order, as the JSON a client written from
/// docs/protocol.md would see.
/// </summary>
public sealed class TestClient : IAsyncDisposable
{
    public static readonly string[] EventNames =
    [
        "CallOffered", "CallAnsweredElsewhere", "CallAccepted", "CallEnded", "ReceiveOffer", "ReceiveAnswer",
        "ReceiveIceCandidate", "DeskClosed", "AvailabilityChanged", "CallingBack", "CallBackDeclined",
        "CallbacksChanged", "CallbackDue",
    ];

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private readonly Channel<(string Name, JsonElement Payload)> _events =
        Channel.CreateUnbounded<(string, JsonElement)>();

    private readonly ConcurrentQueue<string> _everything = new();

    public TestClient(HubConnection connection)
    {
        Connection = connection;
        foreach (var name in EventNames)
        {
            connection.On<JsonElement>(name, payload =>
            {
                _everything.Enqueue(payload.GetRawText());
                _events.Writer.TryWrite((name, payload));
            });
        }
    }

    public HubConnection Connection { get; }

    /// <summary>Gets the raw text of every event received so far.</summary>
    public IReadOnlyCollection<string> Received => _everything;

    /// <summary>Waits for the next event and checks that it is the one expected.</summary>
    public async Task<JsonElement> NextAsync(string expectedName)
    {
        var (name, payload) = await _events.Reader.ReadAsync().AsTask().WaitAsync(Patience);
        Assert.True(name == expectedName, $"Expected {expectedName} but received {name}: {payload.GetRawText()}");
        return payload;
    }

    /// <summary>Gets whether an event is waiting that was not read yet.</summary>
    public bool HasUnreadEvent => _events.Reader.TryPeek(out _);

    public async Task<JsonElement> InvokeAsync(string method, params object?[] args) =>
        await Connection.InvokeCoreAsync<JsonElement>(method, args);

    /// <summary>Asks for a guest name and proves it with its code, and returns what <c>GetIdentity</c> gave.</summary>
    public async Task<JsonElement> ProveGuestNameAsync()
    {
        var identity = await InvokeAsync("GetIdentity");
        await InvokeAsync(
            "ProveIdentity", identity.GetProperty("name").GetString(), identity.GetProperty("code").GetString());
        return identity;
    }

    public Task SendOnlyAsync(string method, params object?[] args) => Connection.InvokeCoreAsync(method, args);

    /// <summary>
    /// Gets the <c>code: sentence</c> part of a refusal. SignalR sends a hub's error as
    /// "An unexpected error occurred invoking 'Method' on the server. HubException: code: sentence".
    /// </summary>
    public static string Refusal(HubException error)
    {
        const string Marker = "HubException: ";
        var start = error.Message.IndexOf(Marker, StringComparison.Ordinal);
        Assert.True(start >= 0, $"Not a refusal of the hub: {error.Message}");
        return error.Message[(start + Marker.Length)..];
    }

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();
}
