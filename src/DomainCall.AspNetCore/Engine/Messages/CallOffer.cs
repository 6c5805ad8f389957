namespace DomainCall.Engine;

/// <summary>
/// A call offered to a desk. <c>CallbackId</c> names the callback the call answers, when the caller returns a desk's
/// "call back now" or follows the link of a callback notice; it is null for a call placed afresh.
/// </summary>
internal sealed record CallOffer(
    string CallId, string Callee, CallerIdentity Caller, string Reason, string ReasonLabel, string Mode,
    DateTimeOffset RingsUntil, string? CallbackId = null);
