using DomainCall.Dns.Rfc2136;
using DomainCall.Engine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DomainCall.Dns.Tests.Rfc2136;

public sealed class Rfc2136ServiceCollectionExtensionsTests
{
    [Fact]
    public void AddDomainCallRfc2136_AfterAnotherRegistrar_ReplacesIt()
    {
        var services = NewServices();
        services.AddSingleton<IGuestNameRegistrar, NoRegistrar>();

        services.AddDomainCallRfc2136(Configure);

        using var provider = services.BuildServiceProvider();
        Assert.IsType<Rfc2136GuestNameRegistrar>(provider.GetRequiredService<IGuestNameRegistrar>());
        Assert.Single(services, d => d.ServiceType == typeof(IGuestNameRegistrar));
    }

    [Fact]
    public void AddDomainCallRfc2136_OptionsFromConfiguration_AreBoundAndThenChangedByCode()
    {
        var services = NewServices(new Dictionary<string, string?>
        {
            ["DomainCall:Rfc2136:Server"] = "192.0.2.53",
            ["DomainCall:Rfc2136:Port"] = "5300",
            ["DomainCall:Rfc2136:Zone"] = "guest.example.com",
            ["DomainCall:Rfc2136:KeyName"] = "from-config",
            ["DomainCall:Rfc2136:Secret"] = Convert.ToBase64String(new byte[32]),
        });

        services.AddDomainCallRfc2136(o => o.KeyName = "from-code");

        using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<IOptions<Rfc2136Options>>().Value;
        Assert.Equal(5300, options.Port);
        Assert.Equal("from-code", options.KeyName);
    }

    [Fact]
    public void AddDomainCallRfc2136_InvalidOptions_FailWithEveryProblemWhenResolved()
    {
        var services = NewServices();
        services.AddDomainCallRfc2136(o => o.Server = "not an address");

        using var provider = services.BuildServiceProvider();
        var failure = Assert.Throws<OptionsValidationException>(
            () => provider.GetRequiredService<IGuestNameRegistrar>());

        Assert.Contains("DomainCall:Rfc2136:Server 'not an address' is not an IP address", failure.Message,
            StringComparison.Ordinal);
        Assert.Contains("DomainCall:Rfc2136:Zone is required", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddDomainCallRfc2136_CalledTwice_RegistersOnce()
    {
        var services = NewServices();

        services.AddDomainCallRfc2136(Configure).AddDomainCallRfc2136(o => o.Port = 5300);

        Assert.Single(services, d => d.ServiceType == typeof(IGuestNameRegistrar));
        Assert.Single(services, d => d.ServiceType == typeof(IValidateOptions<Rfc2136Options>));
        using var provider = services.BuildServiceProvider();
        Assert.Equal(5300, provider.GetRequiredService<IOptions<Rfc2136Options>>().Value.Port);
    }

    private static void Configure(Rfc2136Options options)
    {
        options.Server = "192.0.2.53";
        options.Zone = "guest.example.com";
        options.KeyName = "domaincall";
        options.Secret = Convert.ToBase64String(new byte[32]);
    }

    private static ServiceCollection NewServices(Dictionary<string, string?>? settings = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        return services;
    }

    private sealed class NoRegistrar : IGuestNameRegistrar
    {
        public Task RegisterAsync(GuestRecord record, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task RemoveAsync(Domain name, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
