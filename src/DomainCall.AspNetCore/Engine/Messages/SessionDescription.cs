namespace DomainCall.Engine;

/// <summary>An SDP offer or answer on its way to the other party.</summary>
internal sealed record SessionDescription(string CallId, string Sdp);
