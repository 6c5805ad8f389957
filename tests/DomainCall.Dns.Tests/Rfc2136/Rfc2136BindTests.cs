using DomainCall.Dns.Tests.Servers;

namespace DomainCall.Dns.Tests.Rfc2136;

/// <summary>RFC 2136 updates signed with TSIG, against BIND.</summary>
public sealed class Rfc2136BindTests(BindFixture server)
    : Rfc2136RegistrarTests<BindFixture>(server), IClassFixture<BindFixture>;
