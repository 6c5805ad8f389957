using DomainCall.Notifications;
using DomainCall.WebPush;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Sends DomainCall's notifications to callers' browsers with Web Push.</summary>
public static class WebPushServiceCollectionExtensions
{
    /// <summary>
    /// Sends notifications with Web Push, signed with the VAPID keys configured in the <c>DomainCall:WebPush</c>
    /// section, and offers the public key to browsers. The options are checked when the application starts.
    /// </summary>
    /// <param name="services">The application's services.</param>
    /// <returns>The same services, for chaining.</returns>
    public static IServiceCollection AddDomainCallWebPush(this IServiceCollection services) =>
        AddDomainCallWebPushCore(services, configure: null);

    /// <summary>
    /// Sends notifications with Web Push, signed with the VAPID keys configured in the <c>DomainCall:WebPush</c>
    /// section and then by <paramref name="configure"/>, and offers the public key to browsers. The options are
    /// checked when the application starts.
    /// </summary>
    /// <param name="services">The application's services.</param>
    /// <param name="configure">Changes the options after configuration is bound.</param>
    /// <returns>The same services, for chaining.</returns>
    public static IServiceCollection AddDomainCallWebPush(
        this IServiceCollection services, Action<WebPushOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);

        return AddDomainCallWebPushCore(services, configure);
    }

    private static IServiceCollection AddDomainCallWebPushCore(
        IServiceCollection services, Action<WebPushOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(services);

        var added = services.Any(d => d.ImplementationType == typeof(WebPushNotificationSender));
        var options = services.AddOptions<WebPushOptions>();
        if (!added)
        {
            options.BindConfiguration(WebPushOptions.SectionName).ValidateOnStart();
        }

        if (configure is not null)
        {
            options.Configure(configure);
        }

        if (added)
        {
            return services;
        }

        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IValidateOptions<WebPushOptions>, WebPushOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<INotificationSender, WebPushNotificationSender>());
        services.TryAddSingleton<IPushPublicKey, WebPushPublicKey>();
        return services;
    }
}
