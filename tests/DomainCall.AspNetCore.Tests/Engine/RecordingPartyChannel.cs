using System.Collections.Concurrent;
using System.Threading.Channels;
using DomainCall.Callbacks;
using DomainCall.Engine;

namespace DomainCall.Tests.Engine;

/// <summary>
/// Records what the switchboard sends to each connection. The engine is tested here on its own, as the design keeps
/// it free of SignalR, with time under the test's control; the hub tests cover the real SignalR channel.
/// </summary>
internal sealed class RecordingPartyChannel : IPartyChannel
{
    private readonly ConcurrentDictionary<string, Channel<object>> _inboxes = new();

    public Task OfferAsync(string connectionId, CallOffer offer) => Record(connectionId, offer);

    public Task AnsweredElsewhereAsync(string connectionId, CallAnsweredElsewhere message) =>
        Record(connectionId, message);

    public Task AcceptedAsync(string connectionId, CallAccepted message) => Record(connectionId, message);

    public Task EndedAsync(string connectionId, CallEnded message) => Record(connectionId, message);

    public Task RelayOfferAsync(string connectionId, SessionDescription offer) => Record(connectionId, offer);

    public Task RelayAnswerAsync(string connectionId, SessionDescription answer) => Record(connectionId, answer);

    public Task DeskClosedAsync(string connectionId, DeskClosed message) => Record(connectionId, message);

    public Task CallingBackAsync(string connectionId, CallingBack message) => Record(connectionId, message);

    public Task CallBackDeclinedAsync(string connectionId, CallBackDeclined message) => Record(connectionId, message);

    public Task CallbacksChangedAsync(string connectionId, CallbacksChanged message) => Record(connectionId, message);

    public Task CallbackDueAsync(string connectionId, CallbackDue message) => Record(connectionId, message);

    public Task RelayIceCandidateAsync(string connectionId, IceCandidate candidate) =>
        Record(connectionId, candidate);

    /// <summary>Waits for the next message to a connection and checks its type.</summary>
    public async Task<T> NextAsync<T>(string connectionId)
    {
        var message = await Inbox(connectionId).Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        return Assert.IsType<T>(message);
    }

    public bool HasUnread(string connectionId) => Inbox(connectionId).Reader.TryPeek(out _);

    private Task Record(string connectionId, object message)
    {
        Inbox(connectionId).Writer.TryWrite(message);
        return Task.CompletedTask;
    }

    private Channel<object> Inbox(string connectionId) =>
        _inboxes.GetOrAdd(connectionId, _ => Channel.CreateUnbounded<object>());
}
