using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace DomainCall.Engine;

/// <summary>Call ids, codes and keys: random, url-safe, and compared in constant time.</summary>
internal static class Secrets
{
    /// <summary>128 random bits, as the design requires of every id, code and key.</summary>
    public const int TokenBytes = 16;

    /// <summary>The length of a token's url-safe base64 text, without padding.</summary>
    public const int TokenLength = 22;

    public static string NewToken()
    {
        Span<byte> bytes = stackalloc byte[TokenBytes];
        RandomNumberGenerator.Fill(bytes);
        return Base64Url.EncodeToString(bytes);
    }

    public static bool LooksLikeToken(string? text) =>
        text is { Length: TokenLength } && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    // A key holds 128 random bits, so a single fast hash is enough: nothing is left to brute-force offline.
    public static bool MatchesHash(string secret, byte[] expectedHash) =>
        CryptographicOperations.FixedTimeEquals(Hash(secret), expectedHash);
}
