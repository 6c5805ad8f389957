using System.Net;

namespace DomainCall.Notifications.Tests.Notifications;

public sealed class AddressClassifierTests
{
    [Theory]
    [InlineData("127.0.0.1", "loopback")]
    [InlineData("127.255.0.9", "loopback")]
    [InlineData("::1", "loopback")]
    [InlineData("10.0.0.1", "private")]
    [InlineData("172.16.0.1", "private")]
    [InlineData("172.31.255.255", "private")]
    [InlineData("192.168.1.1", "private")]
    [InlineData("fc00::1", "private")]
    [InlineData("fd12:3456::1", "private")]
    [InlineData("169.254.169.254", "link-local")]
    [InlineData("fe80::1", "link-local")]
    [InlineData("febf::1", "link-local")]
    [InlineData("100.64.0.1", "shared (CGNAT)")]
    [InlineData("100.127.255.254", "shared (CGNAT)")]
    [InlineData("0.0.0.0", "unspecified")]
    [InlineData("::", "unspecified")]
    [InlineData("224.0.0.1", "multicast")]
    [InlineData("ff02::1", "multicast")]
    [InlineData("::ffff:127.0.0.1", "loopback")]
    [InlineData("::ffff:10.1.2.3", "private")]
    [InlineData("::ffff:169.254.169.254", "link-local")]
    public void NonPublicKind_NonPublicAddress_NamesItsNetwork(string address, string kind)
    {
        Assert.Equal(kind, AddressClassifier.NonPublicKind(IPAddress.Parse(address)));
        Assert.False(AddressClassifier.IsPublic(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("93.184.215.14")]
    [InlineData("8.8.8.8")]
    [InlineData("172.15.255.255")]
    [InlineData("172.32.0.0")]
    [InlineData("100.63.255.255")]
    [InlineData("100.128.0.0")]
    [InlineData("169.253.255.255")]
    [InlineData("2606:4700::1111")]
    [InlineData("fec0::1")]
    [InlineData("::ffff:8.8.8.8")]
    public void NonPublicKind_PublicAddress_IsNull(string address)
    {
        Assert.Null(AddressClassifier.NonPublicKind(IPAddress.Parse(address)));
        Assert.True(AddressClassifier.IsPublic(IPAddress.Parse(address)));
    }
}
