using System.Text.Json;
using DomainCall.Tests.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DomainCall.Tests.Pages;

/// <summary>What <c>/call</c> and <c>/call/info</c> say about opening hours and the out-of-office switch.</summary>
public sealed class CallPageAvailabilityTests
{
    [Fact]
    public async Task CallPage_OutsideOpeningHours_SaysClosedAndWhenItOpensInTheOwnersZone()
    {
        await using var server = await AvailabilityHubTests.ClosedOnSaturdayAsync();
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseAddress) };

        var html = await http.GetStringAsync("/call");

        Assert.Contains(
            "<p class=\"availability availability-closed\"><strong>Closed</strong>. Opens " +
            "<time datetime=\"2026-12-07T08:00:00Z\">Monday 7 December 2026 at 09:00 (Europe/Paris time)</time>.</p>",
            html);
        Assert.DoesNotContain("Open now", html);
    }

    [Fact]
    public async Task Info_OutsideOpeningHours_GivesTheNextOpening()
    {
        await using var server = await AvailabilityHubTests.ClosedOnSaturdayAsync();
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseAddress) };

        var info = JsonDocument.Parse(await http.GetStringAsync("/call/info")).RootElement;

        Assert.Equal(
            """{"open":false,"nextOpening":"2026-12-07T08:00:00Z","timeZone":"Europe/Paris","outOfOffice":null}""",
            info.GetProperty("availability").GetRawText());
    }

    [Fact]
    public async Task CallPageAndInfo_OpenAtAllHours_SayOpenNow()
    {
        await using var server = await SignalingServer.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseAddress) };

        var html = await http.GetStringAsync("/call");
        var info = JsonDocument.Parse(await http.GetStringAsync("/call/info")).RootElement;

        Assert.Contains("<p class=\"availability availability-open\">Open now</p>", html);
        Assert.Equal(
            """{"open":true,"nextOpening":null,"timeZone":"UTC","outOfOffice":null}""",
            info.GetProperty("availability").GetRawText());
    }

    [Fact]
    public async Task CallPageAndInfo_OutOfOffice_ShowTheMessageAsTextAndTheReturn()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-12-03T12:00:00Z", null));
        await using var server = await SignalingServer.StartAsync(
            options => options.Hours.TimeZone = "America/New_York",
            host => host.Services.AddSingleton<TimeProvider>(time));
        await using (var desk = await server.ConnectDeskAsync())
        {
            await desk.InvokeAsync(
                "SetOutOfOffice",
                SignalingServer.SiteDomain,
                true,
                "Gone <script>alert(1)</script> fishing",
                "2026-12-10");
        }

        using var http = new HttpClient { BaseAddress = new Uri(server.BaseAddress) };
        var html = await http.GetStringAsync("/call");
        var info = JsonDocument.Parse(await http.GetStringAsync("/call/info")).RootElement;

        Assert.Contains("<strong>Out of office</strong>", html);
        Assert.Contains(
            "<p class=\"availability-message\">Gone &lt;script&gt;alert(1)&lt;/script&gt; fishing</p>", html);
        Assert.Contains(
            "Calls ring again from <time datetime=\"2026-12-10T05:00:00Z\">Thursday 10 December 2026 at 00:00 " +
            "(America/New_York time)</time>.",
            html);
        Assert.DoesNotContain("<script>", html);
        var availability = info.GetProperty("availability");
        Assert.False(availability.GetProperty("open").GetBoolean());
        Assert.Equal("2026-12-10T05:00:00Z", availability.GetProperty("nextOpening").GetString());
        Assert.Equal(
            "Gone <script>alert(1)</script> fishing",
            availability.GetProperty("outOfOffice").GetProperty("message").GetString());
        Assert.Equal("2026-12-10", availability.GetProperty("outOfOffice").GetProperty("returnsOn").GetString());
    }

    [Fact]
    public async Task Info_HoursFromConfiguration_AreBoundAsTheReadmeShows()
    {
        // The keys an environment variable such as DomainCall__Hours__Exceptions__0__Date becomes.
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-12-03T12:00:00Z", null));
        await using var server = await SignalingServer.StartAsync(configureHost: host =>
        {
            host.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["DomainCall:Hours:TimeZone"] = "Europe/Paris",
                ["DomainCall:Hours:Exceptions:0:Date"] = "2026-12-03",
                ["DomainCall:Hours:Exceptions:0:Closed"] = "true",
            });
            host.Services.AddSingleton<TimeProvider>(time);
        });
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseAddress) };

        var info = JsonDocument.Parse(await http.GetStringAsync("/call/info")).RootElement;

        Assert.Equal(
            """{"open":false,"nextOpening":"2026-12-03T23:00:00Z","timeZone":"Europe/Paris","outOfOffice":null}""",
            info.GetProperty("availability").GetRawText());
    }
}
