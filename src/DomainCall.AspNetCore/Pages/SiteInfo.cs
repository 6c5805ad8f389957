using DomainCall.Availability;
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
internal sealed record SiteInfo(
    string Domain,
    string Name,
    IReadOnlyList<ReasonInfo> Reasons,
    IReadOnlyList<string> Modes,
    IReadOnlyList<SiteInfo.IceServer> IceServers,
    AvailabilityInfo Availability)
{
    public static SiteInfo From(
        DomainCallSettings settings, Domain domain, string name, AvailabilityNow availability) => new(
        domain.Value,
        name,
        [.. settings.ReasonList.Select(r => new ReasonInfo(r.Id, r.Label))],
        [.. Enum.GetValues<CallMode>().Select(m => EnumText.Of(m))],
        [.. settings.IceServers.Select(s => new IceServer([.. s.Urls], s.Username, s.Credential))],
        AvailabilityInfo.From(availability));

    /// <summary>One STUN or TURN server.</summary>
    /// <param name="Urls">The server's addresses.</param>
    /// <param name="Username">The TURN user name, or null.</param>
    /// <param name="Credential">The TURN password, or null.</param>
    internal sealed record IceServer(IReadOnlyList<string> Urls, string? Username, string? Credential);
}
