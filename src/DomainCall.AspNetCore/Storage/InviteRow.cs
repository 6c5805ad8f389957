using DomainCall.Engine;

namespace DomainCall.Storage;

/// <summary>A row of the <c>member_invites</c> table as SQL sees it: Unix milliseconds for times.</summary>
internal sealed class InviteRow
{
    public byte[] CodeHash { get; set; } = [];

    public string Domain { get; set; } = string.Empty;

    public string Label { get; set; } = string.Empty;

    public long Rights { get; set; }

    public long CreatedAt { get; set; }

    public long ExpiresAt { get; set; }

    public long? UsedAt { get; set; }

    public static InviteRow From(MemberInvite invite) => new()
    {
        CodeHash = invite.CodeHash,
        Domain = invite.Domain.Value,
        Label = invite.Label,
        Rights = (long)invite.Rights,
        CreatedAt = invite.CreatedAt.ToUnixTimeMilliseconds(),
        ExpiresAt = invite.ExpiresAt.ToUnixTimeMilliseconds(),
        UsedAt = invite.UsedAt?.ToUnixTimeMilliseconds(),
    };

    public MemberInvite ToInvite() => new(
        Engine.Domain.Parse(Domain),
        CodeHash,
        Label,
        (MemberRights)Rights,
        UnixTime.Of(CreatedAt),
        UnixTime.Of(ExpiresAt),
        UnixTime.OfNullable(UsedAt));
}
