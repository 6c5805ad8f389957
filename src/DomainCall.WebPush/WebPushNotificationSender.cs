using System.Globalization;
using System.Net;
using System.Text.Json;
using DomainCall.Notifications;
using Lib.Net.Http.WebPush;
using Lib.Net.Http.WebPush.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DomainCall.WebPush;

/// <summary>
/// Sends notifications that carry a browser's push subscription through its push service, encrypted for that
/// browser (RFC 8291) and signed with VAPID (RFC 8292). A subscription its push service calls gone is forgotten.
/// </summary>
internal sealed partial class WebPushNotificationSender(
    IOptions<WebPushOptions> options,
    IHttpMessageHandlerFactory handlers,
    IEnumerable<IPushSubscriptionRemover> removers,
    ILogger<WebPushNotificationSender> logger) : INotificationSender
{
    /// <summary>The longest a push service keeps a "calling you back now" notification.</summary>
    public static readonly TimeSpan CallingBackTimeToLive = TimeSpan.FromMinutes(5);

    private readonly WebPushOptions _options = options.Value;
    private readonly IPushSubscriptionRemover[] _removers = [.. removers];

    public string Channel => "web-push";

    public bool Accepts(Notification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);

        return notification.Push is not null;
    }

    public async Task SendAsync(Notification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);

        var target = notification.Push ?? throw new NotificationFailedException(
            "The notification carries no push subscription.", permanent: true);
        var endpoint = target.Endpoint;
        if (!endpoint.IsAbsoluteUri
            || (endpoint.Scheme != Uri.UriSchemeHttps
                && !(_options.AllowPrivateNetworks && endpoint.Scheme == Uri.UriSchemeHttp)))
        {
            throw new NotificationFailedException("The push subscription's endpoint is not an https address.", true);
        }

        var subscription = new PushSubscription { Endpoint = endpoint.AbsoluteUri };
        subscription.SetKey(PushEncryptionKeyName.P256DH, target.P256dh);
        subscription.SetKey(PushEncryptionKeyName.Auth, target.Auth);
        var message = Message(notification);

        using var vapid = new VapidAuthentication(_options.PublicKey!, _options.PrivateKey!)
        {
            Subject = _options.Subject,
        };
        var name = _options.AllowPrivateNetworks
            ? NotificationHttpClients.AnyNetwork
            : NotificationHttpClients.PublicNetworksOnly;

        // The factory owns the inner handler, so the client must not dispose it.
        using var audience = new VapidAudienceHandler(vapid) { InnerHandler = handlers.CreateHandler(name) };
        using var http = new HttpClient(audience, disposeHandler: false) { Timeout = TimeSpan.FromSeconds(30) };
        var client = new PushServiceClient(http)
        {
            DefaultAuthentication = vapid,
            DefaultAuthenticationScheme = VapidAuthenticationScheme.Vapid,
            AutoRetryAfter = false,
        };

        // The endpoint's path identifies the browser, so errors name the push service's host only.
        var service = endpoint.Host;
        try
        {
            await client.RequestPushMessageDeliveryAsync(subscription, message, cancellationToken);
        }
        catch (PushServiceClientException exception)
            when (exception.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone)
        {
            await ForgetAsync(notification, cancellationToken);
            var status = (int)exception.StatusCode;
            throw new NotificationFailedException(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"The push service {service} says the subscription is gone ({status}); it was removed."),
                permanent: true,
                exception);
        }
        catch (PushServiceClientException exception)
        {
            // A 4xx other than a timeout or a rate limit means this request will never be taken.
            var status = (int)exception.StatusCode;
            var permanent = status is >= 400 and < 500 and not 408 and not 429;
            throw new NotificationFailedException(
                string.Create(CultureInfo.InvariantCulture, $"The push service {service} answered {status}."),
                permanent,
                exception);
        }
        catch (HttpRequestException exception) when (IsRefusal(exception))
        {
            throw new NotificationFailedException(
                $"The push service {service} was refused: it is not on a public address.", permanent: true, exception);
        }
        catch (HttpRequestException exception)
        {
            throw new NotificationFailedException(
                $"The push service {service} could not be reached: {exception.HttpRequestError}.", exception);
        }
        catch (TaskCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new NotificationFailedException($"The push service {service} did not answer in time.", exception);
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException)
        {
            throw new NotificationFailedException(
                "The push subscription's keys are not valid P-256 and authentication keys.", permanent: true,
                exception);
        }
    }

    /// <summary>Builds the push message: the JSON a service worker reads, its time to live and urgency.</summary>
    public PushMessage Message(Notification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);

        var json = JsonSerializer.Serialize(new Dictionary<string, string?>
        {
            ["title"] = notification.Subject,
            ["body"] = notification.Text,
            ["url"] = notification.Link?.AbsoluteUri,
        });
        var callingBack = notification.Kind == NotificationKind.CallingBack;
        var ttl = callingBack && _options.TimeToLive > CallingBackTimeToLive
            ? CallingBackTimeToLive
            : _options.TimeToLive;
        return new PushMessage(json)
        {
            TimeToLive = (int)ttl.TotalSeconds,
            Urgency = callingBack ? PushMessageUrgency.High : PushMessageUrgency.Normal,
            Topic = null,
        };
    }

    private async Task ForgetAsync(Notification notification, CancellationToken cancellationToken)
    {
        foreach (var remover in _removers)
        {
            await remover.RemoveAsync(notification, cancellationToken);
        }

        Log.SubscriptionGone(logger, notification.CallbackId);
    }

    private static bool IsRefusal(Exception exception)
    {
        for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is RefusedAddressException)
            {
                return true;
            }
        }

        return false;
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information,
            "The push subscription of callback {CallbackId} is gone, so it was forgotten.",
            EventName = "SubscriptionGone")]
        public static partial void SubscriptionGone(ILogger logger, string callbackId);
    }
}
