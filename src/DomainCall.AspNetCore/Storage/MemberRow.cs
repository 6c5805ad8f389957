using DomainCall.Engine;

namespace DomainCall.Storage;

/// <summary>A row of the <c>members</c> table as SQL sees it: Unix milliseconds for times, rights as bits.</summary>
internal sealed class MemberRow
{
    public string Domain { get; set; } = string.Empty;

    public string Id { get; set; } = string.Empty;

    public string Label { get; set; } = string.Empty;

    public byte[] KeyHash { get; set; } = [];

    public long Rights { get; set; }

    public long CreatedAt { get; set; }

    public long? RemovedAt { get; set; }

    public static MemberRow From(DomainMember member) => new()
    {
        Domain = member.Domain.Value,
        Id = member.Id,
        Label = member.Label,
        KeyHash = member.KeyHash,
        Rights = (long)member.Rights,
        CreatedAt = member.CreatedAt.ToUnixTimeMilliseconds(),
        RemovedAt = member.RemovedAt?.ToUnixTimeMilliseconds(),
    };

    public DomainMember ToMember() => new(
        Engine.Domain.Parse(Domain),
        Id,
        Label,
        KeyHash,
        (MemberRights)Rights,
        UnixTime.Of(CreatedAt),
        UnixTime.OfNullable(RemovedAt));
}
