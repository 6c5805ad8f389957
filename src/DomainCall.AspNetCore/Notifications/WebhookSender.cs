using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DomainCall.Engine;
using DomainCall.Hosting;
using Microsoft.Extensions.Options;

namespace DomainCall.Notifications;

/// <summary>
/// Posts every notification for the owner to the configured webhooks as JSON, signed with HMAC-SHA256 of the exact
/// body bytes. A retry posts again only to the webhooks that have not taken the notification yet.
/// </summary>
internal sealed class WebhookSender(
    IOptions<DomainCallOptions> options, IHttpClientFactory clients, TimeProvider time) : INotificationSender
{
    public const string SignatureHeader = "DomainCall-Signature";
    public const string TimestampHeader = "DomainCall-Timestamp";
    public const string DeliveryHeader = "DomainCall-Delivery";

    private readonly WebhookOptions[] _webhooks = [.. options.Value.Webhooks];
    private readonly ConcurrentDictionary<(string NotificationId, int Webhook), bool> _delivered = new();

    public string Channel => "webhook";

    public bool Accepts(Notification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);

        return notification.Audience == NotificationAudience.Owner && _webhooks.Length > 0;
    }

    public async Task SendAsync(Notification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);

        var body = Body(notification);
        var failures = new List<NotificationFailedException>();
        for (var i = 0; i < _webhooks.Length; i++)
        {
            if (_delivered.ContainsKey((notification.Id, i)))
            {
                continue;
            }

            try
            {
                await PostAsync(_webhooks[i], i, notification.Id, body, cancellationToken);
                _delivered[(notification.Id, i)] = true;
            }
            catch (NotificationFailedException exception)
            {
                failures.Add(exception);
            }
        }

        if (failures.Count > 0)
        {
            throw new NotificationFailedException(
                string.Join(" ", failures.Select(f => f.Message)), failures.TrueForAll(f => f.Permanent));
        }

        for (var i = 0; i < _webhooks.Length; i++)
        {
            _delivered.TryRemove((notification.Id, i), out _);
        }
    }

    /// <summary>Writes the JSON body a webhook receives.</summary>
    public static byte[] Body(Notification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("id", notification.Id);
            json.WriteString("kind", EnumText.Of(notification.Kind));
            json.WriteString("domain", notification.Domain);
            json.WriteString("callbackId", notification.CallbackId);
            json.WriteString("subject", notification.Subject);
            json.WriteString("text", notification.Text);
            json.WriteString("link", notification.Link?.AbsoluteUri);
            json.WriteString("createdAt", notification.CreatedAt.UtcDateTime);
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>Computes the <c>DomainCall-Signature</c> header value for a body.</summary>
    public static string Sign(string secret, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(secret);

        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body);
        return "sha256=" + Convert.ToHexStringLower(mac);
    }

    private async Task PostAsync(
        WebhookOptions webhook, int index, string notificationId, byte[] body, CancellationToken cancellationToken)
    {
        // The stored error and the logs name only the receiver's origin: a path or query may hold a token.
        var origin = webhook.Url!.GetLeftPart(UriPartial.Authority);
        var name = string.Create(CultureInfo.InvariantCulture, $"Webhook {index} ({origin})");
        var client = clients.CreateClient(webhook.AllowPrivateNetworks
            ? NotificationHttpClients.AnyNetwork
            : NotificationHttpClients.PublicNetworksOnly);
        using var request = new HttpRequestMessage(HttpMethod.Post, webhook.Url);
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(SignatureHeader, Sign(webhook.Secret!, body));
        request.Headers.Add(
            TimestampHeader, time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(DeliveryHeader, notificationId);
        try
        {
            using var response = await client.SendAsync(
                request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new NotificationFailedException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{name} answered {(int)response.StatusCode} {response.ReasonPhrase}."));
            }
        }
        catch (HttpRequestException exception) when (Refusal(exception) is { } refusal)
        {
            // The address was judged before any connection; a rebinding DNS answer would be refused again.
            throw new NotificationFailedException($"{name} was refused: {refusal.Message}", permanent: true, exception);
        }
        catch (HttpRequestException exception)
        {
            throw new NotificationFailedException($"{name} could not be reached: {exception.Message}", exception);
        }
        catch (TaskCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new NotificationFailedException($"{name} did not answer in time.", exception);
        }
    }

    private static RefusedAddressException? Refusal(Exception exception)
    {
        for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is RefusedAddressException refusal)
            {
                return refusal;
            }
        }

        return null;
    }
}
