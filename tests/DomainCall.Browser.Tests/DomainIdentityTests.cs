using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static DomainCall.Browser.Tests.CallSteps;
using static Microsoft.Playwright.Assertions;

namespace DomainCall.Browser.Tests;

/// <summary>Calling as a verified domain from a browser signed in to its desk, and as a guest from one that is not.
/// </summary>
public sealed class DomainIdentityTests(BrowserSite site) : BrowserTest(site)
{
    [Fact]
    public async Task DeskOfAnotherDomain_CallsTheSiteAsThatDomain_AndTheCallCarriesAudio()
    {
        var desk = await Site.OpenDeskAsync();
        var shop = await Site.OpenOtherDeskAsync();

        await shop.GetByLabel("Domain to call").FillAsync("localhost");
        await Button(shop, "Call a domain").ClickAsync();
        await CallAsync(shop, "Sales", "Voice");

        await Expect(shop.GetByText($"Calling as {BrowserSite.OtherDomain}", new() { Exact = true }))
            .ToBeVisibleAsync();
        await Expect(desk.GetByText($"verified: {BrowserSite.OtherDomain}")).ToBeVisibleAsync();
        await AnswerAsync(desk, shop);
        await PeerWatch.AssertReceivingAsync(shop, "audio");
        await PeerWatch.AssertReceivingAsync(desk, "audio");
        await Button(shop, "Hang up").ClickAsync();
        await Expect(desk.GetByText("Call ended", new() { Exact = true })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task VisitorNotSignedIn_AskingToCallAsADomain_CallsAsAGuestAndIsToldWhy()
    {
        var desk = await Site.OpenDeskAsync();
        var visitor = await Site.OpenAsync($"/call?as={BrowserSite.OtherDomain}");

        await CallAsync(visitor, "Sales", "Voice");

        await Expect(visitor.GetByText(
                $"Calling as a guest, because this browser is not signed in for {BrowserSite.OtherDomain}."))
            .ToBeVisibleAsync();
        await Expect(desk.GetByText(new Regex(@"\.guest\."))).ToBeVisibleAsync();
        await Expect(desk.GetByText("verified:")).ToHaveCountAsync(0);
        await Button(visitor, "Cancel").ClickAsync();
        await Expect(visitor.GetByText("Call cancelled.", new() { Exact = true })).ToBeVisibleAsync();
    }
}
