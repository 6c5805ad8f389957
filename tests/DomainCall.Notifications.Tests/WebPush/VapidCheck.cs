using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace DomainCall.Notifications.Tests.WebPush;

/// <summary>Checks a VAPID <c>Authorization</c> header (RFC 8292) as a push service does.</summary>
internal static class VapidCheck
{
    /// <summary>Verifies the JWT's ES256 signature with the key in the header and returns the JWT's claims.</summary>
    public static JsonElement Verify(string authorization, string expectedPublicKey)
    {
        Assert.StartsWith("vapid ", authorization, StringComparison.Ordinal);
        var parameters = authorization["vapid ".Length..]
            .Split(',', StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2))
            .ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        Assert.Equal(expectedPublicKey, parameters["k"]);

        var parts = parameters["t"].Split('.');
        Assert.Equal(3, parts.Length);
        using var header = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[0]));
        Assert.Equal("ES256", header.RootElement.GetProperty("alg").GetString());

        var q = Base64Url.DecodeFromChars(parameters["k"]);
        using var key = ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = q[1..33], Y = q[33..] },
        });
        var signed = Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]);
        Assert.True(
            key.VerifyData(signed, Base64Url.DecodeFromChars(parts[2]), HashAlgorithmName.SHA256),
            "The VAPID JWT's ES256 signature does not verify.");

        using var claims = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]));
        return claims.RootElement.Clone();
    }
}
