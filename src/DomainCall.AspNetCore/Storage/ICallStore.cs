using DomainCall.Availability;
using DomainCall.Engine;

namespace DomainCall.Storage;

/// <summary>
/// Keeps what must outlive a connection or a process: the call log, guest names, owner keys,
/// the members of domains with their invitations, and out-of-office switches. The default is a
/// SQLite file; a store for another database implements these few methods.
/// </summary>
/// <remarks>
/// A store must make <see cref="TryMoveCallAsync"/> atomic: when two servers answer one call at the same moment,
/// exactly one move succeeds. Every method that reports success must have made its change durable.
/// </remarks>
public interface ICallStore
{
    /// <summary>Creates or migrates the store's tables. Called once at start; must be safe to call again.</summary>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task that completes when the store is ready.</returns>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>Adds a new call to the log.</summary>
    /// <param name="record">The call, usually <see cref="CallState.Ringing"/>.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task that completes when the call is stored.</returns>
    Task AddCallAsync(CallRecord record, CancellationToken cancellationToken);

    /// <summary>
    /// Moves a call to <paramref name="target"/> if, and only if, its current state is one of
    /// <see cref="CallStates.SourcesOf"/> <paramref name="target"/>, and stamps the time of the move.
    /// </summary>
    /// <param name="callId">The call id.</param>
    /// <param name="target">The new state.</param>
    /// <param name="at">When the move happened: the accepted, connected or ended time, by the new state.</param>
    /// <param name="endReason">Why the call ended, for a final state.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns><see langword="true"/> when this move was applied; <see langword="false"/> when another won.</returns>
    Task<bool> TryMoveCallAsync(
        string callId,
        CallState target,
        DateTimeOffset at,
        CallEndReason? endReason,
        CancellationToken cancellationToken);

    /// <summary>Finds a call by its id.</summary>
    /// <param name="callId">The call id.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The call, or <see langword="null"/> when there is none with that id.</returns>
    Task<CallRecord?> FindCallAsync(string callId, CancellationToken cancellationToken);

