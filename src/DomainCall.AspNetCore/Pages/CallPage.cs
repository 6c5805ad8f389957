using System.Text.Encodings.Web;
using DomainCall.Engine;
using Microsoft.AspNetCore.Http;

namespace DomainCall.Pages;

/// <summary>
/// The page at <c>/call</c>: the business name, the owner's introduction, and the call screen. It is what a shared
/// <c>example.com/call</c> link opens, so it also carries the tags that make the link preview well.
/// </summary>
internal sealed class CallPage(DomainCallSettings settings)
{
    private readonly Introduction _introduction = Introduction.Render(settings.Introduction);

    public Task WriteAsync(HttpContext context, string prefix)
    {
        var html = HtmlEncoder.Default;
        var name = settings.BusinessName;
        var description = _introduction.Summary.Length > 0
            ? _introduction.Summary
            : $"Call {name} from your browser: voice, video or chat, with no app and no account.";
        var body =
            "<main class=\"call-page\">\n" +
            $"<h1>{html.Encode(name)}</h1>\n" +
            (_introduction.Html.Length > 0 ? $"<div class=\"introduction\">{_introduction.Html}</div>\n" : "") +
            $"<domain-call inline domain=\"{html.Encode(settings.SiteDomain.Value)}\"></domain-call>\n" +
            "<noscript><p>Calling needs JavaScript, which is turned off in this browser.</p></noscript>\n" +
            "</main>";
        var page = new Page($"Call {name}", description, name, $"{prefix}/widget", ["domain-call.js"], body);
        return PageShell.WriteAsync(context, StatusCodes.Status200OK, page);
    }
}
