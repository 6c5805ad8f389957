using static DomainCall.Browser.Tests.CallSteps;
using static Microsoft.Playwright.Assertions;

namespace DomainCall.Browser.Tests;

/// <summary>The button on a page of the business's own, which allows only its own scripts and styles.</summary>
public sealed class EmbeddedButtonTests(BrowserSite site) : BrowserTest(site)
{
    [Fact]
    public async Task Button_UnderAStrictContentSecurityPolicy_MakesAWholeCallWithNoViolation()
    {
        var desk = await Site.OpenDeskAsync();
        var visitor = await Site.OpenAsync(BrowserSite.ShopPath);
        var refusals = new List<string>();
        visitor.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                refusals.Add(message.Text);
            }
        };

        await Button(visitor, "Call us").ClickAsync();
        await CallAsync(visitor);
        await AnswerAsync(desk, visitor);
        await PeerWatch.AssertReceivingAsync(visitor, "audio");
        await Button(visitor, "Hang up").ClickAsync();
        await Expect(visitor.GetByText("Call ended", new() { Exact = true })).ToBeVisibleAsync();

        Assert.Empty(await PeerWatch.CspViolationsAsync(visitor));
        Assert.Empty(refusals);
    }

    [Fact]
    public async Task Button_BeforeItIsPressed_LoadsOnlyTheButtonScript()
    {
        var visitor = await Site.OpenAsync(BrowserSite.ShopPath);
        var scripts = new List<string>();
        visitor.Request += (_, request) =>
        {
            if (request.ResourceType == "script")
            {
                scripts.Add(new Uri(request.Url).AbsolutePath);
            }
        };

        await visitor.ReloadAsync();
        await Expect(Button(visitor, "Call us")).ToBeVisibleAsync();

        Assert.Equal(["/call/widget/domain-call.js"], scripts);
    }
}
