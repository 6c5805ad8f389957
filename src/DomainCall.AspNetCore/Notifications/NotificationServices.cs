using System.Net.Http;
using DomainCall.Engine;
using DomainCall.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace DomainCall.Notifications;

/// <summary>
/// Registers notifications: the durable outbox in the store's file, the queue, the dispatcher that delivers and
/// retries, the webhook sender, and the HTTP clients that refuse non-public addresses.
/// </summary>
internal static class NotificationServices
{
    /// <summary>How long one HTTP request of a notification may take.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    public static void Add(IServiceCollection services)
    {
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<DomainCallOptions>>().Value.Notifications);
        services.AddSingleton(
            sp => new SqliteNotificationOutbox(sp.GetRequiredService<DomainCallSettings>().StorePath));
        services.AddSingleton<NotificationQueue>();
        services.AddSingleton<NotificationDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<NotificationDispatcher>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<INotificationSender, WebhookSender>());
        AddHttpClients(services);
    }

    public static void AddHttpClients(IServiceCollection services)
    {
        // The factory's default loggers write request addresses at Information; a push endpoint's path is a secret.
        // No proxy: a proxy would resolve the host itself, after the address check, and could be led anywhere.
        services.AddHttpClient(NotificationHttpClients.PublicNetworksOnly, client => client.Timeout = RequestTimeout)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseProxy = false,
                ConnectCallback = PublicAddressConnector.ConnectAsync,
                PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            })
            .RemoveAllLoggers();
        services.AddHttpClient(NotificationHttpClients.AnyNetwork, client => client.Timeout = RequestTimeout)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            })
            .RemoveAllLoggers();
    }
}
