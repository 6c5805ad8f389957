using System.Diagnostics.CodeAnalysis;
using ARSoft.Tools.Net.Dns;

namespace DomainCall.Dns.Rfc2136;

/// <summary>The TSIG algorithms by the names BIND and Knot give them. HMAC-MD5 is left out: it is broken.</summary>
internal static class TsigAlgorithms
{
    private static readonly Dictionary<string, TSigAlgorithm> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["hmac-sha1"] = TSigAlgorithm.Sha1,
        ["hmac-sha224"] = TSigAlgorithm.Sha224,
        ["hmac-sha256"] = TSigAlgorithm.Sha256,
        ["hmac-sha384"] = TSigAlgorithm.Sha384,
        ["hmac-sha512"] = TSigAlgorithm.Sha512,
    };

    public static IEnumerable<string> Names => ByName.Keys;

    public static bool TryParse(string? name, [NotNullWhen(true)] out TSigAlgorithm? algorithm)
    {
        algorithm = null;
        if (name is null || !ByName.TryGetValue(name.Trim(), out var found))
        {
            return false;
        }

        algorithm = found;
        return true;
    }
}
