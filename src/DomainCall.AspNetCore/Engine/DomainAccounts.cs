using DomainCall.Dns;
using DomainCall.Storage;
using Microsoft.Extensions.Logging;

namespace DomainCall.Engine;

/// <summary>
/// Registers domains, verifies them by their TXT record, re-checks verified ones on a schedule, and says which
/// domains this server answers for: the site's own domain, and every verified one.
/// </summary>
internal sealed partial class DomainAccounts(
    ICallStore store,
    DomainVerifier verifier,
    DomainNamePolicy policy,
    VerificationCodes codes,
    VerificationOptions options,
    DomainCallSettings settings,
    DomainMembers members,
    Switchboard switchboard,
    TimeProvider time,
    ILogger<DomainAccounts> logger)
{
    /// <summary>Tells whether calls to <paramref name="domain"/> may be placed and answered on this server.</summary>
    public Task<bool> IsCallableAsync(Domain domain, CancellationToken cancellationToken) =>
        CallableDomains.IsCallableAsync(store, settings, domain, cancellationToken);

    /// <summary>
    /// Registers a domain as its owner typed it, with a fresh authorization code and owner key. A registration that
    /// was never verified and whose code expired may be taken over, so that nobody holds a domain by registering it.
    /// </summary>
    public async Task<DomainRegistration> RegisterAsync(string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);

        if (!Domain.TryParse(name, out var domain, out var error))
        {
            return new DomainRegistration(null, null, DomainNamePolicy.CheckText(name, error), null);
        }

        if (domain == settings.SiteDomain)
        {
            return Conflict($"{domain.Value} is this site's own domain; its desk signs in with the site's owner key.");
        }

        if (policy.Check(domain) is { } refusal)
        {
            return new DomainRegistration(null, null, refusal, null);
        }

        if (!VerificationCodes.CanHaveChallenge(domain))
        {
            var tooLong = new VerificationResult(
                VerificationOutcome.InvalidName, VerificationCodes.TooLongMessage(domain));
            return new DomainRegistration(null, null, tooLong, null);
        }

        var existing = await store.FindDomainAccountAsync(domain, cancellationToken);
        var now = time.GetUtcNow();
        if (existing is not null && (existing.IsVerified || existing.CodeExpiresAt > now))
        {
            return Conflict(
                $"{domain.Value} is registered already. Its owner verifies it with the owner key given at " +
                "registration; an unverified registration can be taken over once its code expires.");
        }

        var challenge = codes.Issue(domain);
        var account = new DomainAccount(domain, challenge.Code, challenge.ExpiresAt);
        if (!await store.SaveDomainAccountAsync(account, create: existing is null, cancellationToken))
        {
            return Conflict($"{domain.Value} was registered a moment ago by someone else.");
        }

        // Whoever held the registration before no longer owns the domain, so the members they added, and the
        // invitations they sent that nobody used yet, go with them.
        if (existing is not null)
        {
            await store.RemoveUnusedInvitesAsync(domain, cancellationToken);
            foreach (var member in await members.ListAsync(domain, cancellationToken))
            {
                await members.RemoveAsync(domain, member.Id, cancellationToken);
            }
        }

        var ownerKey = Secrets.NewToken();
        await store.SaveOwnerKeyHashAsync(domain, Secrets.Hash(ownerKey), replace: true, cancellationToken);
        Log.Registered(logger, domain.Value);
        return new DomainRegistration(account, ownerKey, null, null);
    }

    /// <summary>Finds the account of a registered domain; the site's own domain has none.</summary>
    public Task<DomainAccount?> FindAsync(Domain domain, CancellationToken cancellationToken) =>
        store.FindDomainAccountAsync(domain, cancellationToken);

    /// <summary>Finds the account of a domain when <paramref name="ownerKey"/> is its owner key.</summary>
    public async Task<DomainAccount?> FindForOwnerAsync(
        Domain domain, string? ownerKey, CancellationToken cancellationToken)
    {
        if (!Secrets.LooksLikeToken(ownerKey) || domain == settings.SiteDomain)
        {
            return null;
        }

        var hash = await store.FindOwnerKeyHashAsync(domain, cancellationToken);
        return hash is not null && Secrets.MatchesHash(ownerKey!, hash)
            ? await store.FindDomainAccountAsync(domain, cancellationToken)
            : null;
    }

    /// <summary>Looks the domain's record up now, and stores the domain as verified when it holds the code.</summary>
    public async Task<(DomainAccount Account, VerificationResult Result)> VerifyAsync(
        DomainAccount account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);

        // A verified domain keeps its code; only a first verification is bound by the code's lifetime.
        var codeExpiresAt = account.IsVerified ? DateTimeOffset.MaxValue : account.CodeExpiresAt;
        var result = await verifier.VerifyAsync(account.Domain, account.Code, codeExpiresAt, cancellationToken);
        if (!result.IsVerified)
        {
            return (account, result);
        }

        var verified = account with { VerifiedAt = time.GetUtcNow(), RecordMissingSince = null, RevokedAt = null };
        await store.SaveDomainAccountAsync(verified, create: false, cancellationToken);
        return (verified, result);
    }

    /// <summary>Issues a new code in place of the old one; a verified domain stays verified until a re-check.</summary>
    public async Task<DomainAccount> NewCodeAsync(DomainAccount account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);

        var challenge = codes.Issue(account.Domain);
        var renewed = account with { Code = challenge.Code, CodeExpiresAt = challenge.ExpiresAt };
        await store.SaveDomainAccountAsync(renewed, create: false, cancellationToken);
        return renewed;
    }

    /// <summary>
    /// Looks up the record of every verified domain again. A record missing for longer than
    /// <see cref="VerificationOptions.RevocationGrace"/> revokes the verification; a DNS failure changes nothing.
    /// </summary>
    public async Task RecheckAsync(CancellationToken cancellationToken)
    {
        foreach (var account in await store.ListVerifiedDomainAccountsAsync(cancellationToken))
        {
            var result = await verifier.VerifyAsync(
                account.Domain, account.Code, DateTimeOffset.MaxValue, cancellationToken);
            var changed = Judge(account, result, time.GetUtcNow());
            if (changed != account)
            {
                await store.SaveDomainAccountAsync(changed, create: false, cancellationToken);
            }

            // The owner is told on the desks that are open, which stop answering at once.
            if (!changed.IsVerified)
            {
                await switchboard.CloseDomainDesksAsync(
                    changed.Domain,
                    new DeskClosed(changed.Domain.Value, "verification-revoked", AccountMessages.Status(changed)));
            }
        }
    }

    private DomainAccount Judge(DomainAccount account, VerificationResult result, DateTimeOffset now)
    {
        if (result.IsVerified)
        {
            return account with { RecordMissingSince = null };
        }

        if (result.Outcome == VerificationOutcome.DnsFailure)
        {
            return account;
        }

        var since = account.RecordMissingSince ?? now;
        if (now - since < options.RevocationGrace)
        {
            Log.RecordMissing(logger, account.Domain.Value, result.Outcome, since);
            return account with { RecordMissingSince = since };
        }

        Log.Revoked(logger, account.Domain.Value, since);
        return account with { VerifiedAt = null, RecordMissingSince = since, RevokedAt = now };
    }

    private static DomainRegistration Conflict(string message) => new(null, null, null, message);

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "The domain {Domain} was registered; it awaits verification.",
            EventName = "Registered")]
        public static partial void Registered(ILogger logger, string domain);

        [LoggerMessage(2, LogLevel.Warning,
            "The verification record of {Domain} was not found on a re-check ({Outcome}); it has been missing since " +
            "{Since}.", EventName = "RecordMissing")]
        public static partial void RecordMissing(
            ILogger logger, string domain, VerificationOutcome outcome, DateTimeOffset since);

        [LoggerMessage(3, LogLevel.Warning,
            "The verification of {Domain} was revoked: its record has been missing since {Since}.",
            EventName = "Revoked")]
        public static partial void Revoked(ILogger logger, string domain, DateTimeOffset since);
    }
}
