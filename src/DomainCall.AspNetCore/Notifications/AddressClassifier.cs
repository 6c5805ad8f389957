using System.Net;

namespace DomainCall.Notifications;

/// <summary>
/// Tells public internet addresses from those that lead into the server's own networks, for outbound requests to
/// addresses that someone else chose (webhooks, push endpoints).
/// </summary>
internal static class AddressClassifier
{
    private static readonly (IPAddress Network, int Prefix, string Name)[] Blocked =
    [
        (IPAddress.Parse("0.0.0.0"), 8, "unspecified"),
        (IPAddress.Parse("10.0.0.0"), 8, "private"),
        (IPAddress.Parse("100.64.0.0"), 10, "shared (CGNAT)"),
        (IPAddress.Parse("127.0.0.0"), 8, "loopback"),
        (IPAddress.Parse("169.254.0.0"), 16, "link-local"),
        (IPAddress.Parse("172.16.0.0"), 12, "private"),
        (IPAddress.Parse("192.168.0.0"), 16, "private"),
        (IPAddress.Parse("224.0.0.0"), 4, "multicast"),
        (IPAddress.Parse("240.0.0.0"), 4, "reserved"),
        (IPAddress.Parse("::"), 128, "unspecified"),
        (IPAddress.Parse("::1"), 128, "loopback"),
        (IPAddress.Parse("fc00::"), 7, "private"),
        (IPAddress.Parse("fe80::"), 10, "link-local"),
        (IPAddress.Parse("ff00::"), 8, "multicast"),
    ];

    /// <summary>Names the kind of non-public network an address belongs to, or returns null for a public one.</summary>
    public static string? NonPublicKind(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);

        // An IPv4-mapped IPv6 address (::ffff:127.0.0.1) reaches the IPv4 host, so it is judged as that host.
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        foreach (var (network, prefix, name) in Blocked)
        {
            if (network.AddressFamily == address.AddressFamily && InNetwork(address, network, prefix))
            {
                return name;
            }
        }

        return null;
    }

    public static bool IsPublic(IPAddress address) => NonPublicKind(address) is null;

    private static bool InNetwork(IPAddress address, IPAddress network, int prefix)
    {
        Span<byte> a = stackalloc byte[16];
        Span<byte> n = stackalloc byte[16];
        address.TryWriteBytes(a, out var length);
        network.TryWriteBytes(n, out _);
        var bytes = prefix / 8;
        if (!a[..bytes].SequenceEqual(n[..bytes]))
        {
            return false;
        }

        var bits = prefix % 8;
        if (bits == 0 || bytes >= length)
        {
            return true;
        }

        var mask = (byte)(0xFF << (8 - bits));
        return (a[bytes] & mask) == (n[bytes] & mask);
    }
}
