using DomainCall.Dns;
using DomainCall.Engine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DomainCall.Hosting;

/// <summary>
/// Registers the DNS side of DomainCall: the guest zone and its embedded server, the registrar that publishes guest
/// names, the check of a caller's code, the sweep of expired names, and the verification of owners' domains.
/// </summary>
internal static partial class DnsServices
{
    public static void Add(IServiceCollection services)
    {
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<DomainCallOptions>>().Value.GuestDns);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<DomainCallOptions>>().Value.Verification);
        services.AddSingleton(sp => GuestZone.Create(
            sp.GetRequiredService<DomainCallSettings>().GuestZone, sp.GetRequiredService<GuestDnsOptions>()));
        services.AddSingleton<GuestRecordSet>();

        // Tried, so that a registrar added before AddDomainCall, such as the RFC 2136 one, keeps its place.
        services.TryAddSingleton<IGuestNameRegistrar>(sp => new EmbeddedGuestNameRegistrar(
            sp.GetRequiredService<GuestRecordSet>(), sp.GetRequiredService<DomainCallSettings>().GuestZone));
        services.AddSingleton<GuestZoneResponder>();
        services.AddHostedService<GuestZoneServer>();
        services.AddSingleton(sp => new GuestAuthorizer(
            TxtLookup.ForGuestNames(sp.GetRequiredService<GuestDnsOptions>()),
            sp.GetRequiredService<ILogger<GuestAuthorizer>>()));
        services.AddSingleton<GuestNameSweeper>();

        services.AddSingleton(sp => new VerificationCodes(
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<VerificationOptions>().CodeLifetime));
        services.AddSingleton(sp => new DomainNamePolicy(LoadSuffixes(
            sp.GetRequiredService<VerificationOptions>(), sp.GetRequiredService<ILogger<DomainNamePolicy>>())));
        services.AddSingleton(sp => new DomainVerifier(
            TxtLookup.ForVerification(sp.GetRequiredService<VerificationOptions>()),
            sp.GetRequiredService<DomainNamePolicy>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<DomainVerifier>>()));
        services.AddSingleton<DomainAccounts>();
        services.AddSingleton<DomainRouting>();
        services.AddHostedService<VerificationRechecks>();
    }

    private static PublicSuffixList LoadSuffixes(VerificationOptions options, ILogger logger)
    {
        var list = PublicSuffixList.LoadDefault(options.PublicSuffixListPath, out var source);
        if (source is null)
        {
            Log.NoPublicSuffixList(logger);
        }

        return list;
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning,
            "No Public Suffix List was found, so only top-level domains are refused as public suffixes; install the " +
            "'publicsuffix' package or set DomainCall:Verification:PublicSuffixListPath.",
            EventName = "NoPublicSuffixList")]
        public static partial void NoPublicSuffixList(ILogger logger);
    }
}
