using Microsoft.Extensions.DependencyInjection;

namespace DomainCall.Notifications.Tests.Shared;

/// <summary>The core's real named HTTP clients, with the address check, outside a full site.</summary>
internal static class HttpClients
{
    public static IHttpClientFactory Create() => Services.GetRequiredService<IHttpClientFactory>();

    public static IHttpMessageHandlerFactory Handlers() => Services.GetRequiredService<IHttpMessageHandlerFactory>();

    private static ServiceProvider Services
    {
        get
        {
            var services = new ServiceCollection();
            NotificationServices.AddHttpClients(services);
            return services.BuildServiceProvider();
        }
    }
}
