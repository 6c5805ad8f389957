using System.Net;
using DomainCall.Dns.Tests.Servers;
using DomainCall.Engine;

namespace DomainCall.Dns.Tests.Dns;

public sealed class GuestTxtTests
{
    [Fact]
    public void HashCode_Code_IsSha256InUrlSafeBase64()
    {
        // SHA-256 of "abc", a published test vector, in url-safe base64 without padding.
        Assert.Equal("ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0", GuestTxt.HashCode("abc"));
    }

    [Fact]
    public void TxtValue_Record_IsTheVersionAlgorithmAndHash()
    {
        var record = TestGuests.Record("swift-otter-42.guest.example.com", "abc", DateTimeOffset.UtcNow);

        Assert.Equal("dc1 sha256=ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0", record.TxtValue);
    }

    [Theory]
    [InlineData("")]
    [InlineData("ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa")]
    [InlineData("ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0")]
    [InlineData("ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0=")]
    [InlineData("\"; rm -rf /; echo \"aaaaaaaaaaaaaaaaaaaaaaaaa")]
    public void GuestRecord_HashThatIsNot43UrlSafeCharacters_IsRefused(string hash)
    {
        Assert.Throws<ArgumentException>(
            () => new GuestRecord(Domain.Parse("a.guest.example.com"), hash, DateTimeOffset.UtcNow, null));
    }

    [Fact]
    public void Matches_RightCode_IsTrue()
    {
        var code = Secrets.NewToken();
        var record = TestGuests.Record("a.guest.example.com", code, DateTimeOffset.UtcNow, IPAddress.Loopback);

        Assert.True(GuestTxt.Matches(record.TxtValue, code));
        Assert.True(GuestTxt.Matches("  " + record.TxtValue + " ", code));
    }

    [Theory]
    [InlineData("dc1 sha256=ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0", "abd")]
    [InlineData("dc2 sha256=ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0", "abc")]
    [InlineData("dc1 sha512=ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0", "abc")]
    [InlineData("dc1 sha256=ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAF", "abc")]
    [InlineData("dc1 sha256=", "abc")]
    [InlineData("token=abc", "abc")]
    public void Matches_OtherCodeOrMalformedText_IsFalse(string txt, string code)
    {
        Assert.False(GuestTxt.Matches(txt, code));
    }

    [Fact]
    public void GuestRecord_BadHashGivenWithWith_IsRefused()
    {
        var record = TestGuests.Record("a.guest.example.com", "abc", DateTimeOffset.UtcNow);

        Assert.Throws<ArgumentException>(() => record with { CodeHash = "\"; injected" });
    }
}
