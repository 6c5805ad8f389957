namespace DomainCall.Callbacks;

/// <summary>The answer of <see cref="Storage.ICallbackStore.AddAsync"/>.</summary>
/// <param name="Outcome">Whether the callback was stored, and if not, why.</param>
/// <param name="Existing">For <see cref="CallbackAddOutcome.DuplicateKey"/>, the callback stored earlier with the
/// same idempotency key; otherwise <see langword="null"/>.</param>
public sealed record CallbackAddResult(CallbackAddOutcome Outcome, Callback? Existing);
