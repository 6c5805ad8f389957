using DomainCall.Callbacks;
using DomainCall.Engine;

namespace DomainCall.Benchmarks;

/// <summary>
/// Stands in for the network: every send completes at once, so that a benchmark measures the switchboard's own
/// work and none of SignalR's. It remembers the id of the last call offered to a desk, which is how a desk learns
/// a call id, so that the setup can accept the call.
/// </summary>
internal sealed class DiscardingPartyChannel : IPartyChannel
{
    public string? LastOfferedCallId { get; private set; }

    public Task OfferAsync(string connectionId, CallOffer offer)
    {
        LastOfferedCallId = offer.CallId;
        return Task.CompletedTask;
    }

    public Task AnsweredElsewhereAsync(string connectionId, CallAnsweredElsewhere message) => Task.CompletedTask;

    public Task AcceptedAsync(string connectionId, CallAccepted message) => Task.CompletedTask;

    public Task EndedAsync(string connectionId, CallEnded message) => Task.CompletedTask;

    public Task RelayOfferAsync(string connectionId, SessionDescription offer) => Task.CompletedTask;

    public Task RelayAnswerAsync(string connectionId, SessionDescription answer) => Task.CompletedTask;

    public Task DeskClosedAsync(string connectionId, DeskClosed message) => Task.CompletedTask;

    public Task CallingBackAsync(string connectionId, CallingBack message) => Task.CompletedTask;

    public Task CallBackDeclinedAsync(string connectionId, CallBackDeclined message) => Task.CompletedTask;

    public Task CallbacksChangedAsync(string connectionId, CallbacksChanged message) => Task.CompletedTask;

    public Task CallbackDueAsync(string connectionId, CallbackDue message) => Task.CompletedTask;

    public Task RelayIceCandidateAsync(string connectionId, IceCandidate candidate) => Task.CompletedTask;
}
