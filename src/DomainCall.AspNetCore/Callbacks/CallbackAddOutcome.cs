namespace DomainCall.Callbacks;

/// <summary>What became of a callback given to <see cref="Storage.ICallbackStore.AddAsync"/>.</summary>
public enum CallbackAddOutcome
{
    /// <summary>It was stored, durably.</summary>
    Added,

    /// <summary>
    /// Nothing was stored: the domain already has a callback with the same idempotency key, returned instead.
    /// </summary>
    DuplicateKey,

    /// <summary>Nothing was stored: another callback of the domain has booked the slot.</summary>
    SlotTaken,
}
