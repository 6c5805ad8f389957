using System.Globalization;
using System.Security.Cryptography;
using DomainCall.Engine;
using DomainCall.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace DomainCall.Pages;

/// <summary>
/// Remembers, in a cookie, that a browser signed in to the desk with the owner key, or joined as a member, so the
/// desk page and its hub connection need not carry a key. The cookie is sealed with ASP.NET Core data protection,
/// holds no key, expires after <see cref="Lifetime"/>, and stops working as soon as the owner key is replaced or the
/// member is removed.
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

        SetCookie(context, domain, hash, memberId: null, cookiePath);
        return true;
    }

    /// <summary>Signs the browser in as a member who has just joined with an invite code.</summary>
    public void SignInMember(HttpContext context, DomainMember member, string cookiePath)
    {
        ArgumentNullException.ThrowIfNull(member);

        SetCookie(context, member.Domain, member.KeyHash, member.Id, cookiePath);
    }

    private void SetCookie(HttpContext context, Domain domain, byte[] keyHash, string? memberId, string cookiePath)
    {
        var expires = _time.GetUtcNow() + Lifetime;
        var seconds = expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var payload = memberId is null
            ? string.Join('\n', domain.Value, Fingerprint(keyHash), seconds)
            : string.Join('\n', domain.Value, Fingerprint(keyHash), seconds, memberId);
        context.Response.Cookies.Append(CookieName, _protector.Protect(payload), new CookieOptions
        {
            HttpOnly = true,
            Secure = context.Request.IsHttps,
            SameSite = SameSiteMode.Strict,
            Path = cookiePath,
            Expires = expires,
            IsEssential = true,
        });
    }

    public static void SignOut(HttpContext context, string cookiePath) =>
        context.Response.Cookies.Delete(CookieName, new CookieOptions { Path = cookiePath });

    /// <summary>
    /// Tells who the request's live desk cookie for <paramref name="domain"/> signed in: the owner, or a member who
    /// has not been removed; <see langword="null"/> when there is no such cookie.
    /// </summary>
    public async Task<DeskGrant?> GrantOfAsync(
        HttpContext? context, Domain domain, CancellationToken cancellationToken)
    {
        if (context?.Request.Cookies[CookieName] is not { } cookie || Read(cookie) is not { } session)
        {
            return null;
        }

        if (session.Domain != domain.Value || session.ExpiresAt <= _time.GetUtcNow())
        {
            return null;
        }

        if (session.MemberId is { } memberId)
        {
            var member = await _store.FindMemberAsync(domain, memberId, cancellationToken);
            return member is not null && Matches(member.KeyHash, session.KeyFingerprint)
                ? new DeskGrant(member.Id, member.Rights)
                : null;
        }

        var hash = await _store.FindOwnerKeyHashAsync(domain, cancellationToken);
        return hash is not null && Matches(hash, session.KeyFingerprint) ? DeskGrant.Owner : null;
    }

    private static bool Matches(byte[] keyHash, string fingerprint) =>
        CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.ASCII.GetBytes(Fingerprint(keyHash)),
            System.Text.Encoding.ASCII.GetBytes(fingerprint));

    private (string Domain, string KeyFingerprint, DateTimeOffset ExpiresAt, string? MemberId)? Read(string cookie)
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
        // An owner's session has three parts; a member's adds the member id.
        return parts.Length is 3 or 4 && long.TryParse(parts[2], CultureInfo.InvariantCulture, out var seconds)
            ? (parts[0], parts[1], DateTimeOffset.FromUnixTimeSeconds(seconds), parts.Length == 4 ? parts[3] : null)
            : null;
    }

    // Part of the key's hash, so that replacing the owner key ends every desk session made with the old one, and a
    // member's session is bound to that member's key.
    private static string Fingerprint(byte[] keyHash) => WebEncoders.Base64UrlEncode(keyHash, 0, 8);
}
