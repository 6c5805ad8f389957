namespace DomainCall.Hosting;

/// <summary>The names of the events the hub sends to clients, as <c>docs/protocol.md</c> lists them.</summary>
internal static class ClientEvents
{
    public const string CallOffered = "CallOffered";
    public const string CallAnsweredElsewhere = "CallAnsweredElsewhere";
    public const string CallAccepted = "CallAccepted";
    public const string CallEnded = "CallEnded";
    public const string ReceiveOffer = "ReceiveOffer";
    public const string ReceiveAnswer = "ReceiveAnswer";
    public const string ReceiveIceCandidate = "ReceiveIceCandidate";
    public const string DeskClosed = "DeskClosed";
    public const string AvailabilityChanged = "AvailabilityChanged";
    public const string CallingBack = "CallingBack";
    public const string CallBackDeclined = "CallBackDeclined";
    public const string CallbacksChanged = "CallbacksChanged";
    public const string CallbackDue = "CallbackDue";
}
