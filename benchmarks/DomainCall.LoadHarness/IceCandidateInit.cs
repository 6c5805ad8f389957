namespace DomainCall.LoadHarness;

/// <summary>An ICE candidate as a browser's <c>RTCIceCandidate.toJSON()</c> gives it, the argument of
/// <c>SendIceCandidate</c>.</summary>
internal sealed record IceCandidateInit(string Candidate, string? SdpMid, int? SdpMLineIndex, string? UsernameFragment);
