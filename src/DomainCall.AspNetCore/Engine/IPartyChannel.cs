using DomainCall.Callbacks;

namespace DomainCall.Engine;

/// <summary>
/// How the switchboard reaches a party's connection. The hosting layer implements it over SignalR; the engine
/// knows only connection ids.
/// </summary>
internal interface IPartyChannel
{
    Task OfferAsync(string connectionId, CallOffer offer);

    Task AnsweredElsewhereAsync(string connectionId, CallAnsweredElsewhere message);

    Task AcceptedAsync(string connectionId, CallAccepted message);

    Task EndedAsync(string connectionId, CallEnded message);

    Task RelayOfferAsync(string connectionId, SessionDescription offer);

    Task RelayAnswerAsync(string connectionId, SessionDescription answer);

    Task RelayIceCandidateAsync(string connectionId, IceCandidate candidate);

    Task DeskClosedAsync(string connectionId, DeskClosed message);

    Task CallingBackAsync(string connectionId, CallingBack message);

    Task CallBackDeclinedAsync(string connectionId, CallBackDeclined message);

    Task CallbacksChangedAsync(string connectionId, CallbacksChanged message);

    Task CallbackDueAsync(string connectionId, CallbackDue message);
}
