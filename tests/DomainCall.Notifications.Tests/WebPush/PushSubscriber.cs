using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;

namespace DomainCall.Notifications.Tests.WebPush;

/// <summary>
/// The browser's side of a push subscription: its P-256 key pair and authentication secret, and the decryption of
/// a push message per RFC 8291 (Message Encryption for Web Push) and RFC 8188 (aes128gcm), with the BCL only.
/// </summary>
internal sealed class PushSubscriber : IDisposable
{
    private readonly ECDiffieHellman _key = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
    private readonly byte[] _auth = RandomNumberGenerator.GetBytes(16);

    public byte[] PublicKey
    {
        get
        {
            var q = _key.ExportParameters(includePrivateParameters: false).Q;
            return [0x04, .. q.X!, .. q.Y!];
        }
    }

    public PushTarget Target(Uri endpoint) =>
        new(endpoint, Base64Url.EncodeToString(PublicKey), Base64Url.EncodeToString(_auth));

    public byte[] Decrypt(byte[] body)
    {
        // RFC 8188 header: salt (16), record size (4), key id length (1), key id = the sender's public key.
        var salt = body[..16];
        var recordSize = BinaryPrimitives.ReadUInt32BigEndian(body.AsSpan(16, 4));
        int idLength = body[20];
        var senderKey = body[21..(21 + idLength)];
        var ciphertext = body[(21 + idLength)..];
        Assert.Equal(65, idLength);
        Assert.True(ciphertext.Length <= recordSize, "The message spans more than one record.");

        using var sender = ECDiffieHellman.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = senderKey[1..33], Y = senderKey[33..] },
        });
        var sharedSecret = _key.DeriveRawSecretAgreement(sender.PublicKey);

        // RFC 8291 section 3.4: the input keying material mixes the shared secret with the auth secret and both keys.
        byte[] keyInfo = [.. "WebPush: info\0"u8, .. PublicKey, .. senderKey];
        var authPrk = HKDF.Extract(HashAlgorithmName.SHA256, sharedSecret, _auth);
        var ikm = HKDF.Expand(HashAlgorithmName.SHA256, authPrk, 32, keyInfo);
        var prk = HKDF.Extract(HashAlgorithmName.SHA256, ikm, salt);
        var cek = HKDF.Expand(HashAlgorithmName.SHA256, prk, 16, "Content-Encoding: aes128gcm\0"u8.ToArray());
        var nonce = HKDF.Expand(HashAlgorithmName.SHA256, prk, 12, "Content-Encoding: nonce\0"u8.ToArray());

        var plaintext = new byte[ciphertext.Length - 16];
        using (var aes = new AesGcm(cek, 16))
        {
            aes.Decrypt(nonce, ciphertext[..^16], ciphertext[^16..], plaintext);
        }

        // The last record ends with the delimiter 2, then zero padding.
        var end = Array.FindLastIndex(plaintext, b => b != 0);
        Assert.Equal(2, plaintext[end]);
        return plaintext[..end];
    }

    public void Dispose() => _key.Dispose();
}
