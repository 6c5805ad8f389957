using DomainCall.Dns;

namespace DomainCall.Engine;

/// <summary>
/// What an owner is told about where a domain's verification stands: by the account API, on the desk when it
/// joins, and when a revocation closes the desk.
/// </summary>
internal static class AccountMessages
{
    /// <summary>A warning for the desk while the record is missing but the domain is still verified.</summary>
    public static string? DeskWarning(DomainAccount? account) =>
        account is { IsVerified: true, RecordMissingSince: not null } ? Status(account) : null;

    public static string Status(DomainAccount account)
    {
        var record = VerificationCodes.RecordText(account.Domain, account.Code);
        if (account.IsVerified)
        {
            return account.RecordMissingSince is { } since
                ? $"{account.Domain.Value} is verified, but its record has been missing since {since:u}; publish " +
                  $"it again before the verification is revoked: {record}"
                : $"{account.Domain.Value} is verified. Keep this record published: {record}";
        }

        return account.RevokedAt is { } revokedAt
            ? $"The verification of {account.Domain.Value} was revoked on {revokedAt:u} because its record was " +
              "missing. Ask for a new code, publish it, and verify again."
            : $"Publish this record at your DNS provider, then verify: {record}";
    }
}
