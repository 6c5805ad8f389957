using DomainCall.Smtp;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace DomainCall.Notifications.Tests.Smtp;

public sealed class SmtpOptionsTests
{
    [Fact]
    public void Validate_EveryValueWrong_ReportsEveryProblemTogether()
    {
        var options = new SmtpOptions
        {
            Port = 0,
            UserName = "mailer",
            From = "a@example.com, b@example.com",
            OwnerAddress = "Desk <desk@example.com>",
            Timeout = TimeSpan.Zero,
        };

        var result = new SmtpOptionsValidator().Validate(null, options);

        Assert.Equal(
            [
                "DomainCall:Smtp:Host is required: the mail server's name, such as 'smtp.example.com'.",
                "DomainCall:Smtp:Port must be between 1 and 65535; it is 0.",
                "DomainCall:Smtp:UserName and Password go together; set both to sign in, or neither.",
                "DomainCall:Smtp:From is required: one address emails are sent from, such as " +
                "'Example <calls@example.com>'.",
                "DomainCall:Smtp:OwnerAddress must be one bare address, such as 'desk@example.com'.",
                "DomainCall:Smtp:Timeout must be between 00:00:01 and 00:05:00; it is 00:00:00.",
            ],
            result.Failures);
    }

    [Fact]
    public async Task AddDomainCallSmtp_WithoutHostAndFrom_FailsAtStartNamingTheSettings()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddDomainCallSmtp();
        using var host = builder.Build();

        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Equal(
            "DomainCall:Smtp:Host is required: the mail server's name, such as 'smtp.example.com'.; " +
            "DomainCall:Smtp:From is required: one address emails are sent from, such as " +
            "'Example <calls@example.com>'.",
            exception.Message);
    }

    [Fact]
    public void AddDomainCallSmtp_Configured_RegistersTheEmailSender()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddDomainCallSmtp(smtp =>
        {
            smtp.Host = "smtp.example.com";
            smtp.From = "calls@example.com";
        });
        services.AddDomainCallSmtp();

        using var provider = services.BuildServiceProvider();

        var sender = Assert.Single(provider.GetServices<INotificationSender>());
        Assert.Equal("email", sender.Channel);
    }
}
