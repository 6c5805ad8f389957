using System.Text.Json;
using DomainCall.Notifications.Tests.Shared;
using DomainCall.WebPush;
using Microsoft.Extensions.Logging.Abstractions;

namespace DomainCall.Notifications.Tests.WebPush;

public sealed class WebPushSenderTests : IDisposable
{
    private const string Subject = "mailto:admin@example.com";

    private readonly TempStore _store = new();
    private readonly PushSubscriber _browser = new();
    private readonly VapidKeyPair _keys = VapidKeys.Generate();
    private readonly RecordingRemover _remover = new();

    public void Dispose()
    {
        _browser.Dispose();
        _store.Dispose();
    }

    private OutboxRig Rig(bool allowPrivateNetworks = true)
    {
        var options = new WebPushOptions
        {
            Subject = Subject,
            PublicKey = _keys.PublicKey,
            PrivateKey = _keys.PrivateKey,
            AllowPrivateNetworks = allowPrivateNetworks,
        };
        var sender = new WebPushNotificationSender(
            Microsoft.Extensions.Options.Options.Create(options),
            HttpClients.Handlers(),
            [_remover],
            NullLogger<WebPushNotificationSender>.Instance);
        return new OutboxRig(_store.Path, [sender]);
    }

    [Fact]
    public async Task Send_CallerWithSubscription_DeliversAPayloadOnlyTheBrowserCanRead()
    {
        await using var pushService = await HttpReceiver.StartAsync();
        pushService.DefaultStatus = 201;
        var rig = Rig();
        var notification = TestNotifications.ForCaller(
            toEmail: null, push: _browser.Target(new Uri(pushService.BaseAddress, "/push/sub-123")));

        await rig.Queue.EnqueueAsync(notification, CancellationToken.None);
        await rig.DeliverUntilSettledAsync();

        var request = Assert.Single(pushService.Requests);
        Assert.Equal(("POST", "/push/sub-123"), (request.Method, request.PathAndQuery));
        Assert.Equal("aes128gcm", request.Headers["Content-Encoding"]);
        Assert.Equal("300", request.Headers["TTL"]);
        Assert.Equal("high", request.Headers["Urgency"]);
        var raw = System.Text.Encoding.UTF8.GetString(request.Body);
        Assert.DoesNotContain("Open the link", raw, StringComparison.Ordinal);

        using var payload = JsonDocument.Parse(_browser.Decrypt(request.Body));
        Assert.Equal("Example Shop is calling you back", payload.RootElement.GetProperty("title").GetString());
        Assert.Equal("Open the link to take the call.", payload.RootElement.GetProperty("body").GetString());
        Assert.Equal(
            "https://example.com/call?callback=abc&token=xyz", payload.RootElement.GetProperty("url").GetString());

        var claims = VapidCheck.Verify(request.Headers["Authorization"], _keys.PublicKey);
        Assert.Equal(pushService.BaseAddress.GetLeftPart(UriPartial.Authority), claims.GetProperty("aud").GetString());
        Assert.Equal(Subject, claims.GetProperty("sub").GetString());
        var expires = DateTimeOffset.FromUnixTimeSeconds(claims.GetProperty("exp").GetInt64());
        Assert.InRange(expires, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddHours(24));

        Assert.Equal(DeliveryState.Sent, (await rig.SingleDeliveryAsync(notification)).State);
        Assert.Empty(_remover.Removed);
    }

    [Fact]
    public async Task Send_OtherKinds_UseTheConfiguredTimeToLiveAndNormalUrgency()
    {
        await using var pushService = await HttpReceiver.StartAsync();
        pushService.DefaultStatus = 201;
        var rig = Rig();
        var notification = TestNotifications.ForCaller(toEmail: null, push: _browser.Target(pushService.BaseAddress))
            with { Kind = NotificationKind.CallbackDue };

        await rig.Queue.EnqueueAsync(notification, CancellationToken.None);
        await rig.DeliverUntilSettledAsync();

        var request = Assert.Single(pushService.Requests);
        Assert.Equal("86400", request.Headers["TTL"]);
        Assert.False(request.Headers.ContainsKey("Urgency"), "Normal urgency is the protocol's default.");
    }

    [Theory]
    [InlineData(410)]
    [InlineData(404)]
    public async Task Send_SubscriptionGone_DropsItAndDoesNotRetry(int status)
    {
        await using var pushService = await HttpReceiver.StartAsync();
        pushService.DefaultStatus = status;
        var rig = Rig();
        var notification = TestNotifications.ForCaller(toEmail: null, push: _browser.Target(pushService.BaseAddress));

        await rig.Queue.EnqueueAsync(notification, CancellationToken.None);
        await rig.DeliverUntilSettledAsync();

        Assert.Single(pushService.Requests);
        Assert.Equal(notification.Push, Assert.Single(_remover.Removed).Push);
        var delivery = await rig.SingleDeliveryAsync(notification);
        Assert.Equal((DeliveryState.Dead, 1), (delivery.State, delivery.Attempts));
        Assert.Equal(
            $"The push service 127.0.0.1 says the subscription is gone ({status}); it was removed.",
            delivery.LastError);
    }

    [Fact]
    public async Task Send_PushServiceBusy_IsRetried()
    {
        await using var pushService = await HttpReceiver.StartAsync();
        pushService.Answer(503);
        pushService.DefaultStatus = 201;
        var rig = Rig();
        var notification = TestNotifications.ForCaller(toEmail: null, push: _browser.Target(pushService.BaseAddress));

        await rig.Queue.EnqueueAsync(notification, CancellationToken.None);
        await rig.DeliverUntilSettledAsync();

        Assert.Equal(2, pushService.Requests.Count);
        var delivery = await rig.SingleDeliveryAsync(notification);
        Assert.Equal((DeliveryState.Sent, 2), (delivery.State, delivery.Attempts));
        Assert.Empty(_remover.Removed);
    }

    [Fact]
    public async Task Send_EndpointOnLoopbackWithoutPrivateNetworks_IsRefusedBeforeConnecting()
    {
        await using var pushService = await HttpReceiver.StartAsync();
        var endpoint = new Uri($"https://localhost:{pushService.BaseAddress.Port}/push");
        var rig = Rig(allowPrivateNetworks: false);
        var notification = TestNotifications.ForCaller(toEmail: null, push: _browser.Target(endpoint));

        await rig.Queue.EnqueueAsync(notification, CancellationToken.None);
        await rig.DeliverUntilSettledAsync();

        Assert.Empty(pushService.Requests);
        var delivery = await rig.SingleDeliveryAsync(notification);
        Assert.Equal((DeliveryState.Dead, 1), (delivery.State, delivery.Attempts));
        Assert.Equal("The push service localhost was refused: it is not on a public address.", delivery.LastError);
    }
}
