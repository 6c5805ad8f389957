using System.Net;
using System.Net.Http;
using System.Net.Sockets;

namespace DomainCall.Notifications;

/// <summary>
/// The connect step of a <see cref="SocketsHttpHandler"/> that reaches public addresses only. It resolves the host
/// itself and connects to an address it has just checked, so a DNS answer that changes between a check and the
/// connection (DNS rebinding) cannot lead into the server's own networks.
/// </summary>
internal static class PublicAddressConnector
{
    public static async ValueTask<Stream> ConnectAsync(
        SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);

        var host = context.DnsEndPoint.Host;
        var port = context.DnsEndPoint.Port;
        var addresses = await ResolveAsync(host, cancellationToken);
        var allowed = addresses.Where(AddressClassifier.IsPublic).ToArray();
        if (allowed.Length == 0)
        {
            var refused = addresses.Select(a => $"{a} ({AddressClassifier.NonPublicKind(a)})");
            throw new RefusedAddressException(
                $"The host '{host}' resolves only to non-public addresses ({string.Join(", ", refused)}); " +
                "no connection was made. Allow private networks for this receiver if it is meant to be internal.");
        }

        SocketException? last = null;
        foreach (var address in allowed)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException exception)
            {
                socket.Dispose();
                last = exception;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw last!;
    }

    private static async Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        var literal = host.StartsWith('[') && host.EndsWith(']') ? host[1..^1] : host;
        if (IPAddress.TryParse(literal, out var address))
        {
            return [address];
        }

        return await System.Net.Dns.GetHostAddressesAsync(host, cancellationToken);
    }
}
