using System.Text.Encodings.Web;
using DomainCall.Engine;
using DomainCall.Hosting;
using Microsoft.AspNetCore.Http;

namespace DomainCall.Pages;

/// <summary>
/// The page at <c>/call</c>: the business name, the owner's introduction, and the call screen. It is what a shared
/// <c>example.com/call</c> link opens, so it also carries the tags that make the link preview well.
/// </summary>
internal sealed class CallPage(DomainCallSettings settings, DomainRouting routing)
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
        var body =
            "<main class=\"call-page\">\n" +
            $"<h1>{html.Encode(name)}</h1>\n" +
            (introduction.Html.Length > 0 ? $"<div class=\"introduction\">{introduction.Html}</div>\n" : "") +
            $"<domain-call inline domain=\"{html.Encode(domain.Value)}\"{CallAs(context, html)}></domain-call>\n" +
            "<noscript><p>Calling needs JavaScript, which is turned off in this browser.</p></noscript>\n" +
            "</main>";
        var page = new Page($"Call {name}", description, name, $"{prefix}/widget", ["domain-call.js"], body);
        await PageShell.WriteAsync(context, StatusCodes.Status200OK, page);
    }

    // ?as= only asks the widget to try; the hub decides, from the desk sign-in cookie, whether the call goes out as
    // that domain. A value that is not a domain would only be refused there, so it is left out of the page.
    private static string CallAs(HttpContext context, HtmlEncoder html) =>
        Domain.TryParse(context.Request.Query["as"].ToString(), out var caller)
            ? $" as=\"{html.Encode(caller.Value)}\""
            : "";
}
