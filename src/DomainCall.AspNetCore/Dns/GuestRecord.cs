using System.Net;
using DomainCall.Engine;

namespace DomainCall.Dns;

/// <summary>
/// The DNS records of one guest name: a TXT record with the hash of the caller's authorization code, and optionally
/// an A or AAAA record.
/// </summary>
/// <param name="Name">The guest name, such as <c>swift-otter-42.guest.example.com</c>.</param>
/// <param name="CodeHash">The SHA-256 hash of the caller's authorization code in url-safe base64 without padding:
/// 43 characters.</param>
/// <param name="ExpiresAt">When the name expires and its records are removed.</param>
/// <param name="Address">The address of an A (IPv4) or AAAA (IPv6) record, or <see langword="null"/> for
/// none.</param>
public sealed record GuestRecord(Domain Name, string CodeHash, DateTimeOffset ExpiresAt, IPAddress? Address)
{
    /// <summary>The text a guest TXT record starts with: the format's version, then the hash algorithm.</summary>
    public const string TxtPrefix = "dc1 sha256=";

    private readonly string _codeHash = Checked(CodeHash);

    /// <summary>Gets the hash of the caller's authorization code.</summary>
    /// <exception cref="ArgumentException">The value is not 43 characters of url-safe base64.</exception>
    public string CodeHash
    {
        get => _codeHash;
        init => _codeHash = Checked(value);
    }

    /// <summary>Gets the text of the TXT record: <c>dc1 sha256=</c> followed by <see cref="CodeHash"/>.</summary>
    public string TxtValue => TxtPrefix + CodeHash;

    // The hash ends up in DNS as it is, so nothing but the 43 characters of a hash may reach a TXT record.
    private static string Checked(string codeHash) => GuestTxt.IsCodeHash(codeHash)
        ? codeHash
        : throw new ArgumentException(
            "A code hash is the SHA-256 of the code in url-safe base64 without padding: 43 characters.",
            nameof(codeHash));
}
