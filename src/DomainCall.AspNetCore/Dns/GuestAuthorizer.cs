using DomainCall.Engine;
using Microsoft.Extensions.Logging;

namespace DomainCall.Dns;

/// <summary>
/// Authorizes a caller who presents the authorization code of a guest name: the code's hash must be in a TXT record
/// of the name, looked up with caching off at the server that publishes the guest zone.
/// </summary>
internal sealed partial class GuestAuthorizer
{
    private readonly TxtLookup _lookup;
    private readonly ILogger<GuestAuthorizer> _logger;

    public GuestAuthorizer(TxtLookup lookup, ILogger<GuestAuthorizer> logger)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        ArgumentNullException.ThrowIfNull(logger);

        _lookup = lookup;
        _logger = logger;
    }

    public async Task<GuestAuthorization> AuthorizeAsync(
        Domain guestName, string presentedCode, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(guestName.ToString(), nameof(guestName));
        ArgumentNullException.ThrowIfNull(presentedCode);

        var answer = await _lookup.QueryAsync(guestName.Value, cancellationToken);
        var result = Judge(answer, presentedCode);
        if (result == GuestAuthorization.DnsFailure)
        {
            Log.LookupFailed(_logger, answer.Status, answer.Detail);
        }
        else if (result != GuestAuthorization.Authorized)
        {
            Log.NotAuthorized(_logger, result);
        }

        return result;
    }

    private static GuestAuthorization Judge(TxtAnswer answer, string presentedCode)
    {
        if (answer.Status == TxtLookupStatus.NameNotFound)
        {
            return GuestAuthorization.NoRecord;
        }

        if (answer.Status != TxtLookupStatus.Answered)
        {
            return GuestAuthorization.DnsFailure;
        }

        var guestRecords = answer.Records
            .Where(text => text.TrimStart().StartsWith(GuestRecord.TxtPrefix, StringComparison.Ordinal))
            .ToArray();
        if (guestRecords.Length == 0)
        {
            return GuestAuthorization.NoRecord;
        }

        // Every record is compared, so the time taken does not tell which one matched.
        var matches = guestRecords.Aggregate(false, (found, text) => GuestTxt.Matches(text, presentedCode) | found);
        return matches ? GuestAuthorization.Authorized : GuestAuthorization.WrongCode;
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "A caller was not authorized for a guest name: {Result}.",
            EventName = "NotAuthorized")]
        public static partial void NotAuthorized(ILogger logger, GuestAuthorization result);

        [LoggerMessage(2, LogLevel.Warning, "The DNS lookup of a guest name failed: {Status}, {Detail}.",
            EventName = "LookupFailed")]
        public static partial void LookupFailed(ILogger logger, TxtLookupStatus status, string? detail);
    }
}
