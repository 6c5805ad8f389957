using System.Buffers.Text;
using System.Security.Cryptography;

namespace DomainCall.WebPush;

/// <summary>Makes and checks VAPID key pairs.</summary>
public static class VapidKeys
{
    private const int PublicKeyLength = 65;
    private const int PrivateKeyLength = 32;

    /// <summary>Generates a new P-256 key pair for <see cref="WebPushOptions"/>.</summary>
    /// <returns>The key pair, base64url encoded.</returns>
    public static VapidKeyPair Generate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var parameters = key.ExportParameters(includePrivateParameters: true);
        return new VapidKeyPair(
            Base64Url.EncodeToString(PublicPoint(parameters.Q)), Base64Url.EncodeToString(parameters.D));
    }

    /// <summary>Tells what is wrong with a key pair, or returns null when the two keys belong together.</summary>
    internal static string? Check(string? publicKey, string? privateKey)
    {
        if (!TryDecode(publicKey, out var q) || q.Length != PublicKeyLength || q[0] != 0x04)
        {
            return "PublicKey must be an uncompressed P-256 public key, base64url encoded (65 bytes starting with 4).";
        }

        if (!TryDecode(privateKey, out var d) || d.Length != PrivateKeyLength)
        {
            return "PrivateKey must be a P-256 private key, base64url encoded (32 bytes).";
        }

        try
        {
            // Signing with the private key and checking with the public key is what a push service will do.
            using var signer = ECDsa.Create(new ECParameters
            {
                Curve = ECCurve.NamedCurves.nistP256,
                D = d,
                Q = new ECPoint { X = q[1..33], Y = q[33..] },
            });
            using var verifier = ECDsa.Create(new ECParameters
            {
                Curve = ECCurve.NamedCurves.nistP256,
                Q = new ECPoint { X = q[1..33], Y = q[33..] },
            });
            var data = "vapid"u8.ToArray();
            return verifier.VerifyData(data, signer.SignData(data, HashAlgorithmName.SHA256), HashAlgorithmName.SHA256)
                ? null
                : "PublicKey and PrivateKey do not belong together; generate a new pair with VapidKeys.Generate().";
        }
        catch (CryptographicException)
        {
            return "PublicKey and PrivateKey do not form a P-256 key pair; generate one with VapidKeys.Generate().";
        }
    }

    private static byte[] PublicPoint(ECPoint q) => [0x04, .. q.X!, .. q.Y!];

    private static bool TryDecode(string? text, out byte[] bytes)
    {
        bytes = [];
        if (string.IsNullOrEmpty(text) || text.Length > 200)
        {
            return false;
        }

        var buffer = new byte[Base64Url.GetMaxDecodedLength(text.Length)];
        var status = Base64Url.DecodeFromChars(text, buffer, out var consumed, out var written);
        if (status != System.Buffers.OperationStatus.Done || consumed != text.Length)
        {
            return false;
        }

        bytes = buffer[..written];
        return true;
    }
}
