using DomainCall.Notifications.Tests.Shared;
using DomainCall.Testing;
using DomainCall.WebPush;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DomainCall.Notifications.Tests.Hosting;

public sealed class NotificationRegistrationTests : IDisposable
{
    private readonly TempStore _store = new();

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task AddDomainCall_WithBothPackages_RegistersEverySenderTheQueueAndTheDispatcher()
    {
        var keys = VapidKeys.Generate();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration["DomainCall:SiteDomain"] = "localhost";
        builder.Configuration["DomainCall:StorePath"] = _store.Path;
        builder.Configuration["DomainCall:GuestDns:Port"] = FreeLoopbackPort.Find().ToString(
            System.Globalization.CultureInfo.InvariantCulture);
        builder.Configuration["DomainCall:Webhooks:0:Url"] = "https://hooks.example.com/domaincall";
        builder.Configuration["DomainCall:Webhooks:0:Secret"] = new string('k', 32);
        builder.Configuration["DomainCall:Notifications:MaxAttempts"] = "3";
        builder.Services.AddDomainCall();
        builder.Services.AddDomainCallSmtp(smtp =>
        {
            smtp.Host = "127.0.0.1";
            smtp.From = "calls@example.com";
        });
        builder.Services.AddDomainCallWebPush(push =>
        {
            push.Subject = "mailto:admin@example.com";
            push.PublicKey = keys.PublicKey;
            push.PrivateKey = keys.PrivateKey;
        });
        await using var app = builder.Build();

        var channels = app.Services.GetServices<INotificationSender>().Select(s => s.Channel).Order();
        Assert.Equal(["email", "web-push", "webhook"], channels);
        Assert.Equal(keys.PublicKey, app.Services.GetRequiredService<IPushPublicKey>().PublicKey);
        Assert.Equal(3, app.Services.GetRequiredService<NotificationOptions>().MaxAttempts);
        Assert.Contains(
            app.Services.GetServices<IHostedService>(), s => s is NotificationDispatcher);
        Assert.Equal(3, app.Services.GetRequiredService<NotificationQueue>().Senders.Count);
    }

    [Fact]
    public async Task AddDomainCall_BadWebhook_FailsAtStartNamingIt()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration["DomainCall:SiteDomain"] = "localhost";
        builder.Configuration["DomainCall:StorePath"] = _store.Path;
        builder.Configuration["DomainCall:Webhooks:0:Url"] = "http://hooks.example.com/";
        builder.Configuration["DomainCall:Webhooks:0:Secret"] = new string('k', 32);
        builder.Services.AddDomainCall();
        await using var app = builder.Build();

        var exception = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(
            () => app.StartAsync());

        Assert.Equal(
            "DomainCall:Webhooks[0]:Url 'http://hooks.example.com/' must use https; plain http is allowed only with " +
            "AllowPrivateNetworks.",
            exception.Message);
    }
}
