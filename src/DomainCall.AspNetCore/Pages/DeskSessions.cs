using System.Globalization;
using System.Security.Cryptography;
using DomainCall.Engine;
using DomainCall.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace DomainCall.Pages;

/// <summary>
/// Remembers, in a cookie, that a browser signed in to the desk with the owner key, so the desk page and its hub
/// connection need not carry the key. The cookie is sealed with ASP.NET Core data protection, holds no key, expires
/// after <see cref="Lifetime"/>, and stops working as soon as the owner key is replaced.
/// </summary>
internal sealed class DeskSessions
{
    public const string CookieName = "DomainCall.Desk";
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(14);

    private readonly IDataProtector _protector;
    private readonly ICallStore _store;
    private readonly TimeProvider _time;

    public DeskSessions(IDataProtectionProvider protection, ICallStore store, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(protection);

        _protector = protection.CreateProtector("DomainCall.DeskSession.v1");
        _store = store;
        _time = time;
    }

    /// <summary>Signs the browser in when <paramref name="ownerKey"/> is the domain's owner key.</summary>
    /// <returns><see langword="true"/> when the key matched and the cookie was set.</returns>
    public async Task<bool> SignInAsync(HttpContext context, Domain domain, string? ownerKey, string cookiePath)
    {
        if (!Secrets.LooksLikeToken(ownerKey)
            || await _store.FindOwnerKeyHashAsync(domain, context.RequestAborted) is not { } hash
            || !Secrets.MatchesHash(ownerKey!, hash))
        {
            return false;
        }

        var expires = _time.GetUtcNow() + Lifetime;
        var payload = string.Join(
            '\n', domain.Value, Fingerprint(hash), expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        context.Response.Cookies.Append(CookieName, _protector.Protect(payload), new CookieOptions
        {
            HttpOnly = true,
            Secure = context.Request.IsHttps,
            SameSite = SameSiteMode.Strict,
            Path = cookiePath,
            Expires = expires,
            IsEssential = true,
        });
        return true;
    }

    public static void SignOut(HttpContext context, string cookiePath) =>
        context.Response.Cookies.Delete(CookieName, new CookieOptions { Path = cookiePath });

    /// <summary>Tells whether the request carries a live desk cookie for <paramref name="domain"/>.</summary>
    public async Task<bool> IsSignedInAsync(HttpContext? context, Domain domain, CancellationToken cancellationToken)
    {
        if (context?.Request.Cookies[CookieName] is not { } cookie || Read(cookie) is not { } session)
        {
            return false;
        }

        if (session.Domain != domain.Value || session.ExpiresAt <= _time.GetUtcNow())
        {
            return false;
        }

        var hash = await _store.FindOwnerKeyHashAsync(domain, cancellationToken);
        return hash is not null && CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.ASCII.GetBytes(Fingerprint(hash)),
            System.Text.Encoding.ASCII.GetBytes(session.KeyFingerprint));
    }

    private (string Domain, string KeyFingerprint, DateTimeOffset ExpiresAt)? Read(string cookie)
    {
        string payload;
        try
        {
            payload = _protector.Unprotect(cookie);
        }
        catch (CryptographicException)
        {
            // A cookie sealed with a key this server no longer has, or one that was tampered with: not signed in.
            return null;
        }

        var parts = payload.Split('\n');
        return parts.Length == 3 && long.TryParse(parts[2], CultureInfo.InvariantCulture, out var seconds)
            ? (parts[0], parts[1], DateTimeOffset.FromUnixTimeSeconds(seconds))
            : null;
    }

    // Part of the key's hash, so that replacing the owner key ends every desk session made with the old one.
    private static string Fingerprint(byte[] keyHash) => WebEncoders.Base64UrlEncode(keyHash, 0, 8);
}
