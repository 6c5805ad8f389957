using DomainCall.Dns.Tests.Servers;

namespace DomainCall.Dns.Tests.Rfc2136;

/// <summary>RFC 2136 updates signed with TSIG, against Knot DNS.</summary>
public sealed class Rfc2136KnotTests(KnotFixture server)
    : Rfc2136RegistrarTests<KnotFixture>(server), IClassFixture<KnotFixture>;
