using System.Net;
using System.Net.Sockets;

namespace DomainCall.Testing;

/// <summary>
/// Finds a loopback port free for both UDP and TCP, as a DNS server listens on both. Compiled into each test project
/// that starts a DNS server.
/// </summary>
internal static class FreeLoopbackPort
{
    public static int Find()
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            using var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            udp.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            var port = ((IPEndPoint)udp.LocalEndPoint!).Port;
            using var tcp = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                tcp.Bind(new IPEndPoint(IPAddress.Loopback, port));
                return port;
            }
            catch (SocketException)
            {
                // The UDP port was free but its TCP twin is taken; try another.
            }
        }

        throw new InvalidOperationException("No loopback port was free for both UDP and TCP.");
    }
}
