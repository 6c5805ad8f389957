using DomainCall.Dns.Rfc2136;

namespace DomainCall.Dns.Tests.Rfc2136;

public sealed class Rfc2136OptionsValidatorTests
{
    [Fact]
    public void Validate_CompleteOptions_Succeed()
    {
        var options = new Rfc2136Options
        {
            Server = "192.0.2.53",
            Zone = "guest.example.com",
            KeyName = "domaincall",
            Secret = Convert.ToBase64String(new byte[32]),
        };

        Assert.True(new Rfc2136OptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void Validate_EmptyOptions_NameEveryRequiredValue()
    {
        var result = new Rfc2136OptionsValidator().Validate(null, new Rfc2136Options());

        Assert.Equal(
            [
                "DomainCall:Rfc2136:Server is required: the IP address of the zone's primary server, such as " +
                "'192.0.2.53'.",
                "DomainCall:Rfc2136:Zone is required: the zone that holds the guest names, such as " +
                "'guest.example.com'.",
                "DomainCall:Rfc2136:KeyName is required: the name of the TSIG key, exactly as the server knows it.",
                "DomainCall:Rfc2136:Secret is required: the TSIG key's secret in base64.",
            ],
            result.Failures);
    }

    [Fact]
    public void Validate_EveryBadValue_IsReportedTogether()
    {
        var options = new Rfc2136Options
        {
            Server = "ns1.example.com",
            Port = 0,
            Zone = "guest..example.com",
            KeyName = "domaincall",
            Algorithm = "hmac-md5",
            Secret = "not base64!",
            Ttl = TimeSpan.FromDays(2),
            Timeout = TimeSpan.Zero,
        };

        var result = new Rfc2136OptionsValidator().Validate(null, options);

        Assert.Equal(
            [
                "DomainCall:Rfc2136:Server 'ns1.example.com' is not an IP address, such as '192.0.2.53'.",
                "DomainCall:Rfc2136:Port must be between 1 and 65535; it is 0.",
                "DomainCall:Rfc2136:Zone is not a valid domain: 'guest..example.com' has an empty label (two dots " +
                "in a row, or a leading dot).",
                "DomainCall:Rfc2136:Algorithm 'hmac-md5' is not supported; use one of hmac-sha1, hmac-sha224, " +
                "hmac-sha256, hmac-sha384, hmac-sha512.",
                "DomainCall:Rfc2136:Secret is not a base64 secret of at least 16 bytes, as tsig-keygen or keymgr make.",
                "DomainCall:Rfc2136:Ttl must be between 00:00:01 and 1.00:00:00; it is 2.00:00:00.",
                "DomainCall:Rfc2136:Timeout must be between 00:00:00.1000000 and 00:01:00; it is 00:00:00.",
            ],
            result.Failures);
    }
}
