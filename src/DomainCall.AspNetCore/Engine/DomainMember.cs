namespace DomainCall.Engine;

/// <summary>A person the owner of a domain added, with what they may do for it.</summary>
/// <param name="Domain">The domain.</param>
/// <param name="Id">The member's id: 22 url-safe characters, unique on the server.</param>
/// <param name="Label">The name the owner gave the member: 1–80 characters of plain text.</param>
/// <param name="KeyHash">The SHA-256 hash of the member key; the key itself is never stored.</param>
/// <param name="Rights">What the member may do: answer, call, or both.</param>
/// <param name="CreatedAt">When the member joined.</param>
/// <param name="RemovedAt">When the owner removed the member, or <see langword="null"/> while they are a
/// member.</param>
public sealed record DomainMember(
    Domain Domain,
    string Id,
    string Label,
    byte[] KeyHash,
    MemberRights Rights,
    DateTimeOffset CreatedAt,
    DateTimeOffset? RemovedAt = null);
