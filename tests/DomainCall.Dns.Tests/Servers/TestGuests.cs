using System.Net;
using DomainCall.Engine;

namespace DomainCall.Dns.Tests.Servers;

/// <summary>Guest records for tests, made from a code the way the server makes them.</summary>
public static class TestGuests
{
    internal static GuestRecord Record(string name, string code, DateTimeOffset expiresAt, IPAddress? address = null) =>
        new(Domain.Parse(name), GuestTxt.HashCode(code), expiresAt, address);
}
