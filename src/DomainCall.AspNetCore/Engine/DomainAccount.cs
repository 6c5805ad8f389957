namespace DomainCall.Engine;

/// <summary>
/// A domain registered with the server: its current authorization code, and where its verification stands.
/// </summary>
/// <param name="Domain">The registered domain.</param>
/// <param name="Code">The authorization code the owner publishes as <c>_domaincall-challenge.&lt;domain&gt; TXT
/// "token=&lt;code&gt;"</c>. It is public once published, so it is kept as it is.</param>
/// <param name="CodeExpiresAt">Until when the code may first verify the domain.</param>
/// <param name="VerifiedAt">When the domain was last verified, or <see langword="null"/> while it is not.</param>
/// <param name="RecordMissingSince">Since when a re-check of a verified domain has not found the record, or
/// <see langword="null"/> while it is found.</param>
/// <param name="RevokedAt">When the verification was revoked because the record stayed missing, or
/// <see langword="null"/>.</param>
public sealed record DomainAccount(
    Domain Domain,
    string Code,
    DateTimeOffset CodeExpiresAt,
    DateTimeOffset? VerifiedAt = null,
    DateTimeOffset? RecordMissingSince = null,
    DateTimeOffset? RevokedAt = null)
{
    /// <summary>Gets whether the domain is verified now: it can be called and answered.</summary>
    public bool IsVerified => VerifiedAt is not null;
}
