namespace DomainCall.LoadHarness;

/// <summary>
/// The payload of <c>ReceiveIceCandidate</c> (which carries <see cref="Candidate"/>) and of <c>ReceiveOffer</c>
/// (which carries <see cref="Sdp"/>), reduced to the fields the harness reads.
/// </summary>
internal sealed record RelayedSignal(string CallId, string? Candidate, string? Sdp);
