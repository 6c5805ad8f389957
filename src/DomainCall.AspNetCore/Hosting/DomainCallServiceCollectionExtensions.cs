using DomainCall.Availability;
using DomainCall.Callbacks;
using DomainCall.Engine;
using DomainCall.Hosting;
using DomainCall.Notifications;
using DomainCall.Pages;
using DomainCall.Storage;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers DomainCall with the application's services.</summary>
public static class DomainCallServiceCollectionExtensions
{
    /// <summary>
    /// Adds DomainCall with options bound from the <c>DomainCall</c> configuration section. The options are checked
    /// when the application starts.
    /// </summary>
    /// <param name="services">The application's services.</param>
    /// <returns>The same services, for chaining.</returns>
    public static IServiceCollection AddDomainCall(this IServiceCollection services) =>
        AddDomainCallCore(services, configure: null);

    /// <summary>
    /// Adds DomainCall with options bound from the <c>DomainCall</c> configuration section and then changed by
    /// <paramref name="configure"/>. The options are checked when the application starts.
    /// </summary>
    /// <param name="services">The application's services.</param>
    /// <param name="configure">Changes the options after configuration is bound.</param>
    /// <returns>The same services, for chaining.</returns>
    public static IServiceCollection AddDomainCall(
        this IServiceCollection services, Action<DomainCallOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);

        return AddDomainCallCore(services, configure);
    }

    private static IServiceCollection AddDomainCallCore(
        IServiceCollection services, Action<DomainCallOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(services);

        // Configuration is bound before any delegate runs, so that code has the last word over appsettings.
        var added = services.Any(d => d.ServiceType == typeof(DomainCallMarkerService));
        var options = services.AddOptions<DomainCallOptions>();
        if (!added)
        {
            options.BindConfiguration(DomainCallOptions.SectionName).ValidateOnStart();
        }

        if (configure is not null)
        {
            options.Configure(configure);
        }

        if (added)
        {
            return services;
        }

        services.PostConfigure<DomainCallOptions>(AddDefaultReason);
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IValidateOptions<DomainCallOptions>, DomainCallOptionsValidator>());

        services.AddSingleton<DomainCallMarkerService>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.AddAuthorizationCore();
        services.AddSingleton<DomainCallSettings>();
        services.AddSingleton<CallMetrics>();
        services.AddSingleton<OriginPolicy>();
        services.AddSingleton<IPartyChannel, SignalRPartyChannel>();
        services.AddSingleton<Switchboard>();
        services.AddSingleton<DomainMembers>();
        services.AddSingleton<BusinessHours>();
        services.TryAddSingleton<ICallStore>(
            sp => new SqliteCallStore(sp.GetRequiredService<DomainCallSettings>().StorePath));
        services.TryAddSingleton<ICallbackStore>(
            sp => new SqliteCallbackStore(sp.GetRequiredService<DomainCallSettings>().StorePath));
        services.AddSingleton<CallbackLimits>();
        services.AddSingleton<CallbackBook>();
        services.AddSingleton(sp => new OwnerKeys(
            sp.GetRequiredService<ICallStore>(), sp.GetRequiredService<DomainCallSettings>()));

        // Started first, so that the store is ready and the embedded DNS server is refilled before it answers.
        services.AddSingleton<StoreMaintenance>();
        services.AddHostedService(sp => sp.GetRequiredService<StoreMaintenance>());
        DnsServices.Add(services);
        NotificationServices.Add(services);

        services.AddDataProtection();
        services.AddSingleton<CallbackLinks>();
        services.AddSingleton<CallbackNotices>();
        services.AddSingleton<CallbackLine>();
        services.AddSingleton<ICallbackListener, CallbackAnnouncer>();
        services.AddSingleton<IPushSubscriptionRemover, PushSubscriptionCleanup>();
        services.AddSingleton<CallbackReminders>();
        services.AddHostedService(sp => sp.GetRequiredService<CallbackReminders>());

        services.AddSingleton<DeskSessions>();
        services.AddSingleton<DeskAccess>();
        services.AddSingleton<CallPage>();
        services.AddSingleton<DeskPage>();
        services.AddSingleton<MemberJoinPage>();
        services.AddSingleton<WidgetAssets>();

        services.AddSingleton<SignalingFilter>();
        services.AddSignalR().AddHubOptions<DomainCallHub>(hub => hub.AddFilter<SignalingFilter>());
        services.AddOptions<HubOptions<DomainCallHub>>()
            .Configure<IOptions<DomainCallOptions>>((hub, domainCall) =>
                hub.MaximumReceiveMessageSize = domainCall.Value.MaxMessageBytes);
        return services;
    }

    // Binding appends to a list that already holds items, so the default reason is added after binding, if no
    // reason was configured at all.
    private static void AddDefaultReason(DomainCallOptions options)
    {
        if (options.Reasons.Count == 0)
        {
            options.Reasons.Add(new CallReason("general", "General question"));
        }
    }
}
