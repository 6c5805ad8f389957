namespace DomainCall.LoadHarness;

/// <summary>What a caller relays to its desk in a measurement.</summary>
internal enum SignalKind
{
    /// <summary>An ICE candidate of about 50 characters, through <c>SendIceCandidate</c>.</summary>
    IceCandidate,

    /// <summary>A 4.4 KB session description, through <c>SendOffer</c>.</summary>
    Offer,
}
