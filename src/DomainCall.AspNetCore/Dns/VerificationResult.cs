namespace DomainCall.Dns;

/// <summary>
/// The outcome of one verification, and a sentence for the owner saying what was found and what to do.
/// </summary>
/// <param name="Outcome">What was found.</param>
/// <param name="Message">What the owner reads. It may hold the authorization code, so it is never logged.</param>
internal sealed record VerificationResult(VerificationOutcome Outcome, string Message)
{
    /// <summary>Gets how many TXT records starting with <c>token=</c> were found at the challenge name.</summary>
    public int TokenRecordCount { get; init; }

    /// <summary>Gets whether the domain is verified.</summary>
    public bool IsVerified => Outcome == VerificationOutcome.Verified;
}
