using DomainCall.Notifications;
using DomainCall.Smtp;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Sends DomainCall's notifications as email over SMTP.</summary>
public static class SmtpServiceCollectionExtensions
{
    /// <summary>
    /// Sends notifications as email through the mail server configured in the <c>DomainCall:Smtp</c> section. The
    /// options are checked when the application starts.
    /// </summary>
    /// <param name="services">The application's services.</param>
    /// <returns>The same services, for chaining.</returns>
    public static IServiceCollection AddDomainCallSmtp(this IServiceCollection services) =>
        AddDomainCallSmtpCore(services, configure: null);

    /// <summary>
    /// Sends notifications as email through the mail server configured in the <c>DomainCall:Smtp</c> section and
    /// then by <paramref name="configure"/>. The options are checked when the application starts.
    /// </summary>
    /// <param name="services">The application's services.</param>
    /// <param name="configure">Changes the options after configuration is bound.</param>
    /// <returns>The same services, for chaining.</returns>
    public static IServiceCollection AddDomainCallSmtp(this IServiceCollection services, Action<SmtpOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);

        return AddDomainCallSmtpCore(services, configure);
    }

    private static IServiceCollection AddDomainCallSmtpCore(
        IServiceCollection services, Action<SmtpOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(services);

        var added = services.Any(d => d.ImplementationType == typeof(SmtpNotificationSender));
        var options = services.AddOptions<SmtpOptions>();
        if (!added)
        {
            options.BindConfiguration(SmtpOptions.SectionName).ValidateOnStart();
        }

        if (configure is not null)
        {
            options.Configure(configure);
        }

        if (added)
        {
            return services;
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SmtpOptions>, SmtpOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<INotificationSender, SmtpNotificationSender>());
        return services;
    }
}
