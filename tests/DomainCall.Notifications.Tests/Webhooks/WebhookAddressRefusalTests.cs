using System.Net;
using System.Net.Sockets;
using DomainCall.Notifications.Tests.Shared;

namespace DomainCall.Notifications.Tests.Webhooks;

public sealed class WebhookAddressRefusalTests : IDisposable
{
    private readonly TempStore _store = new();
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);

    public WebhookAddressRefusalTests()
    {
        _listener.Start();
    }

    private int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public void Dispose()
    {
        _listener.Dispose();
        _store.Dispose();
    }

    [Theory]
    [InlineData("127.0.0.1", "127.0.0.1 (loopback)")]
    [InlineData("localhost", "(loopback)")]
    [InlineData("[::ffff:127.0.0.1]", "(loopback)")]
    public async Task Deliver_LoopbackWithoutPrivateNetworks_IsRefusedAndNeverConnects(string host, string named)
    {
        var url = new Uri($"https://{host}:{Port}/hook");
        var rig = WebhookRig.Rig(_store, url, allowPrivateNetworks: false);
        var notification = TestNotifications.ForOwner();

        await rig.Queue.EnqueueAsync(notification, CancellationToken.None);
        await rig.DeliverUntilSettledAsync();

        Assert.False(_listener.Pending(), "A connection reached the loopback listener.");
        var delivery = await rig.SingleDeliveryAsync(notification);
        Assert.Equal(DeliveryState.Dead, delivery.State);
        Assert.Equal(1, delivery.Attempts);
        Assert.Contains("was refused: The host", delivery.LastError, StringComparison.Ordinal);
        Assert.Contains(named, delivery.LastError, StringComparison.Ordinal);
        Assert.Contains("no connection was made", delivery.LastError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("10.0.0.1", "10.0.0.1 (private)")]
    [InlineData("169.254.169.254", "169.254.169.254 (link-local)")]
    [InlineData("100.64.0.1", "100.64.0.1 (shared (CGNAT))")]
    [InlineData("[fd00::1]", "fd00::1 (private)")]
    public async Task Deliver_PrivateOrMetadataAddress_IsRefusedBeforeConnecting(string host, string named)
    {
        var rig = WebhookRig.Rig(_store, new Uri($"https://{host}/hook"), allowPrivateNetworks: false);
        var notification = TestNotifications.ForOwner();

        await rig.Queue.EnqueueAsync(notification, CancellationToken.None);
        await rig.DeliverUntilSettledAsync();

        var delivery = await rig.SingleDeliveryAsync(notification);
        Assert.Equal(DeliveryState.Dead, delivery.State);
        Assert.Equal(1, delivery.Attempts);
        Assert.Equal(
            $"Webhook 0 (https://{host}) was refused: The host '{host}' resolves only to " +
            $"non-public addresses ({named}); no connection was made. Allow private networks for this receiver if " +
            "it is meant to be internal.",
            delivery.LastError);
    }

    [Fact]
    public async Task Deliver_LoopbackWithPrivateNetworksAllowed_Connects()
    {
        await using var receiver = await HttpReceiver.StartAsync();
        var url = new Uri($"http://localhost:{receiver.BaseAddress.Port}/hook");
        var rig = WebhookRig.Rig(_store, url, allowPrivateNetworks: true);
        var notification = TestNotifications.ForOwner();

        await rig.Queue.EnqueueAsync(notification, CancellationToken.None);
        await rig.DeliverUntilSettledAsync();

        Assert.Single(receiver.Requests);
        Assert.Equal(DeliveryState.Sent, (await rig.SingleDeliveryAsync(notification)).State);
    }

    [Fact]
    public async Task Deliver_RedirectToLoopback_IsNotFollowed()
    {
        await using var target = await HttpReceiver.StartAsync();
        await using var redirector = await HttpReceiver.StartAsync();
        redirector.Handler = (context, _) =>
        {
            context.Response.Redirect(new Uri(target.BaseAddress, "/internal").AbsoluteUri);
            return Task.CompletedTask;
        };
        var rig = WebhookRig.Rig(
            _store, redirector.BaseAddress, allowPrivateNetworks: true, new NotificationOptions { MaxAttempts = 1 });
        var notification = TestNotifications.ForOwner();

        await rig.Queue.EnqueueAsync(notification, CancellationToken.None);
        await rig.DeliverUntilSettledAsync();

        Assert.Empty(target.Requests);
        var delivery = await rig.SingleDeliveryAsync(notification);
        Assert.Equal(DeliveryState.Dead, delivery.State);
        Assert.EndsWith("answered 302 Found.", delivery.LastError, StringComparison.Ordinal);
    }
}
