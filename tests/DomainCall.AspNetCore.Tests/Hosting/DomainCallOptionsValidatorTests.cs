using DomainCall.Engine;
using DomainCall.Hosting;
using DomainCall.Tests.Engine;
using DomainCall.Tests.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DomainCall.Tests.Hosting;

public sealed class DomainCallOptionsValidatorTests
{
    private readonly DomainCallOptionsValidator _validator = new();

    [Fact]
    public void Validate_ValidOptions_Succeeds()
    {
        var result = _validator.Validate(Options.DefaultName, ValidOptions());

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Validate_ManyBadValues_ReportsEveryProblemTogether()
    {
        var options = new DomainCallOptions
        {
            SiteDomain = null,
            RingTimeout = TimeSpan.FromSeconds(1),
            GuestNameLifetime = TimeSpan.FromMinutes(1),
            MaxMessageBytes = 10,
        };
        options.Reasons.Add(new CallReason("Sales", "Sales"));
        options.Reasons.Add(new CallReason("support", "Support"));
        options.Reasons.Add(new CallReason("support", "Technical support"));
        options.AllowedOrigins.Add("example.com");

        var result = _validator.Validate(Options.DefaultName, options);

        Assert.True(result.Failed);
        Assert.Equal(
            [
                "DomainCall:SiteDomain is required: the domain callers call, such as 'example.com'.",
                "DomainCall:Reasons[0]:Id 'Sales' must be 1 to 32 lower-case letters, digits and hyphens.",
                "DomainCall:Reasons[2]:Id 'support' is used twice; reason ids must be unique.",
                "DomainCall:RingTimeout must be between 00:00:05 and 00:05:00; it is 00:00:01.",
                "DomainCall:GuestNameLifetime must be between 00:10:00 and 1.00:00:00; it is 00:01:00.",
                "DomainCall:AllowedOrigins[0] 'example.com' is not an origin; write it as 'https://host[:port]'.",
                "DomainCall:MaxMessageBytes must be between 8192 and 1048576; it is 10.",
            ],
            result.Failures);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(9)]
    [InlineData(24 * 60 + 1)]
    [InlineData(25 * 60)]
    public void Validate_GuestNameLifetimeOutOfRange_IsRefused(int minutes)
    {
        var options = ValidOptions();
        options.GuestNameLifetime = TimeSpan.FromMinutes(minutes);

        var result = _validator.Validate(Options.DefaultName, options);

        Assert.NotNull(result.Failures);
        var failure = Assert.Single(result.Failures);
        Assert.StartsWith("DomainCall:GuestNameLifetime must be between 00:10:00 and 1.00:00:00;", failure,
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(24 * 60)]
    public void Validate_GuestNameLifetimeAtTheLimits_IsAccepted(int minutes)
    {
        var options = ValidOptions();
        options.GuestNameLifetime = TimeSpan.FromMinutes(minutes);

        var result = _validator.Validate(Options.DefaultName, options);

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Validate_SiteDomainThatIsAnIpAddress_SaysWhy()
    {
        var options = ValidOptions();
        options.SiteDomain = "192.168.0.1";

        var result = _validator.Validate(Options.DefaultName, options);

        Assert.NotNull(result.Failures);
        Assert.Equal(
            "DomainCall:SiteDomain is not a valid domain: '192.168.0.1' is an IP address; a domain name is required.",
            Assert.Single(result.Failures));
    }

    [Fact]
    public void Validate_SiteDomainWithNoRoomForTheDefaultGuestZone_IsRefused()
    {
        var options = ValidOptions();
        options.SiteDomain = DomainNames.OfLength(230);

        var result = _validator.Validate(Options.DefaultName, options);

        Assert.NotNull(result.Failures);
        Assert.Equal(
            "DomainCall:SiteDomain has 230 characters, too many for guest names under 'guest.' and the site's " +
            $"domain; set DomainCall:GuestZone to a zone of at most {GuestNameGenerator.MaxZoneLength} characters.",
            Assert.Single(result.Failures));
    }

    [Fact]
    public void Validate_GuestZoneWithNoRoomForGuestNames_IsRefused()
    {
        var options = ValidOptions();
        options.GuestZone = DomainNames.OfLength(GuestNameGenerator.MaxZoneLength + 1);

        var result = _validator.Validate(Options.DefaultName, options);

        Assert.NotNull(result.Failures);
        Assert.Equal(
            $"DomainCall:GuestZone has {GuestNameGenerator.MaxZoneLength + 1} characters; guest names need a zone " +
            $"of at most {GuestNameGenerator.MaxZoneLength}.",
            Assert.Single(result.Failures));
    }

    [Fact]
    public void Validate_GuestZoneOfTheLongestLengthAllowed_IsAccepted()
    {
        var options = ValidOptions();
        options.GuestZone = DomainNames.OfLength(GuestNameGenerator.MaxZoneLength);

        var result = _validator.Validate(Options.DefaultName, options);

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public async Task StartAsync_InvalidOptions_ThrowsReportingEveryProblem()
    {
        using var directory = new TemporaryDirectory();
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddDomainCall(o =>
        {
            o.SiteDomain = "not a domain";
            o.RingTimeout = TimeSpan.Zero;
            o.StorePath = directory.Combine("calls.db");
        });
        await using var app = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains(
            "DomainCall:SiteDomain is not a valid domain: The label 'not a domain' may hold only letters, digits " +
            "and hyphens.",
            error.Message,
            StringComparison.Ordinal);
        Assert.Contains(
            "DomainCall:RingTimeout must be between 00:00:05 and 00:05:00; it is 00:00:00.",
            error.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task MapDomainCall_WithoutAddDomainCall_ThrowsNamingTheCallToAdd()
    {
        var builder = WebApplication.CreateBuilder();
        await using var app = builder.Build();

        var error = Assert.Throws<InvalidOperationException>(() => app.MapDomainCall());

        Assert.Contains("builder.Services.AddDomainCall()", error.Message, StringComparison.Ordinal);
    }

    private static DomainCallOptions ValidOptions()
    {
        var options = new DomainCallOptions { SiteDomain = "example.com", RingTimeout = TimeSpan.FromSeconds(45) };
        options.Reasons.Add(new CallReason("sales", "Sales"));
        options.Reasons.Add(new CallReason("support-2", "Second-line support"));
        options.AllowedOrigins.Add("https://shop.example.com");
        options.AllowedOrigins.Add("http://localhost:5173");
        return options;
    }
}