    /// <summary>Lists the latest calls to a domain, newest first.</summary>
    /// <param name="callee">The domain that was called.</param>
    /// <param name="limit">How many calls at most.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The calls, newest first.</returns>
    Task<IReadOnlyList<CallRecord>> ListCallsAsync(Domain callee, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Reserves a guest name, with the hash of its code, unless the name is taken: a name is taken while it is
    /// alive, after it expired until its records were removed, and for <paramref name="cooldown"/> after that.
    /// </summary>
    /// <param name="guest">The name with its lifetime and code hash.</param>
    /// <param name="cooldown">How long a removed name rests; it may be reserved again when its removal time plus
    /// this is at or before <see cref="GuestName.CreatedAt"/> of <paramref name="guest"/>.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns><see langword="true"/> when the name is now reserved; <see langword="false"/> when it is
    /// taken.</returns>
    Task<bool> TryAddGuestNameAsync(GuestName guest, TimeSpan cooldown, CancellationToken cancellationToken);

    /// <summary>Finds a guest name that is still alive at <paramref name="now"/>.</summary>
    /// <param name="name">The guest name.</param>
    /// <param name="now">The current time.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The guest name, or <see langword="null"/> when there is no live one.</returns>
    Task<GuestName?> FindGuestNameAsync(Domain name, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Lists the guest names whose DNS records have not been marked removed, alive or expired: the live ones fill the
    /// embedded DNS server at start, and the expired ones are swept.
    /// </summary>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The names, in no particular order.</returns>
    Task<IReadOnlyList<GuestName>> ListPublishedGuestNamesAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Marks that the DNS records of a guest name were removed at <paramref name="removedAt"/>; the name's cooldown
    /// starts then. A name not in the store is ignored.
    /// </summary>
    /// <param name="name">The guest name.</param>
    /// <param name="removedAt">When its records were removed.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task that completes when the mark is stored.</returns>
    Task MarkGuestNameRemovedAsync(Domain name, DateTimeOffset removedAt, CancellationToken cancellationToken);

    /// <summary>Adds a domain account, or replaces the one of the same domain.</summary>
    /// <param name="account">The account.</param>
    /// <param name="create"><see langword="true"/> to add a new account only when the domain has none;
    /// <see langword="false"/> to replace an existing account only.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns><see langword="true"/> when the account was written; <see langword="false"/> when the domain had an
    /// account (creating) or none (replacing).</returns>
    Task<bool> SaveDomainAccountAsync(DomainAccount account, bool create, CancellationToken cancellationToken);

    /// <summary>Finds the account of a domain.</summary>
    /// <param name="domain">The domain.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The account, or <see langword="null"/> when the domain is not registered.</returns>
    Task<DomainAccount?> FindDomainAccountAsync(Domain domain, CancellationToken cancellationToken);

    /// <summary>Lists the accounts whose domain is verified, for the scheduled re-check of their records.</summary>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The verified accounts, in no particular order.</returns>
    Task<IReadOnlyList<DomainAccount>> ListVerifiedDomainAccountsAsync(CancellationToken cancellationToken);

    /// <summary>Finds the SHA-256 hash of a domain's owner key.</summary>
    /// <param name="domain">The domain.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The hash, or <see langword="null"/> when the domain has no owner key.</returns>
    Task<byte[]?> FindOwnerKeyHashAsync(Domain domain, CancellationToken cancellationToken);

    /// <summary>Stores the hash of a domain's owner key, replacing any earlier one when asked to.</summary>
    /// <param name="domain">The domain.</param>
    /// <param name="keyHash">The SHA-256 hash of the key; the key itself is never stored.</param>
    /// <param name="replace">Whether to replace an existing key.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns><see langword="true"/> when the hash was stored; <see langword="false"/> when a key existed and
    /// <paramref name="replace"/> was <see langword="false"/>.</returns>
    Task<bool> SaveOwnerKeyHashAsync(
        Domain domain, byte[] keyHash, bool replace, CancellationToken cancellationToken);

    /// <summary>Stores a new invitation to become a member of a domain.</summary>
    /// <param name="invite">The invitation, with the hash of its one-time code.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task that completes when the invitation is stored.</returns>
    Task AddInviteAsync(MemberInvite invite, CancellationToken cancellationToken);

    /// <summary>Finds an invitation by the hash of its code, used or not, expired or not.</summary>
    /// <param name="codeHash">The SHA-256 hash of the one-time code.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The invitation, or <see langword="null"/> when no invitation has that code.</returns>
    Task<MemberInvite?> FindInviteAsync(byte[] codeHash, CancellationToken cancellationToken);

    /// <summary>
    /// Uses an invitation and adds the member it makes, in one atomic step: only when the invitation is unused and
    /// has not expired at <paramref name="now"/>. Of two uses of one code, at most one succeeds.
    /// </summary>
    /// <param name="codeHash">The SHA-256 hash of the one-time code.</param>
    /// <param name="member">The member to add.</param>
    /// <param name="now">The current time, stamped as the invitation's use.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns><see langword="true"/> when the invitation was used and the member added.</returns>
    Task<bool> TryUseInviteAsync(
        byte[] codeHash, DomainMember member, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Removes the invitations to a domain that were not used yet, as when another owner takes the domain over.
    /// </summary>
    /// <param name="domain">The domain.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>How many invitations were removed.</returns>
    Task<int> RemoveUnusedInvitesAsync(Domain domain, CancellationToken cancellationToken);

    /// <summary>Finds a member of a domain who has not been removed, by id.</summary>
    /// <param name="domain">The domain.</param>
    /// <param name="memberId">The member's id.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The member, or <see langword="null"/> when there is none, or they were removed.</returns>
    Task<DomainMember?> FindMemberAsync(Domain domain, string memberId, CancellationToken cancellationToken);

    /// <summary>Finds a member of a domain who has not been removed, by the hash of their member key.</summary>
    /// <param name="domain">The domain.</param>
    /// <param name="keyHash">The SHA-256 hash of the member key.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The member, or <see langword="null"/> when no live member of the domain has that key.</returns>
    Task<DomainMember?> FindMemberByKeyHashAsync(
        Domain domain, byte[] keyHash, CancellationToken cancellationToken);

    /// <summary>Lists the members of a domain who have not been removed, oldest first.</summary>
    /// <param name="domain">The domain.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The members.</returns>
    Task<IReadOnlyList<DomainMember>> ListMembersAsync(Domain domain, CancellationToken cancellationToken);

    /// <summary>Marks a member removed at <paramref name="removedAt"/>; their key stops working.</summary>
    /// <param name="domain">The domain.</param>
    /// <param name="memberId">The member's id.</param>
    /// <param name="removedAt">When the member was removed.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns><see langword="true"/> when a live member was removed; <see langword="false"/> when there was
    /// none.</returns>
    Task<bool> RemoveMemberAsync(
        Domain domain, string memberId, DateTimeOffset removedAt, CancellationToken cancellationToken);

    /// <summary>Finds the out-of-office switch of a domain, as last saved.</summary>
    /// <param name="domain">The domain.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The switch, or <see langword="null"/> when it is off. A switch whose return date has begun is still
    /// returned; the caller treats it as off.</returns>
    Task<OutOfOffice?> FindOutOfOfficeAsync(Domain domain, CancellationToken cancellationToken);

    /// <summary>Turns the out-of-office switch of a domain on, replacing any earlier one, or off.</summary>
    /// <param name="domain">The domain.</param>
    /// <param name="outOfOffice">The switch to keep, or <see langword="null"/> to turn it off.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task that completes when the change is stored.</returns>
    Task SaveOutOfOfficeAsync(Domain domain, OutOfOffice? outOfOffice, CancellationToken cancellationToken);
}
