using DomainCall.Hosting;

namespace DomainCall.Notifications.Tests.Notifications;

public sealed class NotificationOptionsTests
{
    private static DomainCallOptions Valid() => new() { SiteDomain = "example.com" };

    [Fact]
    public void Validate_Defaults_Succeed()
    {
        var options = Valid();
        options.Webhooks.Add(new WebhookOptions
        {
            Url = new Uri("https://hooks.example.com/domaincall"),
            Secret = new string('s', 32),
        });

        var result = new DomainCallOptionsValidator().Validate(null, options);

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Validate_BadNotificationAndWebhookOptions_ReportsEveryProblemTogether()
    {
        var options = Valid();
        options.Notifications.MaxAttempts = 0;
        options.Notifications.FirstRetryDelay = TimeSpan.FromHours(2);
        options.Notifications.MaxRetryDelay = TimeSpan.FromDays(2);
        options.Webhooks.Add(new WebhookOptions { Url = new Uri("http://hooks.example.com/"), Secret = "short" });
        options.Webhooks.Add(new WebhookOptions());

        var result = new DomainCallOptionsValidator().Validate(null, options);

        Assert.Equal(
            [
                "DomainCall:Notifications:MaxAttempts must be between 1 and 100; it is 0.",
                "DomainCall:Notifications:FirstRetryDelay must be between 00:00:00.001 and 01:00:00; it is 02:00:00.",
                "DomainCall:Notifications:MaxRetryDelay must be between FirstRetryDelay and 1.00:00:00; it is " +
                "2.00:00:00.",
                "DomainCall:Webhooks[0]:Url 'http://hooks.example.com/' must use https; plain http is allowed only " +
                "with AllowPrivateNetworks.",
                "DomainCall:Webhooks[0]:Secret must have at least 32 characters, such as 32 random bytes in base64; " +
                "the receiver checks the signature with it.",
                "DomainCall:Webhooks[1]:Url is required: an absolute 'https://' address that receives the " +
                "notifications.",
                "DomainCall:Webhooks[1]:Secret must have at least 32 characters, such as 32 random bytes in base64; " +
                "the receiver checks the signature with it.",
            ],
            result.Failures);
    }

    [Fact]
    public void Validate_RetryDelayShorterThanTheFirst_IsRefused()
    {
        var options = Valid();
        options.Notifications.FirstRetryDelay = TimeSpan.FromMinutes(5);
        options.Notifications.MaxRetryDelay = TimeSpan.FromMinutes(1);

        var result = new DomainCallOptionsValidator().Validate(null, options);

        Assert.Equal(
            ["DomainCall:Notifications:MaxRetryDelay must be between FirstRetryDelay and 1.00:00:00; it is 00:01:00."],
            result.Failures);
    }

    [Fact]
    public void Validate_PlainHttpWithPrivateNetworksAllowed_Succeeds()
    {
        var options = Valid();
        options.Webhooks.Add(new WebhookOptions
        {
            Url = new Uri("http://10.0.0.5:8080/hook"),
            Secret = new string('s', 40),
            AllowPrivateNetworks = true,
        });

        Assert.True(new DomainCallOptionsValidator().Validate(null, options).Succeeded);
    }
}
