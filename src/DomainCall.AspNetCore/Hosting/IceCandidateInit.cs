namespace DomainCall.Hosting;

/// <summary>
/// An ICE candidate as a browser's <c>RTCIceCandidate.toJSON()</c> gives it; checked before it is relayed.
/// </summary>
internal sealed class IceCandidateInit
{
    public string? Candidate { get; set; }

    public string? SdpMid { get; set; }

    public int? SdpMLineIndex { get; set; }

    public string? UsernameFragment { get; set; }
}
