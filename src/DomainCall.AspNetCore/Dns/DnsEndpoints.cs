using System.Diagnostics.CodeAnalysis;
using System.Net;

namespace DomainCall.Dns;

/// <summary>Reads DNS server addresses as people write them: <c>192.0.2.53</c>, <c>192.0.2.53:5353</c>,
/// <c>2001:db8::53</c> or <c>[2001:db8::53]:5353</c>.</summary>
internal static class DnsEndpoints
{
    public static bool TryParse(string? text, int defaultPort, [NotNullWhen(true)] out IPEndPoint? endPoint)
    {
        endPoint = null;
        if (string.IsNullOrWhiteSpace(text) || !IPEndPoint.TryParse(text.Trim(), out var parsed))
        {
            return false;
        }

        // IPEndPoint reads a missing port as 0, which no DNS server listens on.
        endPoint = parsed.Port == 0 ? new IPEndPoint(parsed.Address, defaultPort) : parsed;
        return true;
    }

    public static IReadOnlyList<IPEndPoint> ParseAll(IEnumerable<string> texts, int defaultPort)
    {
        ArgumentNullException.ThrowIfNull(texts);

        return texts
            .Select(text => TryParse(text, defaultPort, out var endPoint)
                ? endPoint
                : throw new FormatException($"'{text}' is not an IP address with an optional port."))
            .ToArray();
    }

    /// <summary>Where to reach a server that listens on <paramref name="listen"/>: a wildcard address is reached
    /// through loopback.</summary>
    public static IPEndPoint Reachable(IPEndPoint listen)
    {
        ArgumentNullException.ThrowIfNull(listen);

        if (listen.Address.Equals(IPAddress.Any))
        {
            return new IPEndPoint(IPAddress.Loopback, listen.Port);
        }

        return listen.Address.Equals(IPAddress.IPv6Any) ? new IPEndPoint(IPAddress.IPv6Loopback, listen.Port) : listen;
    }
}
