using DomainCall.Storage;
using Microsoft.Extensions.Logging;

namespace DomainCall.Engine;

/// <summary>
/// The members of a domain: the owner invites them with a one-time code, says what each may do (answer, call, or
/// both), and may remove them; a removal closes their open desks at once.
/// </summary>
internal sealed partial class DomainMembers(
    ICallStore store, Switchboard switchboard, TimeProvider time, ILogger<DomainMembers> logger)
{
    /// <summary>How long an invite code may be used.</summary>
    public static readonly TimeSpan InviteLifetime = TimeSpan.FromDays(7);

    /// <summary>The longest label an owner may give a member.</summary>
    public const int MaxLabelLength = 80;

    /// <summary>Says what is wrong with a member's label, or returns <see langword="null"/> when it is good.</summary>
    public static string? CheckLabel(string? label) =>
        label is null || label.Trim().Length == 0 ? "label: give the member a name of 1 to 80 characters."
        : label.Trim().Length > MaxLabelLength ? $"label: at most {MaxLabelLength} characters."
        : label.Any(char.IsControl) ? "label: only plain text, with no line breaks or control characters."
        : null;

    /// <summary>Makes an invitation and returns it with its one-time code, which is shown once.</summary>
    public async Task<(MemberInvite Invite, string Code)> InviteAsync(
        Domain domain, string label, MemberRights rights, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(label);

        var code = Secrets.NewToken();
        var now = time.GetUtcNow();
        var invite = new MemberInvite(domain, Secrets.Hash(code), label.Trim(), rights, now, now + InviteLifetime);
        await store.AddInviteAsync(invite, cancellationToken);
        Log.Invited(logger, domain.Value);
        return (invite, code);
    }

    /// <summary>Finds the invitation of a code that may still be used, or says why it may not.</summary>
    public async Task<(MemberInvite? Invite, string? Refusal)> FindUsableInviteAsync(
        string? code, CancellationToken cancellationToken)
    {
        var invite = Secrets.LooksLikeToken(code)
            ? await store.FindInviteAsync(Secrets.Hash(code!), cancellationToken)
            : null;
        return (invite, RefusalOf(invite));
    }

    /// <summary>
    /// Uses an invite code once: makes the member, with a member key of their own, or says why the code is refused.
    /// </summary>
    public async Task<MemberJoin> JoinAsync(string? code, CancellationToken cancellationToken)
    {
        var (invite, refusal) = await FindUsableInviteAsync(code, cancellationToken);
        if (invite is null || refusal is not null)
        {
            return new MemberJoin(null, null, refusal);
        }

        var key = Secrets.NewToken();
        var now = time.GetUtcNow();
        var member = new DomainMember(
            invite.Domain, Secrets.NewToken(), invite.Label, Secrets.Hash(key), invite.Rights, now);
        if (!await store.TryUseInviteAsync(invite.CodeHash, member, now, cancellationToken))
        {
            return new MemberJoin(null, null, UsedMessage(invite.Domain));
        }

        Log.Joined(logger, invite.Domain.Value, member.Id);
        return new MemberJoin(member, key, null);
    }

    public Task<IReadOnlyList<DomainMember>> ListAsync(Domain domain, CancellationToken cancellationToken) =>
        store.ListMembersAsync(domain, cancellationToken);

    public Task<DomainMember?> FindAsync(Domain domain, string memberId, CancellationToken cancellationToken) =>
        store.FindMemberAsync(domain, memberId, cancellationToken);

    /// <summary>Finds the live member of a domain whose member key this is.</summary>
    public async Task<DomainMember?> FindByKeyAsync(Domain domain, string? key, CancellationToken cancellationToken) =>
        Secrets.LooksLikeToken(key)
            ? await store.FindMemberByKeyHashAsync(domain, Secrets.Hash(key!), cancellationToken)
            : null;

    /// <summary>
    /// Removes a member: their key and desk cookie stop working, and their open desks on this server close at once.
    /// </summary>
    /// <returns>Whether there was such a member to remove.</returns>
    public async Task<bool> RemoveAsync(Domain domain, string memberId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(memberId);

        if (!await store.RemoveMemberAsync(domain, memberId, time.GetUtcNow(), cancellationToken))
        {
            return false;
        }

        Log.Removed(logger, domain.Value, memberId);
        await switchboard.CloseMemberDesksAsync(domain, memberId);
        return true;
    }

    private string? RefusalOf(MemberInvite? invite) => invite switch
    {
        null => "This invite link is not valid: check that it was copied whole, or ask the owner for a new one.",
        { UsedAt: not null } => UsedMessage(invite.Domain),
        _ when invite.ExpiresAt <= time.GetUtcNow() =>
            $"This invite link to {invite.Domain.Value} expired on {invite.ExpiresAt:u}; ask the owner for a new one.",
        _ => null,
    };

    private static string UsedMessage(Domain domain) =>
        $"This invite link to {domain.Value} was used already, and each link works once; ask the owner for a new one.";

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "The owner of {Domain} invited a member.", EventName = "Invited")]
        public static partial void Invited(ILogger logger, string domain);

        [LoggerMessage(2, LogLevel.Information, "Member {MemberId} of {Domain} joined with an invite code.",
            EventName = "Joined")]
        public static partial void Joined(ILogger logger, string domain, string memberId);

        [LoggerMessage(3, LogLevel.Information, "Member {MemberId} of {Domain} was removed.", EventName = "Removed")]
        public static partial void Removed(ILogger logger, string domain, string memberId);
    }
}
