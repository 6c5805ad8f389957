using System.Globalization;
using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static DomainCall.Browser.Tests.CallbackSteps;
using static DomainCall.Browser.Tests.CallSteps;
using static Microsoft.Playwright.Assertions;

namespace DomainCall.Browser.Tests;

/// <summary>
/// Callers nobody answered, asking to be called back or leaving a message, and the owner's desk that lists, plays
/// and returns them. The caller's browser is nine hours behind the owner's.
/// </summary>
public sealed class CallbackTests(ShortRingSite site) : BrowserTest<ShortRingSite>(site)
{
    [Fact]
    public async Task RingTimeout_LeadsToAScheduledCallback_ShownInEachPersonsOwnZone()
    {
        var desk = await Site.OpenDeskAsync(ShortRingSite.OwnerZone);
        var visitor = await Site.OpenAsync("/call", timeZone: CallerZone);

        await CallUntilOptionsAsync(visitor, "Support");
        await Option(visitor, "Call me back at a time").CheckAsync();
        var firstSlot = visitor.Locator("input[name='slot']").First;
        await Expect(firstSlot).ToBeVisibleAsync();
        var slot = DateTimeOffset.Parse(
            await firstSlot.GetAttributeAsync("value") ?? "", CultureInfo.InvariantCulture);
        await Expect(Option(visitor, ClockIn(slot, CallerZone)).First).ToBeVisibleAsync();
        await firstSlot.CheckAsync();
        await visitor.GetByLabel("Your name (optional)").FillAsync("Ana <b>Lima</b>");
        await SendAsync(visitor, $"We\u2019ll call you back on {WeekdayIn(slot, CallerZone)}");

        await Expect(visitor.GetByText($"at {ClockIn(slot, CallerZone)} (your time)", new() { Exact = false }))
            .ToBeVisibleAsync();
        await Button(desk, "Scheduled (1)").ClickAsync();
        var item = desk.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Ana <b>Lima</b>" });
        await Expect(item).ToContainTextAsync($"Call back {WeekdayIn(slot, ShortRingSite.OwnerZone)}");
        await Expect(item).ToContainTextAsync(ClockIn(slot, ShortRingSite.OwnerZone));
        await Expect(item).ToContainTextAsync("Support");
        Assert.Equal(0, await desk.Locator("b", new() { HasText = "Lima" }).CountAsync());
    }

    [Fact]
    public async Task VoiceMessage_RecordedFromTheMicrophone_PlaysOnTheDesk()
    {
        var visitor = await Site.OpenAsync("/call", timeZone: CallerZone);
        await CallUntilOptionsAsync(visitor);
        await Option(visitor, "Leave a message").CheckAsync();

        await Button(visitor, "Record").ClickAsync();
        var countdown = visitor.GetByRole(AriaRole.Timer);
        await Expect(countdown).ToHaveTextAsync(new Regex(@"^\d+:\d\d left$"));
        var start = await countdown.TextContentAsync();
        await Expect(countdown).Not.ToHaveTextAsync(start!);
        await Button(visitor, "Stop").ClickAsync();
        await Expect(visitor.GetByText(new Regex(@"^Recorded \d+:\d\d\.$"))).ToBeVisibleAsync();
        var name = $"Bo {Guid.NewGuid():N}"[..11];
        await visitor.GetByLabel("Your name (optional)").FillAsync(name);
        await SendAsync(visitor, "Your message was sent to Bikes & Co.");

        var desk = await Site.OpenDeskAsync(ShortRingSite.OwnerZone);
        var audio = desk.GetByRole(AriaRole.Listitem).Filter(new() { HasText = name }).Locator("audio");
        await Expect(audio).ToHaveCountAsync(1);
        var stored = await audio.EvaluateAsync<int>(
            "async a => (await (await fetch(a.src)).arrayBuffer()).byteLength");
        Assert.True(stored > 0, "The server kept no bytes of the voice message.");
        // A recorded WebM file may state no length, and Chromium then gives Infinity, which is more than 0 too.
        var duration = await audio.EvaluateAsync<string>("""
            a => new Promise((resolve, reject) => {
              const done = () => resolve(String(a.duration));
              if (a.readyState >= 1) return done();
              a.addEventListener('loadedmetadata', done);
              a.addEventListener('error', () => reject(new Error('The audio could not be loaded.')));
            })
            """);
        Assert.True(duration == "Infinity" || double.Parse(duration, CultureInfo.InvariantCulture) > 0,
            $"The voice message has a duration of {duration}.");
        await audio.EvaluateAsync("a => a.play()");
        await desk.WaitForFunctionAsync("a => a.currentTime > 0", await audio.ElementHandleAsync());
    }

