using DomainCall.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DomainCall.Tests.Hosting;

/// <summary>Where the options come from: the DomainCall configuration section first, then the code.</summary>
public sealed class DomainCallServiceCollectionExtensionsTests
{
    [Fact]
    public void AddDomainCall_WithConfigurationAndADelegate_LetsTheDelegateHaveTheLastWord()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DomainCall:SiteDomain"] = "config.example",
            ["DomainCall:RingTimeout"] = "00:00:45",
            ["DomainCall:Reasons:0:Id"] = "sales",
            ["DomainCall:Reasons:0:Label"] = "Sales",
        });

        builder.Services.AddDomainCall(options => options.RingTimeout = TimeSpan.FromMinutes(1));
        using var app = builder.Build();
        var options = app.Services.GetRequiredService<IOptions<DomainCallOptions>>().Value;

        Assert.Equal("config.example", options.SiteDomain);
        Assert.Equal(TimeSpan.FromMinutes(1), options.RingTimeout);
        Assert.Equal("sales", Assert.Single(options.Reasons).Id);
    }

    [Fact]
    public void AddDomainCall_CalledTwice_AppliesBothDelegatesAndRegistersOnce()
    {
        var builder = WebApplication.CreateBuilder();

        builder.Services.AddDomainCall(options => options.SiteDomain = "example.com");
        builder.Services.AddDomainCall(options => options.InvocationBurst = 50);
        using var app = builder.Build();
        var options = app.Services.GetRequiredService<IOptions<DomainCallOptions>>().Value;

        Assert.Equal(("example.com", 50), (options.SiteDomain, options.InvocationBurst));
        Assert.Single(builder.Services, d => d.ServiceType == typeof(DomainCallMarkerService));
    }

    [Fact]
    public void AddDomainCall_WithNoReasonConfigured_OffersOneGeneralReason()
    {
        var builder = WebApplication.CreateBuilder();

        builder.Services.AddDomainCall(options => options.SiteDomain = "example.com");
        using var app = builder.Build();
        var reason = Assert.Single(app.Services.GetRequiredService<IOptions<DomainCallOptions>>().Value.Reasons);

        Assert.Equal(("general", "General question"), (reason.Id, reason.Label));
    }
}
