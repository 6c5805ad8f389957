using System.Text.Encodings.Web;
using DomainCall.Engine;
using DomainCall.Hosting;
using Microsoft.AspNetCore.Http;

namespace DomainCall.Pages;

/// <summary>
/// The desk at <c>/call/desk</c> (or <c>/call/{domain}/desk</c> on a shared host), where the owner answers calls.
/// A browser signs in with the domain's owner key, which the server trades for a cookie; a user of the host who meets
/// <see cref="DomainCallOptions.DeskPolicy"/> needs no key for the site's own domain.
/// </summary>
internal sealed class DeskPage(
    DomainCallSettings settings, DeskAccess access, DeskSessions sessions, DomainRouting routing)
{
    public async Task ShowAsync(HttpContext context, string prefix, string? pathDomain)
    {
        if (await routing.ResolveAsync(context, pathDomain) is not { } domain)
        {
            await UnknownDomainPage.WriteAsync(context, prefix, pathDomain!);
            return;
        }

        var desk = new DeskAddress(domain, routing.NameOf(domain), prefix, DeskPath(prefix, pathDomain));
        if (await access.MayAnswerForAsync(context, context.User, domain, null, context.RequestAborted))
        {
            await WriteDeskAsync(context, desk);
        }
        else
        {
            await WriteSignInAsync(context, desk, StatusCodes.Status200OK, error: null);
        }
    }

    public async Task SignInAsync(HttpContext context, string prefix, string? pathDomain)
    {
        if (await routing.ResolveAsync(context, pathDomain) is not { } domain)
        {
            await UnknownDomainPage.WriteAsync(context, prefix, pathDomain!);
            return;
        }

        var desk = new DeskAddress(domain, routing.NameOf(domain), prefix, DeskPath(prefix, pathDomain));
        if (!context.Request.HasFormContentType)
        {
            await WriteSignInAsync(
                context, desk, StatusCodes.Status400BadRequest, "Send the owner key from the sign-in form.");
            return;
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var key = form["ownerKey"].ToString().Trim();
        if (!await sessions.SignInAsync(context, domain, key, prefix))
        {
            var which = domain == settings.SiteDomain
                ? "the 22-character key the site printed when it first ran"
                : "the 22-character key given when the domain was registered";
            await WriteSignInAsync(
                context, desk, StatusCodes.Status401Unauthorized,
                $"That is not the owner key of {domain.Value}. It is {which}.");
            return;
        }

        context.Response.Redirect(desk.Path);
        context.Response.StatusCode = StatusCodes.Status303SeeOther;
    }

    public static void SignOut(HttpContext context, string prefix, string? pathDomain)
    {
        DeskSessions.SignOut(context, prefix);
        context.Response.Redirect(DeskPath(prefix, pathDomain));
        context.Response.StatusCode = StatusCodes.Status303SeeOther;
    }

    private static string DeskPath(string prefix, string? pathDomain) =>
        pathDomain is null ? $"{prefix}/desk" : $"{prefix}/{Uri.EscapeDataString(pathDomain)}/desk";

    private static Task WriteDeskAsync(HttpContext context, DeskAddress desk)
    {
        var html = HtmlEncoder.Default;
        var prefix = desk.Prefix;
        var name = html.Encode(desk.Name);
        var body =
            "<header class=\"desk-header\">\n" +
            $"<h1>{name} <span class=\"desk-word\">desk</span></h1>\n" +
            $"<form method=\"post\" action=\"{html.Encode(desk.Path)}/sign-out\">" +
            "<button type=\"submit\">Sign out</button></form>\n" +
            "</header>\n" +
            "<main class=\"desk-page\">\n" +
            $"<domain-call-desk domain=\"{html.Encode(desk.Domain.Value)}\"></domain-call-desk>\n" +
            "<noscript><p>The desk needs JavaScript, which is turned off in this browser.</p></noscript>\n" +
            "</main>";
        var page = new Page($"{desk.Name} desk", "", desk.Name, $"{prefix}/widget", ["desk.js"], body);
        return PageShell.WriteAsync(context, StatusCodes.Status200OK, page);
    }

    private Task WriteSignInAsync(HttpContext context, DeskAddress desk, int statusCode, string? error)
    {
        var html = HtmlEncoder.Default;
        var which = desk.Domain == settings.SiteDomain
            ? "the owner key the site printed when it first ran"
            : "the owner key given when the domain was registered";
        var body =
            "<main class=\"sign-in\">\n" +
            $"<h1>{html.Encode(desk.Name)} <span class=\"desk-word\">desk</span></h1>\n" +
            $"<p>Sign in to answer calls. Use {which}.</p>\n" +
            (error is null ? "" : $"<p class=\"error\" role=\"alert\">{html.Encode(error)}</p>\n") +
            $"<form method=\"post\" action=\"{html.Encode(desk.Path)}/sign-in\">\n" +
            "<label for=\"owner-key\">Owner key</label>\n" +
            "<input id=\"owner-key\" name=\"ownerKey\" type=\"password\" autocomplete=\"current-password\" " +
            "required minlength=\"22\" maxlength=\"22\" spellcheck=\"false\" autocapitalize=\"off\">\n" +
            "<button type=\"submit\">Sign in</button>\n" +
            "</form>\n" +
            "</main>";
        var page = new Page($"Sign in to the {desk.Name} desk", "", desk.Name, $"{desk.Prefix}/widget", [], body);
        return PageShell.WriteAsync(context, statusCode, page);
    }
}
