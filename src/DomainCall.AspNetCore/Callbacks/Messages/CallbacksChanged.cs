namespace DomainCall.Callbacks;

/// <summary>Sent to a domain's desks when a callback was left or handled, so that they read the list again.</summary>
internal sealed record CallbacksChanged(string Domain);
