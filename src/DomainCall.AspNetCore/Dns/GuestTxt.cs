using System.Buffers.Text;
using System.Security.Cryptography;
using DomainCall.Engine;

namespace DomainCall.Dns;

/// <summary>The guest TXT format, <c>dc1 sha256=&lt;base64url&gt;</c>: making the hash and checking a code.</summary>
internal static class GuestTxt
{
    /// <summary>The length of a SHA-256 hash in url-safe base64 without padding.</summary>
    public const int CodeHashLength = 43;

    private const int HashBytes = 32;

    public static string HashCode(string code)
    {
        ArgumentNullException.ThrowIfNull(code);

        return Base64Url.EncodeToString(Secrets.Hash(code));
    }

    public static bool IsCodeHash(string? text) =>
        text is { Length: CodeHashLength }
        && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
        && Base64Url.IsValid(text);

    /// <summary>Tells whether one TXT record's text holds the hash of <paramref name="presentedCode"/>.</summary>
    public static bool Matches(string txt, string presentedCode)
    {
        ArgumentNullException.ThrowIfNull(txt);
        ArgumentNullException.ThrowIfNull(presentedCode);

        var text = txt.Trim();
        if (!text.StartsWith(GuestRecord.TxtPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        var encoded = text[GuestRecord.TxtPrefix.Length..];
        if (!IsCodeHash(encoded))
        {
            return false;
        }

        Span<byte> published = stackalloc byte[HashBytes];
        if (Base64Url.DecodeFromChars(encoded, published, out _, out var written) != System.Buffers.OperationStatus.Done
            || written != HashBytes)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Secrets.Hash(presentedCode), published);
    }
}
