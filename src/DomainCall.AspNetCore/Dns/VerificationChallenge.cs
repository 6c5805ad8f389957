using DomainCall.Engine;

namespace DomainCall.Dns;

/// <summary>
/// An authorization code issued for a domain, and the TXT record the owner publishes to prove control.
/// </summary>
/// <param name="Domain">The domain to verify.</param>
/// <param name="Code">The authorization code: 128 random bits in url-safe base64.</param>
/// <param name="ExpiresAt">When the code stops counting.</param>
internal sealed record VerificationChallenge(Domain Domain, string Code, DateTimeOffset ExpiresAt)
{
    /// <summary>Gets the name of the TXT record, such as <c>_domaincall-challenge.example.com</c>.</summary>
    public string RecordName => VerificationCodes.RecordName(Domain);

    /// <summary>Gets the text of the TXT record, <c>token=</c> followed by the code.</summary>
    public string RecordValue => VerificationCodes.RecordValue(Code);

    /// <summary>Gets the record in zone-file form, as most DNS providers' help pages show it.</summary>
    public string RecordText => VerificationCodes.RecordText(Domain, Code);
}
