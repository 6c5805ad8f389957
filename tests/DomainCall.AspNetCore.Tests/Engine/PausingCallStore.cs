using DomainCall.Availability;
using DomainCall.Engine;
using DomainCall.Storage;

namespace DomainCall.Tests.Engine;

/// <summary>
/// The real SQLite store which, when asked, pauses after it has stored an answer and before the switchboard hears of
/// it, so that a test can make a party leave in exactly that moment.
/// </summary>
internal sealed class PausingCallStore(ICallStore inner) : ICallStore
{
    private TaskCompletionSource? _answerStored;
    private TaskCompletionSource? _resume;

    /// <summary>
    /// Makes the next stored answer wait for <see cref="Resume"/>; the task returned completes once it is stored.
    /// </summary>
    public Task PauseAfterNextAnswer()
    {
        _resume = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _answerStored = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return _answerStored.Task;
    }

    public void Resume() => _resume?.TrySetResult();

    public async Task<bool> TryMoveCallAsync(
        string callId,
        CallState target,
        DateTimeOffset at,
        CallEndReason? endReason,
        CancellationToken cancellationToken)
    {
        var moved = await inner.TryMoveCallAsync(callId, target, at, endReason, cancellationToken);
        if (target == CallState.Accepted && _resume is { } resume)
        {
            _answerStored!.TrySetResult();
            await resume.Task;
        }

        return moved;
    }

    public Task InitializeAsync(CancellationToken cancellationToken) => inner.InitializeAsync(cancellationToken);

    public Task AddCallAsync(CallRecord record, CancellationToken cancellationToken) =>
        inner.AddCallAsync(record, cancellationToken);

    public Task<CallRecord?> FindCallAsync(string callId, CancellationToken cancellationToken) =>
        inner.FindCallAsync(callId, cancellationToken);

    public Task<IReadOnlyList<CallRecord>> ListCallsAsync(
        Domain callee, int limit, CancellationToken cancellationToken) =>
        inner.ListCallsAsync(callee, limit, cancellationToken);

    public Task<bool> TryAddGuestNameAsync(GuestName guest, TimeSpan cooldown, CancellationToken cancellationToken) =>
        inner.TryAddGuestNameAsync(guest, cooldown, cancellationToken);

    public Task<GuestName?> FindGuestNameAsync(Domain name, DateTimeOffset now, CancellationToken cancellationToken) =>
        inner.FindGuestNameAsync(name, now, cancellationToken);

    public Task<IReadOnlyList<GuestName>> ListPublishedGuestNamesAsync(CancellationToken cancellationToken) =>
        inner.ListPublishedGuestNamesAsync(cancellationToken);

    public Task MarkGuestNameRemovedAsync(Domain name, DateTimeOffset removedAt, CancellationToken cancellationToken) =>
        inner.MarkGuestNameRemovedAsync(name, removedAt, cancellationToken);

    public Task<bool> SaveDomainAccountAsync(DomainAccount account, bool create, CancellationToken cancellationToken) =>
        inner.SaveDomainAccountAsync(account, create, cancellationToken);

    public Task<DomainAccount?> FindDomainAccountAsync(Domain domain, CancellationToken cancellationToken) =>
        inner.FindDomainAccountAsync(domain, cancellationToken);

    public Task<IReadOnlyList<DomainAccount>> ListVerifiedDomainAccountsAsync(CancellationToken cancellationToken) =>
        inner.ListVerifiedDomainAccountsAsync(cancellationToken);

    public Task<byte[]?> FindOwnerKeyHashAsync(Domain domain, CancellationToken cancellationToken) =>
        inner.FindOwnerKeyHashAsync(domain, cancellationToken);

    public Task<bool> SaveOwnerKeyHashAsync(
        Domain domain, byte[] keyHash, bool replace, CancellationToken cancellationToken) =>
        inner.SaveOwnerKeyHashAsync(domain, keyHash, replace, cancellationToken);

    public Task AddInviteAsync(MemberInvite invite, CancellationToken cancellationToken) =>
        inner.AddInviteAsync(invite, cancellationToken);

    public Task<MemberInvite?> FindInviteAsync(byte[] codeHash, CancellationToken cancellationToken) =>
        inner.FindInviteAsync(codeHash, cancellationToken);

    public Task<int> RemoveUnusedInvitesAsync(Domain domain, CancellationToken cancellationToken) =>
        inner.RemoveUnusedInvitesAsync(domain, cancellationToken);

    public Task<bool> TryUseInviteAsync(
        byte[] codeHash, DomainMember member, DateTimeOffset now, CancellationToken cancellationToken) =>
        inner.TryUseInviteAsync(codeHash, member, now, cancellationToken);

    public Task<DomainMember?> FindMemberAsync(Domain domain, string memberId, CancellationToken cancellationToken) =>
        inner.FindMemberAsync(domain, memberId, cancellationToken);

    public Task<DomainMember?> FindMemberByKeyHashAsync(
        Domain domain, byte[] keyHash, CancellationToken cancellationToken) =>
        inner.FindMemberByKeyHashAsync(domain, keyHash, cancellationToken);

    public Task<IReadOnlyList<DomainMember>> ListMembersAsync(Domain domain, CancellationToken cancellationToken) =>
        inner.ListMembersAsync(domain, cancellationToken);

    public Task<bool> RemoveMemberAsync(
        Domain domain, string memberId, DateTimeOffset removedAt, CancellationToken cancellationToken) =>
        inner.RemoveMemberAsync(domain, memberId, removedAt, cancellationToken);

    public Task<OutOfOffice?> FindOutOfOfficeAsync(Domain domain, CancellationToken cancellationToken) =>
        inner.FindOutOfOfficeAsync(domain, cancellationToken);

    public Task SaveOutOfOfficeAsync(Domain domain, OutOfOffice? outOfOffice, CancellationToken cancellationToken) =>
        inner.SaveOutOfOfficeAsync(domain, outOfOffice, cancellationToken);
}
