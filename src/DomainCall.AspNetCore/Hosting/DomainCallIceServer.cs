namespace DomainCall.Hosting;

/// <summary>A STUN or TURN server handed to the browsers, as in WebRTC's <c>RTCIceServer</c>.</summary>
public sealed class DomainCallIceServer
{
    /// <summary>Gets the server's addresses, such as <c>stun:stun.example.com:3478</c> or <c>turns:…</c>.</summary>
    /// <value>Empty by default; at least one is required.</value>
    public IList<string> Urls { get; } = [];

    /// <summary>Gets or sets the user name for a TURN server.</summary>
    /// <value>No default; STUN servers need none.</value>
    public string? Username { get; set; }

    /// <summary>Gets or sets the password for a TURN server.</summary>
    /// <value>No default; STUN servers need none.</value>
    public string? Credential { get; set; }
}
