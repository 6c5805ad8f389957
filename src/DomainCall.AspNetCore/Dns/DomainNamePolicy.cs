using System.Collections.Frozen;
using DomainCall.Engine;

namespace DomainCall.Dns;

/// <summary>
/// Refuses to verify names that no single owner controls: reserved and special-use names, and public suffixes.
/// </summary>
internal sealed class DomainNamePolicy
{
    // Names that never reach the public DNS, or that no registrar hands out. A name is refused when it is one of
    // these or lies below one.
    private static readonly FrozenDictionary<string, string> ReservedNames = new Dictionary<string, string>
    {
        ["localhost"] = "is reserved for this machine itself (RFC 6761)",
        ["test"] = "is reserved for testing (RFC 2606)",
        ["example"] = "is reserved for documentation (RFC 2606)",
        ["invalid"] = "is reserved for names that must not resolve (RFC 2606)",
        ["local"] = "is reserved for multicast DNS on a local network (RFC 6762)",
        ["arpa"] = "is reserved for the internet's infrastructure, such as reverse lookups (RFC 3172)",
        ["onion"] = "is reserved for Tor onion services (RFC 7686)",
        ["alt"] = "is reserved for names outside the DNS (RFC 9476)",
        ["internal"] = "is reserved by ICANN for private networks",
        ["home"] = "is withheld by ICANN because private networks use it",
        ["corp"] = "is withheld by ICANN because private networks use it",
        ["mail"] = "is withheld by ICANN because private networks use it",
        ["example.com"] = "is reserved for documentation (RFC 2606)",
        ["example.net"] = "is reserved for documentation (RFC 2606)",
        ["example.org"] = "is reserved for documentation (RFC 2606)",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private readonly PublicSuffixList _suffixes;

    public DomainNamePolicy(PublicSuffixList suffixes)
    {
        ArgumentNullException.ThrowIfNull(suffixes);

        _suffixes = suffixes;
    }

    /// <summary>Gets the public suffix list the policy checks against.</summary>
    public PublicSuffixList Suffixes => _suffixes;

    /// <summary>Says why a name cannot be verified, or returns <see langword="null"/> when it can be.</summary>
    public VerificationResult? Check(Domain domain)
    {
        var name = domain.Value;
        for (var start = 0; start >= 0; start = NextLabel(name, start))
        {
            var suffix = name[start..];
            if (ReservedNames.TryGetValue(suffix, out var why))
            {
                var what = start == 0 ? $"'{name}'" : $"'{name}' is under '{suffix}', which";
                return new VerificationResult(
                    VerificationOutcome.Reserved,
                    $"{what} {why}; it cannot be verified. Verify a domain registered in the public DNS.");
            }
        }

        if (_suffixes.IsPublicSuffix(domain))
        {
            return new VerificationResult(
                VerificationOutcome.PublicSuffix,
                $"'{name}' is a public suffix: unrelated owners register their names under it, so no one owner can " +
                $"verify it. Verify your own domain under it, such as example.{name}.");
        }

        return null;
    }

    /// <summary>Says why text that is not a domain name cannot be verified; an IP address gets its own
    /// answer.</summary>
    public static VerificationResult CheckText(string text, string parseError)
    {
        ArgumentNullException.ThrowIfNull(text);

        var trimmed = text.Trim().Trim('[', ']');
        if (System.Net.IPAddress.TryParse(trimmed, out _))
        {
            return new VerificationResult(
                VerificationOutcome.Reserved,
                $"'{trimmed}' is an IP address; only a domain name can be verified.");
        }

        return new VerificationResult(VerificationOutcome.InvalidName, $"This is not a domain name: {parseError}");
    }

    private static int NextLabel(string name, int start)
    {
        var dot = name.IndexOf('.', start);
        return dot < 0 ? -1 : dot + 1;
    }
}
