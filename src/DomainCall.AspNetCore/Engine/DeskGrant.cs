namespace DomainCall.Engine;

/// <summary>
/// Who a connection proved to be for a domain: its owner, or one of its members, and what that lets it do.
/// </summary>
/// <param name="MemberId">The member's id, or <see langword="null"/> for the owner (or a user meeting the desk
/// policy), whom no removal can reach.</param>
/// <param name="Rights">What this connection may do for the domain.</param>
internal sealed record DeskGrant(string? MemberId, MemberRights Rights)
{
    /// <summary>The owner, who may answer and call as the domain.</summary>
    public static readonly DeskGrant Owner = new(null, MemberRights.Answer | MemberRights.Call);

    public bool MayAnswer => Rights.HasFlag(MemberRights.Answer);

    public bool MayCall => Rights.HasFlag(MemberRights.Call);
}
