using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static DomainCall.Browser.Tests.CallSteps;
using static Microsoft.Playwright.Assertions;

namespace DomainCall.Browser.Tests;

/// <summary>A visitor on /call and the owner on the desk, each in a browser of their own.</summary>
public sealed class CallTests(BrowserSite site) : BrowserTest(site)
{
    [Fact]
    public async Task VoiceCall_AnsweredOnTheDesk_CarriesAudioBothWaysAndEndsOnBothSidesAtHangUp()
    {
        var desk = await Site.OpenDeskAsync();
        var visitor = await Site.OpenAsync("/call");

        await CallAsync(visitor, "Sales", "Voice");
        await Expect(desk.GetByText(new Regex("^Sales "))).ToBeVisibleAsync();
        await AnswerAsync(desk, visitor);
        await PeerWatch.AssertReceivingAsync(visitor, "audio");
        await PeerWatch.AssertReceivingAsync(desk, "audio");
        await Button(visitor, "Hang up").ClickAsync();

        await Expect(visitor.GetByText("Call ended", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(desk.GetByText("Call ended", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(Button(desk, "Hang up")).ToHaveCountAsync(0);
        await Expect(Button(visitor, "Call again")).ToBeVisibleAsync();
        await BrowserSite.WaitUntilAsync(() => Site.Switchboard.LiveCallCount == 0, "the server to end the call");
    }

    [Fact]
    public async Task VideoCall_CarriesVideoBothWays_AndSurvivesTheCameraTurnedOffAndOn()
    {
        var desk = await Site.OpenDeskAsync();
        var visitor = await Site.OpenAsync("/call");

        await CallAsync(visitor, "Support", "Video");
        await AnswerAsync(desk, visitor);
        await PeerWatch.AssertReceivingAsync(visitor, "video");
        await PeerWatch.AssertReceivingAsync(desk, "video");
        await Button(visitor, "Camera off").ClickAsync();
        await Expect(Button(visitor, "Camera on")).ToBeVisibleAsync();
        await Button(visitor, "Camera on").ClickAsync();
        await Expect(Button(visitor, "Camera off")).ToBeVisibleAsync();

        await PeerWatch.AssertReceivingAsync(desk, "video");
        await PeerWatch.AssertReceivingAsync(visitor, "video");
        await Expect(Button(visitor, "Hang up")).ToBeVisibleAsync();
        await Expect(Button(desk, "Hang up")).ToBeVisibleAsync();
        await Button(desk, "Hang up").ClickAsync();
        await Expect(visitor.GetByText("Call ended", new() { Exact = true })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Chat_DuringACall_DeliversMessagesBothWaysAsText()
    {
        var desk = await Site.OpenDeskAsync();
        var visitor = await Site.OpenAsync("/call");
        await CallAsync(visitor, "Sales", "Chat");
        await AnswerAsync(desk, visitor);

        await visitor.GetByLabel("Message", new() { Exact = true }).FillAsync("Is my bike ready? <b>soon</b>");
        await Button(visitor, "Send").ClickAsync();
        await desk.GetByLabel("Message", new() { Exact = true }).FillAsync("Yes, come by at five.");
        await Button(desk, "Send").ClickAsync();

        await Expect(desk.GetByText("Is my bike ready? <b>soon</b>")).ToBeVisibleAsync();
        await Expect(visitor.GetByText("Yes, come by at five.")).ToBeVisibleAsync();
        Assert.Equal(0, await desk.Locator("b", new() { HasText = "soon" }).CountAsync());
        await Button(visitor, "Hang up").ClickAsync();
    }

    [Fact]
    public async Task TwoDesks_OneAnswers_TheOtherStopsRinging()
    {
        var first = await Site.OpenDeskAsync();
        var second = await Site.OpenDeskAsync();
        var visitor = await Site.OpenAsync("/call");

        await CallAsync(visitor);
        await Expect(Button(first, "Answer")).ToBeVisibleAsync();
        await Expect(Button(second, "Answer")).ToBeVisibleAsync();
        await AnswerAsync(first, visitor);

        await Expect(Button(second, "Answer")).ToHaveCountAsync(0);
        await Expect(Button(second, "Hang up")).ToHaveCountAsync(0);
        await PeerWatch.AssertReceivingAsync(visitor, "audio");
        await Button(visitor, "Hang up").ClickAsync();
        await Expect(first.GetByText("Call ended", new() { Exact = true })).ToBeVisibleAsync();
    }
}
