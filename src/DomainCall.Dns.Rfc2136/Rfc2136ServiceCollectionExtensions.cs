using DomainCall.Dns;
using DomainCall.Dns.Rfc2136;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Publishes DomainCall's guest names with RFC 2136 dynamic updates instead of the embedded DNS server.
/// </summary>
public static class Rfc2136ServiceCollectionExtensions
{
    /// <summary>
    /// Publishes guest names with RFC 2136 dynamic updates signed with TSIG, configured from the
    /// <c>DomainCall:Rfc2136</c> section. The options are checked when the application starts, and the embedded DNS
    /// server stays off.
    /// </summary>
    /// <param name="services">The application's services.</param>
    /// <returns>The same services, for chaining.</returns>
    public static IServiceCollection AddDomainCallRfc2136(this IServiceCollection services) =>
        AddDomainCallRfc2136Core(services, configure: null);

    /// <summary>
    /// Publishes guest names with RFC 2136 dynamic updates signed with TSIG, configured from the
    /// <c>DomainCall:Rfc2136</c> section and then by <paramref name="configure"/>. The options are checked when the
    /// application starts, and the embedded DNS server stays off.
    /// </summary>
    /// <param name="services">The application's services.</param>
    /// <param name="configure">Changes the options after configuration is bound.</param>
    /// <returns>The same services, for chaining.</returns>
    public static IServiceCollection AddDomainCallRfc2136(
        this IServiceCollection services, Action<Rfc2136Options> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);

        return AddDomainCallRfc2136Core(services, configure);
    }

    private static IServiceCollection AddDomainCallRfc2136Core(
        IServiceCollection services, Action<Rfc2136Options>? configure)
    {
        ArgumentNullException.ThrowIfNull(services);

        var added = services.Any(d => d.ImplementationType == typeof(Rfc2136GuestNameRegistrar));
        var options = services.AddOptions<Rfc2136Options>();
        if (!added)
        {
            options.BindConfiguration(Rfc2136Options.SectionName).ValidateOnStart();
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
            ServiceDescriptor.Singleton<IValidateOptions<Rfc2136Options>, Rfc2136OptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        // Replaces the embedded registrar whichever of AddDomainCall and this method runs first.
        services.RemoveAll<IGuestNameRegistrar>();
        services.AddSingleton<IGuestNameRegistrar, Rfc2136GuestNameRegistrar>();
        return services;
    }
}