    [Fact]
    public async Task CallBackNow_RingsTheCallerWhoWaits_AndTheCallConnects()
    {
        var visitor = await Site.OpenAsync("/call", timeZone: CallerZone);
        await CallUntilOptionsAsync(visitor);
        await visitor.GetByLabel("Your name (optional)").FillAsync("Cleo");
        await SendAsync(visitor, "We\u2019ll call you back as soon as we can.");
        var desk = await Site.OpenDeskAsync(ShortRingSite.OwnerZone);

        var item = desk.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Cleo" });
        await item.GetByRole(AriaRole.Button, new() { Name = "Call back now" }).ClickAsync();

        await Expect(visitor.GetByText("Bikes & Co is calling you back", new() { Exact = true })).ToBeVisibleAsync();
        await Button(visitor, "Answer").ClickAsync();
        await Expect(Button(visitor, "Hang up")).ToBeVisibleAsync();
        await Expect(Button(desk, "Hang up")).ToBeVisibleAsync();
        await PeerWatch.AssertReceivingAsync(visitor, "audio");
        await PeerWatch.AssertReceivingAsync(desk, "audio");
        await Button(visitor, "Hang up").ClickAsync();
        await Expect(desk.GetByText("Call ended", new() { Exact = true })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task ReturnLink_FromAnEmail_CallsTheBusinessBack()
    {
        var visitor = await Site.OpenAsync("/call", timeZone: CallerZone);
        await CallUntilOptionsAsync(visitor);
        await SendAsync(visitor, "We\u2019ll call you back as soon as we can.");
        var stored = await visitor.EvaluateAsync<string>("() => localStorage.getItem('domain-call:callbacks')");
        using var remembered = System.Text.Json.JsonDocument.Parse(stored);
        var callback = remembered.RootElement[0];
        var desk = await Site.OpenDeskAsync(ShortRingSite.OwnerZone);

        var link = $"/call?callback={Uri.EscapeDataString(callback.GetProperty("id").GetString()!)}" +
            $"&token={Uri.EscapeDataString(callback.GetProperty("token").GetString()!)}";
        var returning = await Site.OpenAsync(link, timeZone: CallerZone);
        await Button(returning, "Call Bikes & Co back").ClickAsync();

        await AnswerAsync(desk, returning);
        await PeerWatch.AssertReceivingAsync(desk, "audio");
        await Button(returning, "Hang up").ClickAsync();
        await Expect(desk.GetByText("Call ended", new() { Exact = true })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task OutOfOffice_SwitchedOnAtTheDesk_IsShownToCallersWhoseCallsDoNotRing()
    {
        var desk = await Site.OpenDeskAsync(ShortRingSite.OwnerZone);
        var returnsOn = DateTime.UtcNow.Date.AddDays(3);
        await desk.GetByLabel("Message for callers").FillAsync("Back after the <i>holidays</i>.");
        await desk.GetByLabel("Back on").FillAsync(returnsOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        var away = desk.GetByRole(AriaRole.Switch, new() { Name = "Out of office" });
        await away.ClickAsync();
        await Expect(away).ToHaveAttributeAsync("aria-checked", "true");

        try
        {
            var visitor = await Site.OpenAsync("/call", timeZone: CallerZone);
            await Expect(visitor.GetByText(
                "Out of office: Back after the <i>holidays</i>. Back on " +
                $"{returnsOn.ToString("dddd d MMMM", CultureInfo.InvariantCulture)}.",
                new() { Exact = false }).First).ToBeVisibleAsync();
            await CallUntilOptionsAsync(visitor);
            await Expect(Button(desk, "Answer")).ToHaveCountAsync(0);
            Assert.Equal(0, Site.Switchboard.LiveCallCount);
        }
        finally
        {
            await away.ClickAsync();
            await Expect(away).ToHaveAttributeAsync("aria-checked", "false");
        }
    }

    [Fact]
    public async Task CallbackList_OnTheDesk_HasNoSeriousOrCriticalViolation()
    {
        var visitor = await Site.OpenAsync("/call", timeZone: CallerZone);
        await CallUntilOptionsAsync(visitor);
        await Option(visitor, "Leave a message").CheckAsync();
        await visitor.GetByLabel("Your message").FillAsync("Is the blue bike still for sale?");
        await SendAsync(visitor, "Your message was sent");
        var desk = await Site.OpenDeskAsync(ShortRingSite.OwnerZone);

        await Expect(desk.GetByText("Is the blue bike still for sale?")).ToBeVisibleAsync();

        AccessibilityTests.AssertNoSeriousViolation(await desk.RunAxe());
    }
}
