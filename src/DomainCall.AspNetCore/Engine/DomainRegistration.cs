using DomainCall.Dns;

namespace DomainCall.Engine;

/// <summary>
/// What a registration gave: the new account and its owner key, or why the domain cannot be registered.
/// </summary>
/// <param name="Account">The new account, or <see langword="null"/> when refused.</param>
/// <param name="OwnerKey">The owner key, shown once; only its hash is kept.</param>
/// <param name="Refusal">Why the name cannot be verified at all, such as a public suffix.</param>
/// <param name="Conflict">Why the domain cannot be registered now: it is registered already.</param>
internal sealed record DomainRegistration(
    DomainAccount? Account, string? OwnerKey, VerificationResult? Refusal, string? Conflict);
