namespace DomainCall.Callbacks;

/// <summary>Sent to a domain's desks when the slot of a scheduled callback begins.</summary>
/// <param name="Domain">The domain the callback was left for.</param>
/// <param name="CallbackId">The callback.</param>
/// <param name="Slot">The start of the booked slot.</param>
/// <param name="Name">The caller as the desk should name them: the name they gave, else their identity.</param>
/// <param name="Reason">The label of the reason they picked.</param>
internal sealed record CallbackDue(string Domain, string CallbackId, DateTimeOffset Slot, string Name, string Reason);
