namespace DomainCall.Engine;

/// <summary>Sent to the caller once a desk answered: the first time the caller learns the call id.</summary>
internal sealed record CallAccepted(string CallId, string Callee, string Mode);
