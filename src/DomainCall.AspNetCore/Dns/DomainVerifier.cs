using System.Globalization;
using DomainCall.Engine;
using Microsoft.Extensions.Logging;

namespace DomainCall.Dns;

/// <summary>
/// Checks that the owner of a domain published its authorization code as
/// <c>_domaincall-challenge.&lt;domain&gt; TXT "token=&lt;code&gt;"</c>, and says precisely what is wrong when not.
/// </summary>
internal sealed partial class DomainVerifier
{
    private readonly TxtLookup _lookup;
    private readonly DomainNamePolicy _policy;
    private readonly TimeProvider _time;
    private readonly ILogger<DomainVerifier> _logger;

    public DomainVerifier(TxtLookup lookup, DomainNamePolicy policy, TimeProvider time, ILogger<DomainVerifier> logger)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);

        _lookup = lookup;
        _policy = policy;
        _time = time;
        _logger = logger;
    }

    /// <summary>Verifies a domain as its owner typed it, in Unicode or punycode.</summary>
    public Task<VerificationResult> VerifyAsync(
        string name, string expectedCode, DateTimeOffset codeExpiresAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);

        if (!Domain.TryParse(name, out var domain, out var error))
        {
            var refusal = DomainNamePolicy.CheckText(name, error);
            Log.NotVerified(_logger, "(not a domain name)", refusal.Outcome);
            return Task.FromResult(refusal);
        }

        return VerifyAsync(domain, expectedCode, codeExpiresAt, cancellationToken);
    }

    /// <summary>Looks up the challenge record of <paramref name="domain"/> and compares it with the code.</summary>
    public async Task<VerificationResult> VerifyAsync(
        Domain domain, string expectedCode, DateTimeOffset codeExpiresAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(expectedCode);
        ArgumentException.ThrowIfNullOrEmpty(domain.ToString(), nameof(domain));

        var result = CheckBeforeLookup(domain, codeExpiresAt)
            ?? Evaluate(domain, expectedCode, await _lookup.QueryAsync(
                VerificationCodes.RecordName(domain), cancellationToken));

        if (result.IsVerified)
        {
            Log.Verified(_logger, domain.Value);
        }
        else
        {
            Log.NotVerified(_logger, domain.Value, result.Outcome);
        }

        return result;
    }

    private VerificationResult? CheckBeforeLookup(Domain domain, DateTimeOffset codeExpiresAt)
    {
        if (_policy.Check(domain) is { } refusal)
        {
            return refusal;
        }

        if (!VerificationCodes.CanHaveChallenge(domain))
        {
            return new VerificationResult(VerificationOutcome.InvalidName, VerificationCodes.TooLongMessage(domain));
        }

        if (_time.GetUtcNow() >= codeExpiresAt)
        {
            var expired = codeExpiresAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
            return new VerificationResult(
                VerificationOutcome.CodeExpired,
                $"The authorization code for {domain.Value} expired on {expired} UTC. Ask for a new code, publish it " +
                "in place of the old one, and verify again.");
        }

        return null;
    }

    private VerificationResult Evaluate(Domain domain, string expectedCode, TxtAnswer answer)
    {
        var recordName = VerificationCodes.RecordName(domain);
        var record = VerificationCodes.RecordText(domain, expectedCode);
        if (answer.Status is not (TxtLookupStatus.Answered or TxtLookupStatus.NameNotFound))
        {
            Log.LookupFailed(_logger, recordName, answer.Status, answer.Detail);
            return new VerificationResult(VerificationOutcome.DnsFailure, DescribeFailure(recordName, answer));
        }

        var tokens = answer.Records
            .Select(text => text.Trim())
            .Where(text => text.StartsWith(VerificationCodes.ValuePrefix, StringComparison.OrdinalIgnoreCase))
            .Select(text => text[VerificationCodes.ValuePrefix.Length..].Trim())
            .ToArray();

        // Every record is compared, so the time taken does not tell which one, or how much of it, matched.
        var expectedHash = Secrets.Hash(expectedCode);
        var matches = tokens.Aggregate(false, (found, token) => Secrets.MatchesHash(token, expectedHash) | found);
        if (matches)
        {
            return new VerificationResult(
                VerificationOutcome.Verified,
                $"{domain.Value} is verified: the TXT record at {recordName} holds the authorization code.")
            {
                TokenRecordCount = tokens.Length,
            };
        }

        return DescribeMismatch(recordName, record, answer, tokens.Length);
    }

    private static VerificationResult DescribeMismatch(
        string recordName, string record, TxtAnswer answer, int tokenCount)
    {
        const string Propagation =
            "If you published it just now, wait a few minutes for DNS to catch up and try again.";
        var (outcome, message) = tokenCount switch
        {
            0 when answer.Records.Count == 0 => (
                VerificationOutcome.RecordMissing,
                $"No TXT record was found at {recordName}. Add this record at your DNS provider: {record}. " +
                Propagation),
            0 => (
                VerificationOutcome.RecordMissing,
                Invariant($"{recordName} has {answer.Records.Count} TXT record(s), but none starts with 'token='. ") +
                $"Add this record at your DNS provider: {record}. {Propagation}"),
            1 => (
                VerificationOutcome.WrongValue,
                $"The TXT record at {recordName} holds a different code; only the code issued last counts. " +
                $"Change the record to: {record}. {Propagation}"),
            _ => (
                VerificationOutcome.ConflictingRecords,
                Invariant($"{recordName} has {tokenCount} TXT records starting with 'token=', and none of them ") +
                $"holds the current code. Remove the old records and keep only this one: {record}. {Propagation}"),
        };

        return new VerificationResult(outcome, message) { TokenRecordCount = tokenCount };
    }

    private static string DescribeFailure(string recordName, TxtAnswer answer) => answer.Status switch
    {
        TxtLookupStatus.NoAnswer =>
            $"The DNS servers did not answer in time when looking up {recordName}. This is usually temporary; " +
            "try again in a few minutes.",
        TxtLookupStatus.ServerFailure =>
            $"Looking up {recordName} failed with SERVFAIL (server failure). This is often temporary; try again in " +
            "a few minutes. If it persists, check that your domain's name servers answer and that its DNSSEC " +
            "signatures are valid.",
        TxtLookupStatus.Refused =>
            $"The DNS server refused to answer for {recordName} (REFUSED). Try again in a few minutes; if it " +
            "persists, check that your domain is delegated to name servers that serve it.",
        _ =>
            $"Looking up {recordName} failed ({answer.Detail}). Try again in a few minutes; if it persists, check " +
            "your domain's name servers.",
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "{Domain} was verified.", EventName = "Verified")]
        public static partial void Verified(ILogger logger, string domain);

        [LoggerMessage(2, LogLevel.Information, "Verification of {Domain} failed: {Outcome}.",
            EventName = "NotVerified")]
        public static partial void NotVerified(ILogger logger, string domain, VerificationOutcome outcome);

        [LoggerMessage(3, LogLevel.Warning, "The DNS lookup of {RecordName} failed: {Status}, {Detail}.",
            EventName = "LookupFailed")]
        public static partial void LookupFailed(
            ILogger logger, string recordName, TxtLookupStatus status, string? detail);
    }
}
