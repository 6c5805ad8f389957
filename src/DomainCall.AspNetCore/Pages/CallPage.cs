using System.Globalization;
using System.Text.Encodings.Web;
using DomainCall.Availability;
using DomainCall.Engine;
using DomainCall.Hosting;
using Microsoft.AspNetCore.Http;

namespace DomainCall.Pages;

/// <summary>
/// The page at <c>/call</c>: the business name, the owner's introduction, and the call screen. It is what a shared
/// <c>example.com/call</c> link opens, so it also carries the tags that make the link preview well.
/// </summary>
internal sealed class CallPage(DomainCallSettings settings, DomainRouting routing, BusinessHours hours)
{
    private static readonly Introduction NoIntroduction = Introduction.Render(null);

    private readonly Introduction _introduction = Introduction.Render(settings.Introduction);

    public async Task WriteAsync(HttpContext context, string prefix, string? pathDomain)
    {
        if (await routing.ResolveAsync(context, pathDomain) is not { } domain)
        {
            await UnknownDomainPage.WriteAsync(context, prefix, pathDomain!);
            return;
        }

        // The introduction is the site owner's words, so it is shown only on the site's own domain.
        var introduction = domain == settings.SiteDomain ? _introduction : NoIntroduction;
        var html = HtmlEncoder.Default;
        var name = routing.NameOf(domain);
        var description = introduction.Summary.Length > 0
            ? introduction.Summary
            : $"Call {name} from your browser: voice, video or chat, with no app and no account.";
        var availability = await hours.NowAsync(domain, context.RequestAborted);
        var body =
            "<main class=\"call-page\">\n" +
            $"<h1>{html.Encode(name)}</h1>\n" +
            AvailabilityHtml(availability, html) +
            (introduction.Html.Length > 0 ? $"<div class=\"introduction\">{introduction.Html}</div>\n" : "") +
            $"<domain-call inline domain=\"{html.Encode(domain.Value)}\"{CallAs(context, html)}></domain-call>\n" +
            "<noscript><p>Calling needs JavaScript, which is turned off in this browser.</p></noscript>\n" +
            "</main>";
        var page = new Page($"Call {name}", description, name, $"{prefix}/widget", ["domain-call.js"], body);
        await PageShell.WriteAsync(context, StatusCodes.Status200OK, page);
    }

    // The next opening is worded in the owner's zone, which is named; the <time> element carries the instant, so
    // the widget can word it again in the caller's own zone.
    private string AvailabilityHtml(AvailabilityNow now, HtmlEncoder html)
    {
        if (now.Open)
        {
            return "<p class=\"availability availability-open\">Open now</p>\n";
        }

        var next = now.NextOpening is { } at ? Time(at, html) : null;
        if (now.OutOfOffice is { } away)
        {
            var back = next is not null
                ? $"<p>Calls ring again from {next}.</p>\n"
                : away.ReturnsOn is { } day
                    ? $"<p>Back on {day.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture)}.</p>\n"
                    : "";
            var message = away.Message is { } text
                ? $"<p class=\"availability-message\">{html.Encode(text)}</p>\n"
                : "";
            return "<div class=\"availability availability-away\">\n<p><strong>Out of office</strong></p>\n" +
                message + back + "</div>\n";
        }

        return next is null
            ? "<p class=\"availability availability-closed\"><strong>Closed</strong></p>\n"
            : $"<p class=\"availability availability-closed\"><strong>Closed</strong>. Opens {next}.</p>\n";
    }

    private string Time(DateTimeOffset instant, HtmlEncoder html)
    {
        var schedule = hours.Schedule;
        var local = TimeZoneInfo.ConvertTime(instant, schedule.Zone);
        var words = local.ToString("dddd d MMMM yyyy 'at' HH:mm", CultureInfo.InvariantCulture);
        return $"<time datetime=\"{AvailabilityInfo.Instant(instant)}\">" +
            $"{html.Encode(words)} ({html.Encode(schedule.ZoneId)} time)</time>";
    }

    // ?as= only asks the widget to try; the hub decides, from the desk sign-in cookie, whether the call goes out as
    // that domain. A value that is not a domain would only be refused there, so it is left out of the page.
    private static string CallAs(HttpContext context, HtmlEncoder html) =>
        Domain.TryParse(context.Request.Query["as"].ToString(), out var caller)
            ? $" as=\"{html.Encode(caller.Value)}\""
            : "";
}
