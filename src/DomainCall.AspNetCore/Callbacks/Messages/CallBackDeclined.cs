namespace DomainCall.Callbacks;

/// <summary>Sent to the desk that called a caller back when the caller declines.</summary>
internal sealed record CallBackDeclined(string CallbackId);
