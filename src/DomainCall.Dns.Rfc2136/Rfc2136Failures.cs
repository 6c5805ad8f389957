using System.Net;
using ARSoft.Tools.Net.Dns;
using ARSoft.Tools.Net.Dns.DynamicUpdate;
using DomainCall.Engine;

namespace DomainCall.Dns.Rfc2136;

/// <summary>Turns the answer to a dynamic update into an exception that says what the operator should check.</summary>
internal static class Rfc2136Failures
{
    private const string PolicyHint =
        "the zone's update policy allows the key to change names in the zone (BIND: update-policy { grant <key> " +
        "zonesub ANY; }; Knot: an acl with action: update and key: <key>, listed in the zone's acl)";

    /// <summary>
    /// Describes what went wrong, or returns <see langword="null"/> when the server applied the update.
    /// </summary>
    public static Rfc2136UpdateException? Describe(
        DnsUpdateMessage? response, IPEndPoint server, Domain zone, string keyName, Domain name, string action,
        TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(server);

        var subject = $"The DNS server {server} refused the {action} of {name}";
        if (response is null)
        {
            return new Rfc2136UpdateException(
                $"The DNS server {server} did not answer the {action} of {name} within {timeout.TotalSeconds:0.#} s. " +
                "Check Rfc2136:Server and Rfc2136:Port, and that the server takes updates from this host over UDP " +
                "or TCP.",
                "no answer");
        }

        var tsigError = response.TSigOptions?.Error ?? ReturnCode.NoError;
        return (response.ReturnCode, tsigError) switch
        {
            (ReturnCode.NoError, _) when response.TSigOptions?.ValidationResult is not ReturnCode.NoError =>
                new Rfc2136UpdateException(
                    $"The DNS server {server} accepted the {action} of {name}, but its answer does not carry a valid " +
                    $"signature of key '{keyName}'. Check that Rfc2136:Server is the zone's primary server and not " +
                    "a proxy that strips TSIG.",
                    "NOERROR/unsigned"),
            (ReturnCode.NoError, _) => null,
            (_, ReturnCode.BadKey) => new Rfc2136UpdateException(
                $"{subject}: it does not know the TSIG key '{keyName}' (BADKEY). Check that Rfc2136:KeyName and " +
                "Rfc2136:Algorithm match a key defined on the server, letter for letter.",
                "NOTAUTH/BADKEY"),
            (_, ReturnCode.BadSig) => new Rfc2136UpdateException(
                $"{subject}: the signature made with the TSIG key '{keyName}' does not verify (BADSIG). " +
                "Rfc2136:Secret does not match the server's secret for that key: copy the base64 secret again, " +
                "and check Rfc2136:Algorithm.",
                "NOTAUTH/BADSIG"),
            (_, ReturnCode.BadTime) => new Rfc2136UpdateException(
                $"{subject}: the clocks of this host and the server differ by more than five minutes (BADTIME). " +
                "Synchronise both clocks, with NTP for example.",
                "NOTAUTH/BADTIME"),
            (ReturnCode.NotAuthoritive, _) => new Rfc2136UpdateException(
                $"{subject} (NOTAUTH): it is not authoritative for the zone '{zone}', or does not let the key " +
                $"'{keyName}' update it. Check Rfc2136:Zone, and that {PolicyHint}.",
                "NOTAUTH"),
            (ReturnCode.Refused, _) => new Rfc2136UpdateException(
                $"{subject} (REFUSED). Check that {PolicyHint}, that the key '{keyName}' is the one it names, and " +
                $"that the server serves the zone '{zone}'.",
                "REFUSED"),
            (ReturnCode.NotZone, _) => new Rfc2136UpdateException(
                $"{subject}: the name is not in the zone '{zone}' as the server sees it (NOTZONE). Check " +
                "Rfc2136:Zone.",
                "NOTZONE"),
            (ReturnCode.ServerFailure, _) => new Rfc2136UpdateException(
                $"The DNS server {server} could not apply the {action} of {name} (SERVFAIL). Check the server's " +
                "log: a zone whose journal file cannot be written fails every update.",
                "SERVFAIL"),
            _ => new Rfc2136UpdateException(
                $"{subject} with response code {(int)response.ReturnCode}. Check the server's log.",
                ((int)response.ReturnCode).ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
    }
}
