namespace DomainCall.Dns.Rfc2136;

/// <summary>
/// Where and how guest names are published with RFC 2136 dynamic updates: the authoritative server, the zone, and
/// the TSIG key that signs every update. Bound from the <c>DomainCall:Rfc2136</c> configuration section and checked
/// when the application starts.
/// </summary>
public sealed class Rfc2136Options
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string SectionName = "DomainCall:Rfc2136";

    /// <summary>Gets or sets the IP address of the primary authoritative server of the zone. Required.</summary>
    /// <value>No default.</value>
    public string? Server { get; set; }

    /// <summary>Gets or sets the port the server takes updates on, over UDP and TCP.</summary>
    /// <value>The default value is 53; allowed from 1 to 65,535.</value>
    public int Port { get; set; } = 53;

    /// <summary>
    /// Gets or sets the zone that holds the guest names, such as <c>guest.example.com</c>; it must be a zone of its
    /// own on the server, or the zone that contains it. Required.
    /// </summary>
    /// <value>No default.</value>
    public string? Zone { get; set; }

    /// <summary>Gets or sets the name of the TSIG key, exactly as the server knows it. Required.</summary>
    /// <value>No default.</value>
    public string? KeyName { get; set; }

    /// <summary>
    /// Gets or sets the TSIG algorithm: <c>hmac-sha1</c>, <c>hmac-sha224</c>, <c>hmac-sha256</c>,
    /// <c>hmac-sha384</c> or <c>hmac-sha512</c>.
    /// </summary>
    /// <value>The default value is <c>hmac-sha256</c>.</value>
    public string Algorithm { get; set; } = "hmac-sha256";

    /// <summary>
    /// Gets or sets the TSIG key's secret in base64, as <c>tsig-keygen</c> (BIND) or <c>keymgr -t</c> (Knot) print
    /// it. Required. Keep it out of source control: use user secrets or an environment variable.
    /// </summary>
    /// <value>No default.</value>
    public string? Secret { get; set; }

    /// <summary>Gets or sets the time to live of the records published for a guest name.</summary>
    /// <value>The default value is 60 seconds; allowed from 1 second to 1 day.</value>
    public TimeSpan Ttl { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Gets or sets how long to wait for the server to answer an update.</summary>
    /// <value>The default value is 5 seconds; allowed from 100 milliseconds to 1 minute.</value>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);
}
