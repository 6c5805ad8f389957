namespace DomainCall.Engine;

/// <summary>An ICE candidate on its way to the other party: the fields of <c>RTCIceCandidateInit</c>.</summary>
internal sealed record IceCandidate(
    string CallId, string Candidate, string? SdpMid, int? SdpMLineIndex, string? UsernameFragment);
