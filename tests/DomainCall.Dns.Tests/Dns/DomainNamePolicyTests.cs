using DomainCall.Engine;

namespace DomainCall.Dns.Tests.Dns;

public sealed class DomainNamePolicyTests
{
    private static readonly DomainNamePolicy Policy =
        new(PublicSuffixList.Parse(new StringReader("uk\nco.uk\ngithub.io\n")));

    [Theory]
    [InlineData("localhost")]
    [InlineData("app.localhost")]
    [InlineData("test")]
    [InlineData("shop.test")]
    [InlineData("example")]
    [InlineData("nothing.invalid")]
    [InlineData("printer.local")]
    [InlineData("1.2.0.192.in-addr.arpa")]
    [InlineData("router.home.arpa")]
    [InlineData("hidden.onion")]
    [InlineData("name.alt")]
    [InlineData("wiki.internal")]
    [InlineData("example.com")]
    [InlineData("www.example.org")]
    [InlineData("mail.example.net")]
    public void Check_ReservedOrSpecialUseName_IsRefusedAsReserved(string name)
    {
        var refusal = Policy.Check(Domain.Parse(name));

        Assert.NotNull(refusal);
        Assert.Equal(VerificationOutcome.Reserved, refusal.Outcome);
        Assert.Contains("it cannot be verified", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_NameBelowAReservedName_SaysWhichNameIsReserved()
    {
        var refusal = Policy.Check(Domain.Parse("shop.test"));

        Assert.Equal(
            "'shop.test' is under 'test', which is reserved for testing (RFC 2606); it cannot be verified. Verify a " +
            "domain registered in the public DNS.",
            refusal!.Message);
    }

    [Theory]
    [InlineData("co.uk")]
    [InlineData("uk")]
    [InlineData("github.io")]
    [InlineData("com")]
    public void Check_PublicSuffix_IsRefused(string name)
    {
        var refusal = Policy.Check(Domain.Parse(name));

        Assert.Equal(VerificationOutcome.PublicSuffix, refusal!.Outcome);
        Assert.Contains($"Verify your own domain under it, such as example.{name}.", refusal.Message,
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("example.co.uk")]
    [InlineData("user.github.io")]
    [InlineData("shop.example.de")]
    [InlineData("xn--bcher-kva.ch")]
    [InlineData("localhost-shop.com")]
    public void Check_RegistrableName_IsAllowed(string name)
    {
        Assert.Null(Policy.Check(Domain.Parse(name)));
    }

    [Theory]
    [InlineData("192.0.2.1")]
    [InlineData("2001:db8::1")]
    [InlineData("[2001:db8::1]")]
    public void CheckText_IpAddress_IsReserved(string text)
    {
        Assert.False(Domain.TryParse(text, out _, out var error));

        var refusal = DomainNamePolicy.CheckText(text, error);

        Assert.Equal(VerificationOutcome.Reserved, refusal.Outcome);
        Assert.EndsWith("is an IP address; only a domain name can be verified.", refusal.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void CheckText_Junk_IsInvalidNameWithTheParsersReason()
    {
        Assert.False(Domain.TryParse("shop..example.com", out _, out var error));

        var refusal = DomainNamePolicy.CheckText("shop..example.com", error);

        Assert.Equal(VerificationOutcome.InvalidName, refusal.Outcome);
        Assert.Equal("This is not a domain name: " + error, refusal.Message);
    }
}
