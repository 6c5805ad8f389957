using DomainCall.Callbacks;
using DomainCall.Engine;
using Microsoft.AspNetCore.SignalR;

namespace DomainCall.Hosting;

/// <summary>Reaches a party's connection through the hub context.</summary>
internal sealed class SignalRPartyChannel(IHubContext<DomainCallHub> hub) : IPartyChannel
{
    public Task OfferAsync(string connectionId, CallOffer offer) => Send(connectionId, ClientEvents.CallOffered, offer);

    public Task AnsweredElsewhereAsync(string connectionId, CallAnsweredElsewhere message) =>
        Send(connectionId, ClientEvents.CallAnsweredElsewhere, message);

    public Task AcceptedAsync(string connectionId, CallAccepted message) =>
        Send(connectionId, ClientEvents.CallAccepted, message);

    public Task EndedAsync(string connectionId, CallEnded message) =>
        Send(connectionId, ClientEvents.CallEnded, message);

    public Task RelayOfferAsync(string connectionId, SessionDescription offer) =>
        Send(connectionId, ClientEvents.ReceiveOffer, offer);

    public Task RelayAnswerAsync(string connectionId, SessionDescription answer) =>
        Send(connectionId, ClientEvents.ReceiveAnswer, answer);

    public Task RelayIceCandidateAsync(string connectionId, IceCandidate candidate) =>
        Send(connectionId, ClientEvents.ReceiveIceCandidate, candidate);

    public Task DeskClosedAsync(string connectionId, DeskClosed message) =>
        Send(connectionId, ClientEvents.DeskClosed, message);

    public Task CallingBackAsync(string connectionId, CallingBack message) =>
        Send(connectionId, ClientEvents.CallingBack, message);

    public Task CallBackDeclinedAsync(string connectionId, CallBackDeclined message) =>
        Send(connectionId, ClientEvents.CallBackDeclined, message);

    public Task CallbacksChangedAsync(string connectionId, CallbacksChanged message) =>
        Send(connectionId, ClientEvents.CallbacksChanged, message);

    public Task CallbackDueAsync(string connectionId, CallbackDue message) =>
        Send(connectionId, ClientEvents.CallbackDue, message);

    private Task Send(string connectionId, string method, object message) =>
        hub.Clients.Client(connectionId).SendAsync(method, message);
}
