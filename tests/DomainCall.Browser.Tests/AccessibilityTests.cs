using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static DomainCall.Browser.Tests.CallSteps;
using static Microsoft.Playwright.Assertions;

namespace DomainCall.Browser.Tests;

/// <summary>
/// A call made with the keyboard alone, and axe-core's checks of the button, the call screen and the desk.
/// </summary>
public sealed class AccessibilityTests(BrowserSite site) : BrowserTest(site)
{
    [Fact]
    public async Task Call_WithTheKeyboardAlone_IsPlacedAnsweredAndEnded()
    {
        var desk = await Site.OpenDeskAsync();
        var visitor = await Site.OpenAsync("/call");

        await TabToAsync(visitor, "Sales");
        await visitor.Keyboard.PressAsync("ArrowDown");
        await Expect(visitor.GetByRole(AriaRole.Radio, new() { Name = "Support", Exact = true })).ToBeCheckedAsync();
        await TabToAsync(visitor, "Call");
        await visitor.Keyboard.PressAsync("Enter");
        await Expect(Button(visitor, "Cancel")).ToBeVisibleAsync();
        await Expect(desk.GetByText(new Regex("^Support "))).ToBeVisibleAsync();
        await TabToAsync(desk, "Answer");
        await desk.Keyboard.PressAsync("Enter");
        await Expect(Button(visitor, "Hang up")).ToBeVisibleAsync();
        await PeerWatch.AssertReceivingAsync(visitor, "audio");
        await TabToAsync(visitor, "Hang up");
        await visitor.Keyboard.PressAsync("Enter");

        await Expect(visitor.GetByText("Call ended", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(desk.GetByText("Call ended", new() { Exact = true })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Button_HasNoSeriousOrCriticalViolation()
    {
        var visitor = await Site.OpenAsync(BrowserSite.ShopPath);
        await Expect(Button(visitor, "Call us")).ToBeVisibleAsync();

        AssertNoSeriousViolation(await visitor.RunAxe());
    }

    [Fact]
    public async Task CallScreen_WhilePickingAndRinging_HasNoSeriousOrCriticalViolation()
    {
        var desk = await Site.OpenDeskAsync();
        var visitor = await Site.OpenAsync("/call");
        await Expect(Button(visitor, "Call")).ToBeVisibleAsync();
        var picking = await visitor.RunAxe();

        await CallAsync(visitor);
        var ringing = await visitor.RunAxe();
        await Expect(Button(desk, "Answer")).ToBeVisibleAsync();
        var deskRinging = await desk.RunAxe();
        await Button(visitor, "Cancel").ClickAsync();

        AssertNoSeriousViolation(picking);
        AssertNoSeriousViolation(ringing);
        AssertNoSeriousViolation(deskRinging);
    }

    [Fact]
    public async Task Desk_SignInAndWaiting_HaveNoSeriousOrCriticalViolation()
    {
        var signIn = await Site.OpenAsync("/call/desk");
        await Expect(signIn.GetByLabel("Owner key")).ToBeVisibleAsync();
        var signInResult = await signIn.RunAxe();
        var desk = await Site.OpenDeskAsync();
        var waiting = await desk.RunAxe();

        AssertNoSeriousViolation(signInResult);
        AssertNoSeriousViolation(waiting);
    }

    internal static void AssertNoSeriousViolation(AxeResult result)
    {
        var serious = result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target))}")
            .ToList();
        Assert.True(serious.Count == 0, string.Join(Environment.NewLine, serious));
    }
}
