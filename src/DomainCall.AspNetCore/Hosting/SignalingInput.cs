using System.Buffers;
using System.Globalization;
using DomainCall.Engine;

namespace DomainCall.Hosting;

/// <summary>
/// Checks every field a client sends before the switchboard sees it: presence, length, characters and enums.
/// A refused field is answered with <c>invalid-argument</c> and a sentence naming the field; nothing changes.
/// </summary>
internal static class SignalingInput
{
    public const int MaxSdpLength = 32 * 1024;
    public const int MaxCandidateLength = 1024;
    public const int MaxSdpMidLength = 64;
    public const int MaxUsernameFragmentLength = 256;
    public const int MaxMediaSections = 64;
    public const int MaxOutOfOfficeMessage = 500;

    private static readonly SearchValues<char> Printable = SearchValues.Create(PrintableAscii());
    private static readonly SearchValues<char> PrintableOrLineBreak = SearchValues.Create(PrintableAscii() + "\r\n");

    public static bool IsReasonId(string? text) =>
        text is { Length: >= 1 and <= 32 }
        && text.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');

    public static Domain Domain(string? text, string field) =>
        Engine.Domain.TryParse(text, out var domain, out var error)
            ? domain
            : throw SignalingException.InvalidArgument($"{field}: {error}");

    public static string Reason(string? text) =>
        IsReasonId(text)
            ? text!
            : throw SignalingException.InvalidArgument(
                "reason: a reason id is 1 to 32 lower-case letters, digits and hyphens.");

    public static CallMode Mode(string? text) =>
        EnumText.TryParse<CallMode>(text, out var mode)
            ? mode
            : throw SignalingException.InvalidArgument(
                $"mode: must be one of {string.Join(", ", EnumText.All<CallMode>())}.");

    public static string CallId(string? text) =>
        Secrets.LooksLikeToken(text)
            ? text!
            : throw SignalingException.InvalidArgument(
                $"callId: a call id is {Secrets.TokenLength} characters of letters, digits, '-' and '_'.");

    public static string CallbackId(string? text) =>
        Secrets.LooksLikeToken(text)
            ? text!
            : throw SignalingException.InvalidArgument(
                $"callbackId: a callback id is {Secrets.TokenLength} characters of letters, digits, '-' and '_'.");

    public static string CallbackToken(string? text) =>
        Secrets.LooksLikeToken(text)
            ? text!
            : throw SignalingException.InvalidArgument(
                $"token: a callback token is {Secrets.TokenLength} characters of letters, digits, '-' and '_'.");

    public static string OwnerKey(string? text) =>
        Secrets.LooksLikeToken(text)
            ? text!
            : throw SignalingException.InvalidArgument(
                $"ownerKey: an owner key is {Secrets.TokenLength} characters of letters, digits, '-' and '_'.");

    public static string GuestCode(string? text) =>
        Secrets.LooksLikeToken(text)
            ? text!
            : throw SignalingException.InvalidArgument(
                $"code: an authorization code is {Secrets.TokenLength} characters of letters, digits, '-' and '_'.");

    public static string Sdp(string? text)
    {
        if (text is null || text.Length is 0 or > MaxSdpLength || !text.StartsWith("v=0", StringComparison.Ordinal))
        {
            throw SignalingException.InvalidArgument(
                $"sdp: a session description starts with 'v=0' and is at most {MaxSdpLength} characters.");
        }

        if (!IsPrintable(text, allowLineBreaks: true))
        {
            throw SignalingException.InvalidArgument("sdp: a session description holds no control characters.");
        }

        return text;
    }

    public static IceCandidate Candidate(string callId, IceCandidateInit? init)
    {
        if (init is null)
        {
            throw SignalingException.InvalidArgument("candidate: an ICE candidate object is required.");
        }

        // An empty candidate string is how a browser says it has gathered everything; it is relayed as is.
        var candidate = init.Candidate ?? string.Empty;
        if (candidate.Length > MaxCandidateLength || !IsPrintable(candidate, allowLineBreaks: false))
        {
            throw SignalingException.InvalidArgument(
                $"candidate: an ICE candidate is at most {MaxCandidateLength} printable characters.");
        }

        if (init.SdpMid is { } mid && (mid.Length > MaxSdpMidLength || !IsPrintable(mid, allowLineBreaks: false)))
        {
            throw SignalingException.InvalidArgument(
                $"sdpMid: at most {MaxSdpMidLength} printable characters.");
        }

        if (init.SdpMLineIndex is < 0 or >= MaxMediaSections)
        {
            throw SignalingException.InvalidArgument($"sdpMLineIndex: from 0 to {MaxMediaSections - 1}.");
        }

        if (init.UsernameFragment is { } fragment
            && (fragment.Length > MaxUsernameFragmentLength || !IsPrintable(fragment, allowLineBreaks: false)))
        {
            throw SignalingException.InvalidArgument(
                $"usernameFragment: at most {MaxUsernameFragmentLength} printable characters.");
        }

        return new IceCandidate(callId, candidate, init.SdpMid, init.SdpMLineIndex, init.UsernameFragment);
    }

    public static bool Switch(bool? value, string field) =>
        value ?? throw SignalingException.InvalidArgument($"{field}: true or false is required.");

    /// <summary>
    /// Checks an owner's message to callers: plain text of at most <see cref="MaxOutOfOfficeMessage"/> characters,
    /// line breaks allowed, no other control characters. Blank means no message.
    /// </summary>
    public static string? OutOfOfficeMessage(string? text)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        if (trimmed.Length > MaxOutOfOfficeMessage || trimmed.Any(c => char.IsControl(c) && c is not '\n' and not '\r'))
        {
            throw SignalingException.InvalidArgument(
                $"message: at most {MaxOutOfOfficeMessage} characters of plain text; line breaks are the only " +
                "control characters allowed.");
        }

        return trimmed;
    }

    /// <summary>Checks a return date: <c>YYYY-MM-DD</c>, after <paramref name="today"/> in the owner's zone.
    /// </summary>
    public static DateOnly? ReturnsOn(string? text, DateOnly today, string zone)
    {
        if (text is null)
        {
            return null;
        }

        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            throw SignalingException.InvalidArgument("returnsOn: a date written as YYYY-MM-DD, or null.");
        }

        // The switch turns itself off when the return date begins, so today or earlier would be off at once.
        if (day <= today)
        {
            throw SignalingException.InvalidArgument(string.Create(
                CultureInfo.InvariantCulture,
                $"returnsOn: the return date must be after today, {today:yyyy-MM-dd} in {zone}, the owner's zone."));
        }

        return day;
    }

    private static string PrintableAscii() => new([.. Enumerable.Range(' ', '~' - ' ' + 1).Select(c => (char)c)]);

    // Every offer and answer passes through here, so the check is a vectorised search rather than a loop.
    private static bool IsPrintable(string text, bool allowLineBreaks) =>
        !text.AsSpan().ContainsAnyExcept(allowLineBreaks ? PrintableOrLineBreak : Printable);
}
