namespace DomainCall.Engine;

/// <summary>
/// Sent to each party when a call reaches a final state. The caller gets no call id for a call nobody answered.
/// </summary>
internal sealed record CallEnded(string? CallId, string State, string EndReason);
