namespace DomainCall.Dns.Tests.Dns;

public sealed class OptionsValidationTests
{
    [Fact]
    public void Validate_DefaultOptions_HaveNoFailures()
    {
        Assert.Empty(new VerificationOptions().Validate("DomainCall:Verification:"));
        Assert.Empty(new GuestDnsOptions().Validate("DomainCall:GuestDns:"));
    }

    [Fact]
    public void Validate_EveryBadVerificationValue_IsReportedTogether()
    {
        var options = new VerificationOptions
        {
            CodeLifetime = TimeSpan.FromMinutes(5),
            Resolvers = { "192.0.2.53:5353", "dns.example.com" },
            AuthoritativePort = 0,
            Timeout = TimeSpan.FromMinutes(1),
            Retries = 9,
            RecheckInterval = TimeSpan.FromSeconds(10),
            RevocationGrace = TimeSpan.FromDays(-1),
            PublicSuffixListPath = "/nowhere/public_suffix_list.dat",
        };

        Assert.Equal(
            [
                "V:CodeLifetime must be between 01:00:00 and 30.00:00:00; it is 00:05:00.",
                "V:Resolvers[1] 'dns.example.com' is not an IP address with an optional port, such as '192.0.2.53' " +
                "or '[2001:db8::53]:5353'.",
                "V:AuthoritativePort must be between 1 and 65535; it is 0.",
                "V:Timeout must be between 00:00:00.1 and 00:00:30; it is 00:01:00.",
                "V:Retries must be between 0 and 5; it is 9.",
                "V:RecheckInterval must be between 00:01:00 and 7.00:00:00; it is 00:00:10.",
                "V:RevocationGrace must be between 00:00:00 and 30.00:00:00; it is -1.00:00:00.",
                "V:PublicSuffixListPath '/nowhere/public_suffix_list.dat' does not exist; point it at a copy of " +
                "public_suffix_list.dat, or leave it unset.",
            ],
            options.Validate("V:"));
    }

    [Fact]
    public void Validate_EveryBadGuestDnsValue_IsReportedTogether()
    {
        var options = new GuestDnsOptions
        {
            Address = "localhost",
            Port = 70_000,
            NameServer = "ns..example.com",
            NameServerAddress = "ns.example.com",
            HostmasterEmail = "hostmaster",
            RecordTtl = TimeSpan.Zero,
            RemovalCooldown = TimeSpan.FromDays(-1),
            LookupServers = { "[2001:db8::53]:53", "nowhere" },
        };

        Assert.Equal(
            [
                "G:Address 'localhost' is not an IP address, such as '127.0.0.1' or '::'.",
                "G:Port must be between 1 and 65535; it is 70000.",
                "G:NameServer is not a valid host name: 'ns..example.com' has an empty label (two dots in a row, or " +
                "a leading dot).",
                "G:NameServerAddress 'ns.example.com' is not an IP address.",
                "G:HostmasterEmail 'hostmaster' is not an email address such as 'hostmaster@example.com'.",
                "G:RecordTtl must be between 00:00:01 and 01:00:00; it is 00:00:00.",
                "G:RemovalCooldown must be between 00:00:00 and 30.00:00:00; it is -1.00:00:00.",
                "G:LookupServers[1] 'nowhere' is not an IP address with an optional port, such as '192.0.2.53' or " +
                "'[2001:db8::53]:5353'.",
            ],
            options.Validate("G:"));
    }

    [Fact]
    public void Lookup_NoLookupServers_AsksTheEmbeddedServerThroughLoopback()
    {
        var options = new GuestDnsOptions { Address = "0.0.0.0", Port = 5353 };

        Assert.Equal("127.0.0.1:5353", DnsEndpoints.Reachable(options.ListenEndPoint).ToString());
        Assert.Equal("[::1]:53", DnsEndpoints.Reachable(new System.Net.IPEndPoint(
            System.Net.IPAddress.IPv6Any, 53)).ToString());
    }

    [Theory]
    [InlineData("192.0.2.53", "192.0.2.53:53")]
    [InlineData(" 192.0.2.53:5353 ", "192.0.2.53:5353")]
    [InlineData("2001:db8::53", "[2001:db8::53]:53")]
    [InlineData("[2001:db8::53]:5353", "[2001:db8::53]:5353")]
    public void DnsEndpoints_WrittenAsPeopleWriteThem_AreRead(string text, string endPoint)
    {
        Assert.True(DnsEndpoints.TryParse(text, 53, out var parsed));
        Assert.Equal(endPoint, parsed.ToString());
    }
}
