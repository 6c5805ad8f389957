namespace DomainCall.Engine;

/// <summary>A call offered to a desk.</summary>
internal sealed record CallOffer(
    string CallId, string Callee, CallerIdentity Caller, string Reason, string ReasonLabel, string Mode,
    DateTimeOffset RingsUntil);
