namespace DomainCall.Engine;

/// <summary>What using an invite code gave: a new member and their key, or why the code was refused.</summary>
/// <param name="Member">The new member, or <see langword="null"/> when the code was refused.</param>
/// <param name="Key">The new member key, shown once; only its hash is stored.</param>
/// <param name="Refusal">A sentence saying why the code was refused, or <see langword="null"/>.</param>
internal sealed record MemberJoin(DomainMember? Member, string? Key, string? Refusal);
