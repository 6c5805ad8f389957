using DomainCall.Engine;

namespace DomainCall.Storage;

/// <summary>A row of the <c>domain_accounts</c> table as SQL sees it: Unix milliseconds for times.</summary>
internal sealed class AccountRow
{
    public string Domain { get; set; } = string.Empty;

    public string Code { get; set; } = string.Empty;

    public long CodeExpiresAt { get; set; }

    public long? VerifiedAt { get; set; }

    public long? RecordMissingSince { get; set; }

    public long? RevokedAt { get; set; }

    public static AccountRow From(DomainAccount account) => new()
    {
        Domain = account.Domain.Value,
        Code = account.Code,
        CodeExpiresAt = account.CodeExpiresAt.ToUnixTimeMilliseconds(),
        VerifiedAt = account.VerifiedAt?.ToUnixTimeMilliseconds(),
        RecordMissingSince = account.RecordMissingSince?.ToUnixTimeMilliseconds(),
        RevokedAt = account.RevokedAt?.ToUnixTimeMilliseconds(),
    };

    public DomainAccount ToAccount() => new(
        Engine.Domain.Parse(Domain),
        Code,
        UnixTime.Of(CodeExpiresAt),
        UnixTime.OfNullable(VerifiedAt),
        UnixTime.OfNullable(RecordMissingSince),
        UnixTime.OfNullable(RevokedAt));
}
