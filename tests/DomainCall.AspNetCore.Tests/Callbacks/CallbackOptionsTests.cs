using DomainCall.Hosting;
using Microsoft.Extensions.Options;

namespace DomainCall.Tests.Callbacks;

public sealed class CallbackOptionsTests
{
    [Fact]
    public void Validate_EveryCallbackOptionOutOfRange_ReportsThemAllTogether()
    {
        var options = new DomainCallOptions { SiteDomain = "example.com" };
        options.Callbacks.SlotLeadTime = TimeSpan.FromDays(8);
        options.Callbacks.SlotHorizon = TimeSpan.FromHours(1);
        options.Callbacks.MaxMessageLength = 0;
        options.Callbacks.MaxVoiceBytes = 100;
        options.Callbacks.MaxVoiceDuration = TimeSpan.FromSeconds(1);
        options.Callbacks.PerAddressLimit = 0;
        options.Callbacks.PerAddressWindow = TimeSpan.Zero;
        options.Callbacks.PerEmailLimit = -1;
        options.Callbacks.PerEmailWindow = TimeSpan.FromDays(31);

        var result = new DomainCallOptionsValidator().Validate(Options.DefaultName, options);

        Assert.Equal(
            [
                "DomainCall:Callbacks:SlotLeadTime must be between 00:00:00 and 7.00:00:00; it is 8.00:00:00.",
                "DomainCall:Callbacks:SlotHorizon must be between 1.00:00:00 and 365.00:00:00; it is 01:00:00.",
                "DomainCall:Callbacks:MaxMessageLength must be between 1 and 20000; it is 0.",
                "DomainCall:Callbacks:MaxVoiceBytes must be between 1024 and 16777216; it is 100.",
                "DomainCall:Callbacks:MaxVoiceDuration must be between 00:00:05 and 00:10:00; it is 00:00:01.",
                "DomainCall:Callbacks:PerAddressLimit must be between 1 and 1000000; it is 0.",
                "DomainCall:Callbacks:PerAddressWindow must be between 00:01:00 and 7.00:00:00; it is 00:00:00.",
                "DomainCall:Callbacks:PerEmailLimit must be between 1 and 1000000; it is -1.",
                "DomainCall:Callbacks:PerEmailWindow must be between 00:01:00 and 30.00:00:00; it is 31.00:00:00.",
                "DomainCall:Callbacks:SlotLeadTime must be shorter than DomainCall:Callbacks:SlotHorizon, or no slot " +
                    "can be offered.",
            ],
            result.Failures);
    }

    [Fact]
    public void Validate_TheDefaults_Succeed()
    {
        var options = new DomainCallOptions { SiteDomain = "example.com" };

        Assert.True(new DomainCallOptionsValidator().Validate(Options.DefaultName, options).Succeeded);
    }
}
