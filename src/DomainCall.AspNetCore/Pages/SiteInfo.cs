using DomainCall.Availability;
using DomainCall.Callbacks;
using DomainCall.Engine;
using DomainCall.Hosting;

namespace DomainCall.Pages;

/// <summary>
/// What the widget needs before a call, served as JSON at <c>/call/info</c>: who is called, the reasons to pick from,
/// the modes, and the ICE servers for the browser's peer connection.
/// </summary>
/// <param name="Domain">The domain called.</param>
/// <param name="Name">The business name.</param>
/// <param name="Reasons">The reasons a caller can pick.</param>
/// <param name="Modes">The modes a caller can pick: <c>voice</c>, <c>video</c>, <c>chat</c>.</param>
/// <param name="IceServers">The STUN and TURN servers, in WebRTC's <c>RTCIceServer</c> shape.</param>
/// <param name="Availability">Whether calls ring now, and if not, when they ring again.</param>
/// <param name="PushKey">The VAPID public key browsers subscribe to push notifications with; null when the site
/// sends none.</param>
/// <param name="Callbacks">The limits of what a caller who reaches nobody may leave.</param>
internal sealed record SiteInfo(
    string Domain,
    string Name,
    IReadOnlyList<ReasonInfo> Reasons,
    IReadOnlyList<string> Modes,
    IReadOnlyList<SiteInfo.IceServer> IceServers,
    AvailabilityInfo Availability,
    string? PushKey,
    SiteInfo.CallbackLimits Callbacks)
{
    public static SiteInfo From(
        DomainCallSettings settings,
        CallbackOptions callbacks,
        Domain domain,
        string name,
        AvailabilityNow availability,
        string? pushKey) => new(
        domain.Value,
        name,
        [.. settings.ReasonList.Select(r => new ReasonInfo(r.Id, r.Label))],
        [.. Enum.GetValues<CallMode>().Select(m => EnumText.Of(m))],
        [.. settings.IceServers.Select(s => new IceServer([.. s.Urls], s.Username, s.Credential))],
        AvailabilityInfo.From(availability),
        pushKey,
        new CallbackLimits(
            callbacks.MaxMessageLength,
            callbacks.MaxVoiceBytes,
            (int)callbacks.MaxVoiceDuration.TotalSeconds,
            (int)settings.SlotLength.TotalMinutes));

    /// <summary>One STUN or TURN server.</summary>
    /// <param name="Urls">The server's addresses.</param>
    /// <param name="Username">The TURN user name, or null.</param>
    /// <param name="Credential">The TURN password, or null.</param>
    internal sealed record IceServer(IReadOnlyList<string> Urls, string? Username, string? Credential);

    /// <summary>What a caller who reaches nobody may leave.</summary>
    /// <param name="MaxMessageLength">The longest text message, in characters.</param>
    /// <param name="MaxVoiceBytes">The largest voice message, in bytes.</param>
    /// <param name="MaxVoiceSeconds">The longest voice message, in seconds.</param>
    /// <param name="SlotMinutes">The length of a callback slot, in minutes.</param>
    internal sealed record CallbackLimits(
        int MaxMessageLength, int MaxVoiceBytes, int MaxVoiceSeconds, int SlotMinutes);
}
