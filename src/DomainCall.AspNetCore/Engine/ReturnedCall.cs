namespace DomainCall.Engine;

/// <summary>A call a caller places in answer to a callback.</summary>
/// <param name="CallbackId">The callback it answers.</param>
/// <param name="DeskConnectionId">The desk that pressed "call back now" and waits for this call, if any; it alone
/// rings while it is present and free.</param>
internal sealed record ReturnedCall(string CallbackId, string? DeskConnectionId);
