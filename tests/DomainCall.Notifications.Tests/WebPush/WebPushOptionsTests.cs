using DomainCall.WebPush;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DomainCall.Notifications.Tests.WebPush;

public sealed class WebPushOptionsTests
{
    [Fact]
    public void Generate_NewPair_PassesTheCheck()
    {
        var keys = VapidKeys.Generate();
        var options = new WebPushOptions
        {
            Subject = "https://example.com/contact",
            PublicKey = keys.PublicKey,
            PrivateKey = keys.PrivateKey,
        };

        var result = new WebPushOptionsValidator().Validate(null, options);

        Assert.True(result.Succeeded, result.FailureMessage);
        Assert.Equal(87, keys.PublicKey.Length);
        Assert.Equal(43, keys.PrivateKey.Length);
    }

    [Fact]
    public void Validate_KeysFromTwoPairs_AreRefused()
    {
        var options = new WebPushOptions
        {
            Subject = "mailto:admin@example.com",
            PublicKey = VapidKeys.Generate().PublicKey,
            PrivateKey = VapidKeys.Generate().PrivateKey,
        };

        var result = new WebPushOptionsValidator().Validate(null, options);

        Assert.False(result.Succeeded);
        Assert.Contains("PublicKey and PrivateKey do not", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_EveryValueWrong_ReportsEveryProblemTogether()
    {
        var options = new WebPushOptions
        {
            Subject = "http://example.com",
            PublicKey = "not-a-key",
            TimeToLive = TimeSpan.FromDays(30),
        };

        var result = new WebPushOptionsValidator().Validate(null, options);

        Assert.Equal(
            [
                "DomainCall:WebPush:Subject is required: a 'mailto:' or 'https:' address where push services can " +
                "reach you, such as 'mailto:admin@example.com'.",
                "DomainCall:WebPush:PublicKey must be an uncompressed P-256 public key, base64url encoded (65 bytes " +
                "starting with 4).",
                "DomainCall:WebPush:TimeToLive must be between 00:00:00 and 28.00:00:00; it is 30.00:00:00.",
            ],
            result.Failures);
    }

    [Fact]
    public void AddDomainCallWebPush_Configured_OffersThePublicKeyAndTheSender()
    {
        var keys = VapidKeys.Generate();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddDomainCallWebPush(push =>
        {
            push.Subject = "mailto:admin@example.com";
            push.PublicKey = keys.PublicKey;
            push.PrivateKey = keys.PrivateKey;
        });

        using var provider = services.BuildServiceProvider();

        Assert.Equal(keys.PublicKey, provider.GetRequiredService<IPushPublicKey>().PublicKey);
    }
}
