namespace DomainCall.Dns.Tests.Servers;

/// <summary>The zone and TSIG key every test DNS server is set up with.</summary>
/// <remarks>
/// The zone sits under a real top-level domain, not under <c>.test</c>, because verification refuses reserved names;
/// the tests only ever ask the servers they start on loopback, so no query for it leaves this machine.
/// </remarks>
public static class TestZone
{
    public const string Name = "dc-fixture.net";

    /// <summary>A zone the servers are told of but cannot load, so they answer SERVFAIL for it.</summary>
    public const string BrokenName = "dc-broken.net";

    public const string KeyName = "domaincall-test";

    public const string Algorithm = "hmac-sha256";

    /// <summary>A fixed test secret: 32 bytes in base64, as tsig-keygen makes them.</summary>
    public const string Secret = "2EoKBMGMxEKDJdSAZfBD3gR5lm5k9SAKNvBYNMYUKVU=";

    /// <summary>The zone file both servers load: SOA, NS, and the name server's loopback address.</summary>
    public static string ZoneFile => $"""
        $ORIGIN {Name}.
        $TTL 60
        @    SOA ns1 hostmaster 1 3600 600 604800 60
        @    NS  ns1
        ns1  A   127.0.0.1
        """ + "\n";

    /// <summary>A name of the zone that no other test uses, such as <c>t-3f2a9c1e.dc-fixture.net</c>.</summary>
    public static string UniqueName(string prefix = "t") => $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}.{Name}";
}
