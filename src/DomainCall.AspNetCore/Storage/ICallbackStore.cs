using DomainCall.Callbacks;
using DomainCall.Engine;

namespace DomainCall.Storage;

/// <summary>
/// Keeps the callbacks and messages callers leave when nobody answers, with their voice recordings. The default is
/// the SQLite file of <see cref="ICallStore"/>; <c>docs/callbacks.md</c> shows a complete store of another kind.
/// </summary>
/// <remarks>
/// A store promises three things: a callback it reports added is durable, voice included; one domain never has two
/// callbacks with the same idempotency key; and one domain never has two slot callbacks for the same slot, even when
/// several servers add at the same moment.
/// </remarks>
public interface ICallbackStore
{
    /// <summary>Creates or migrates the store's tables. Called once at start; must be safe to call again.</summary>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task that completes when the store is ready.</returns>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Adds a callback and its voice message in one atomic, durable step, unless the domain has a callback with the
    /// same <see cref="Callback.IdempotencyKey"/> (checked first) or, for a slot, one that booked the same
    /// <see cref="Callback.Slot"/>.
    /// </summary>
    /// <param name="callback">The callback.</param>
    /// <param name="voice">Its voice message, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>Whether it was added, and if not, why.</returns>
    Task<CallbackAddResult> AddAsync(Callback callback, CallbackVoice? voice, CancellationToken cancellationToken);

    /// <summary>Finds a callback of a domain by its id.</summary>
    /// <param name="domain">The domain.</param>
    /// <param name="id">The callback's id.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The callback, or <see langword="null"/> when the domain has none with that id.</returns>
    Task<Callback?> FindAsync(Domain domain, string id, CancellationToken cancellationToken);

    /// <summary>Finds a callback by its id, whatever its domain: a caller's link names no domain.</summary>
    /// <param name="id">The callback's id.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The callback, or <see langword="null"/> when there is none with that id.</returns>
    Task<Callback?> FindAsync(string id, CancellationToken cancellationToken);

    /// <summary>Finds a callback of a domain by the idempotency key it was submitted with.</summary>
    /// <param name="domain">The domain.</param>
    /// <param name="idempotencyKey">The key.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The callback, or <see langword="null"/> when the domain has none with that key.</returns>
    Task<Callback?> FindByIdempotencyKeyAsync(
        Domain domain, string idempotencyKey, CancellationToken cancellationToken);

    /// <summary>
    /// Lists a domain's open callbacks (new and scheduled) or its handled ones: scheduled by slot, then new by
    /// creation, oldest first; handled ones most recently handled first.
    /// </summary>
    /// <param name="domain">The domain.</param>
    /// <param name="handled"><see langword="true"/> for handled callbacks; <see langword="false"/> for open ones.
    /// </param>
    /// <param name="limit">How many callbacks at most.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The callbacks, in the order above.</returns>
    Task<IReadOnlyList<Callback>> ListAsync(
        Domain domain, bool handled, int limit, CancellationToken cancellationToken);

    /// <summary>Lists the slots of a domain that slot callbacks have booked, handled or not.</summary>
    /// <param name="domain">The domain.</param>
    /// <param name="from">The earliest slot start, included.</param>
    /// <param name="until">The latest slot start, excluded.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The booked slot starts, in order.</returns>
    Task<IReadOnlyList<DateTimeOffset>> ListBookedSlotsAsync(
        Domain domain, DateTimeOffset from, DateTimeOffset until, CancellationToken cancellationToken);

    /// <summary>Marks a callback handled at <paramref name="at"/>, unless it is handled already.</summary>
    /// <param name="domain">The domain.</param>
    /// <param name="id">The callback's id.</param>
    /// <param name="at">When it was handled.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns><see langword="true"/> when this call marked it; <see langword="false"/> when it was handled
    /// already, or does not exist.</returns>
    Task<bool> MarkHandledAsync(Domain domain, string id, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Gets a callback's voice message.</summary>
    /// <param name="domain">The domain.</param>
    /// <param name="id">The callback's id.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The recording, or <see langword="null"/> when the callback has none.</returns>
    Task<CallbackVoice?> FindVoiceAsync(Domain domain, string id, CancellationToken cancellationToken);

    /// <summary>
    /// Forgets a Web Push subscription on every callback that carries it, as when its push service answers that it
    /// is gone.
    /// </summary>
    /// <param name="endpoint">The subscription's endpoint address.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>How many callbacks carried it.</returns>
    Task<int> RemovePushAsync(string endpoint, CancellationToken cancellationToken);

    /// <summary>
    /// Lists the scheduled callbacks, of every domain, whose slot starts at or before <paramref name="at"/> and of
    /// which nobody was reminded yet, earliest slot first.
    /// </summary>
    /// <param name="at">The time to compare slots with, usually now.</param>
    /// <param name="limit">How many callbacks at most.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The callbacks that are due.</returns>
    Task<IReadOnlyList<Callback>> ListDueAsync(DateTimeOffset at, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Marks that the desk and the caller were reminded of a scheduled callback, unless someone was already; of two
    /// servers marking at once, exactly one succeeds.
    /// </summary>
    /// <param name="domain">The domain.</param>
    /// <param name="id">The callback's id.</param>
    /// <param name="at">When the reminder went out.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns><see langword="true"/> when this call marked it.</returns>
    Task<bool> MarkRemindedAsync(Domain domain, string id, DateTimeOffset at, CancellationToken cancellationToken);
}
