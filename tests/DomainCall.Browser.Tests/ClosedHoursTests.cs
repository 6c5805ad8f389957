using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static DomainCall.Browser.Tests.CallbackSteps;
using static DomainCall.Browser.Tests.CallSteps;
using static Microsoft.Playwright.Assertions;

namespace DomainCall.Browser.Tests;

/// <summary>A caller on another continent reaching a business outside its opening hours.</summary>
public sealed class ClosedHoursTests(ClosedSite site) : BrowserTest<ClosedSite>(site)
{
    [Fact]
    public async Task CallScreen_WhenClosed_ShowsTheNextOpeningInTheCallersZone()
    {
        var visitor = await Site.OpenAsync("/call", timeZone: CallerZone);

        var opens = $"{WeekdayIn(Site.NextOpening, CallerZone)} {ClockIn(Site.NextOpening, CallerZone)}";
        await Expect(visitor.GetByText($"Closed \u2014 opens {opens} (your time)", new() { Exact = true }))
            .ToBeVisibleAsync();
    }

    [Fact]
    public async Task Call_WhenClosed_OffersTheOptionsWithoutRinging()
    {
        var desk = await Site.OpenDeskAsync(ClosedSite.OwnerZone);
        var visitor = await Site.OpenAsync("/call", timeZone: CallerZone);

        await CallUntilOptionsAsync(visitor);

        await Expect(Option(visitor, "Call me back at a time")).ToBeVisibleAsync();
        await Expect(Option(visitor, "Leave a message")).ToBeVisibleAsync();
        await Expect(Button(desk, "Answer")).ToHaveCountAsync(0);
        await Expect(desk.GetByText("Incoming calls", new() { Exact = true })).ToBeHiddenAsync();
        Assert.Equal(0, Site.Switchboard.LiveCallCount);
    }

    [Fact]
    public async Task Options_WithEveryChoiceOpen_HaveNoSeriousOrCriticalViolation()
    {
        var visitor = await Site.OpenAsync("/call", timeZone: CallerZone);
        await CallUntilOptionsAsync(visitor);
        var asap = await visitor.RunAxe();

        await Option(visitor, "Call me back at a time").CheckAsync();
        await Expect(visitor.GetByText("Times are shown in your time zone.")).ToBeVisibleAsync();
        var slots = await visitor.RunAxe();
        await Option(visitor, "Leave a message").CheckAsync();
        await Expect(Button(visitor, "Record")).ToBeVisibleAsync();
        var message = await visitor.RunAxe();

        AccessibilityTests.AssertNoSeriousViolation(asap);
        AccessibilityTests.AssertNoSeriousViolation(slots);
        AccessibilityTests.AssertNoSeriousViolation(message);
    }
}
