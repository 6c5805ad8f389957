using System.Globalization;
using Microsoft.Playwright;
using static DomainCall.Browser.Tests.CallSteps;
using static Microsoft.Playwright.Assertions;

namespace DomainCall.Browser.Tests;

/// <summary>What a caller does when nobody answers, and how the tests read times in a given zone.</summary>
public static class CallbackSteps
{
    /// <summary>A caller's zone nine hours behind the owner's, so a time shown in the wrong zone is seen.</summary>
    public const string CallerZone = "America/Los_Angeles";

    /// <summary>Presses Call and waits for the options that follow when nobody can answer.</summary>
    public static async Task CallUntilOptionsAsync(IPage visitor, string reason = "Sales")
    {
        await visitor.GetByRole(AriaRole.Radio, new() { Name = reason, Exact = true }).CheckAsync();
        await visitor.GetByRole(AriaRole.Radio, new() { Name = "Voice", Exact = true }).CheckAsync();
        await Button(visitor, "Call").ClickAsync();
        // A call that rings waits for the site's ring timeout first; the default wait of Expect is only 5 seconds.
        await Expect(visitor.GetByText("Nobody can answer right now", new() { Exact = true }))
            .ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(Option(visitor, "Call me back as soon as possible")).ToBeVisibleAsync();
    }

    public static ILocator Option(IPage page, string name) =>
        page.GetByRole(AriaRole.Radio, new() { Name = name, Exact = true });

    /// <summary>Sends the options form and waits for the confirmation that says the request is stored.</summary>
    public static async Task SendAsync(IPage visitor, string confirmation)
    {
        await Button(visitor, "Send request").ClickAsync();
        await Expect(visitor.GetByText(confirmation, new() { Exact = false })).ToBeVisibleAsync();
    }

    /// <summary>An instant as a 24-hour clock shows it in <paramref name="zone"/>.</summary>
    public static string ClockIn(DateTimeOffset instant, string zone) =>
        TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById(zone))
            .ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The English weekday of an instant in <paramref name="zone"/>.</summary>
    public static string WeekdayIn(DateTimeOffset instant, string zone) =>
        TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById(zone)).DayOfWeek.ToString();
}
