using Microsoft.Playwright;
using static DomainCall.Browser.Tests.CallSteps;
using static Microsoft.Playwright.Assertions;

namespace DomainCall.Browser.Tests;

/// <summary>A visitor whose browser refuses the microphone.</summary>
public sealed class MicrophoneTests(BrowserSite site) : BrowserTest(site)
{
    [Fact]
    public async Task Call_WithTheMicrophoneDenied_ExplainsWhatToDoAndLeavesNothingStuck()
    {
        var desk = await Site.OpenDeskAsync();
        var visitor = await Site.OpenWithMicrophoneDeniedAsync("/call");

        await visitor.GetByRole(AriaRole.Radio, new() { Name = "Sales", Exact = true }).CheckAsync();
        await visitor.GetByRole(AriaRole.Radio, new() { Name = "Voice", Exact = true }).CheckAsync();
        await Button(visitor, "Call").ClickAsync();

        await Expect(visitor.GetByText("microphone", new() { Exact = false }).First).ToBeVisibleAsync();
        await Expect(visitor.GetByText("Allow", new() { Exact = false }).First).ToBeVisibleAsync();
        await Expect(Button(visitor, "Cancel")).ToHaveCountAsync(0);
        await Expect(Button(desk, "Answer")).ToHaveCountAsync(0);
        Assert.Equal(0, Site.Switchboard.LiveCallCount);

        await visitor.GetByRole(AriaRole.Radio, new() { Name = "Chat", Exact = true }).CheckAsync();
        await Button(visitor, "Call").ClickAsync();
        await AnswerAsync(desk, visitor);
    }
}
