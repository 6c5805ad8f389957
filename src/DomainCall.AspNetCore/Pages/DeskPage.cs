using System.Text.Encodings.Web;
using DomainCall.Engine;
using DomainCall.Hosting;
using Microsoft.AspNetCore.Http;

namespace DomainCall.Pages;

/// <summary>
/// The desk at <c>/call/desk</c>, where the owner answers calls. A browser signs in with the owner key, which the
/// server trades for a cookie; a user of the host who meets <see cref="DomainCallOptions.DeskPolicy"/> needs no key.
/// </summary>
internal sealed class DeskPage(DomainCallSettings settings, DeskAccess access, DeskSessions sessions)
{
    public async Task ShowAsync(HttpContext context, string prefix)
    {
        var domain = settings.SiteDomain;
        if (await access.MayAnswerForAsync(context, context.User, domain, null, context.RequestAborted))
        {
            await WriteDeskAsync(context, prefix);
        }
        else
        {
            await WriteSignInAsync(context, prefix, StatusCodes.Status200OK, error: null);
        }
    }

    public async Task SignInAsync(HttpContext context, string prefix)
    {
        if (!context.Request.HasFormContentType)
        {
            await WriteSignInAsync(
                context, prefix, StatusCodes.Status400BadRequest, "Send the owner key from the sign-in form.");
            return;
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var key = form["ownerKey"].ToString().Trim();
        if (!await sessions.SignInAsync(context, settings.SiteDomain, key, prefix))
        {
            await WriteSignInAsync(
                context, prefix, StatusCodes.Status401Unauthorized,
                $"That is not the owner key of {settings.SiteDomain.Value}. It is the 22-character key the site " +
                "printed when it first ran.");
            return;
        }

        context.Response.Redirect($"{prefix}/desk");
        context.Response.StatusCode = StatusCodes.Status303SeeOther;
    }

    public static void SignOut(HttpContext context, string prefix)
    {
        DeskSessions.SignOut(context, prefix);
        context.Response.Redirect($"{prefix}/desk");
        context.Response.StatusCode = StatusCodes.Status303SeeOther;
    }

    private Task WriteDeskAsync(HttpContext context, string prefix)
    {
        var html = HtmlEncoder.Default;
        var name = html.Encode(settings.BusinessName);
        var body =
            "<header class=\"desk-header\">\n" +
            $"<h1>{name} <span class=\"desk-word\">desk</span></h1>\n" +
            $"<form method=\"post\" action=\"{html.Encode(prefix)}/desk/sign-out\">" +
            "<button type=\"submit\">Sign out</button></form>\n" +
            "</header>\n" +
            "<main class=\"desk-page\">\n" +
            $"<domain-call-desk domain=\"{html.Encode(settings.SiteDomain.Value)}\"></domain-call-desk>\n" +
            "<noscript><p>The desk needs JavaScript, which is turned off in this browser.</p></noscript>\n" +
            "</main>";
        var page = new Page($"{settings.BusinessName} desk", "", settings.BusinessName, $"{prefix}/widget",
            ["desk.js"], body);
        return PageShell.WriteAsync(context, StatusCodes.Status200OK, page);
    }

    private Task WriteSignInAsync(HttpContext context, string prefix, int statusCode, string? error)
    {
        var html = HtmlEncoder.Default;
        var body =
            "<main class=\"sign-in\">\n" +
            $"<h1>{html.Encode(settings.BusinessName)} <span class=\"desk-word\">desk</span></h1>\n" +
            "<p>Sign in to answer calls. Use the owner key the site printed when it first ran.</p>\n" +
            (error is null ? "" : $"<p class=\"error\" role=\"alert\">{html.Encode(error)}</p>\n") +
            $"<form method=\"post\" action=\"{html.Encode(prefix)}/desk/sign-in\">\n" +
            "<label for=\"owner-key\">Owner key</label>\n" +
            "<input id=\"owner-key\" name=\"ownerKey\" type=\"password\" autocomplete=\"current-password\" " +
            "required minlength=\"22\" maxlength=\"22\" spellcheck=\"false\" autocapitalize=\"off\">\n" +
            "<button type=\"submit\">Sign in</button>\n" +
            "</form>\n" +
            "</main>";
        var page = new Page($"Sign in to the {settings.BusinessName} desk", "", settings.BusinessName,
            $"{prefix}/widget", [], body);
        return PageShell.WriteAsync(context, statusCode, page);
    }
}
