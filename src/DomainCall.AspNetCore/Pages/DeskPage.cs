using System.Text.Encodings.Web;
using DomainCall.Engine;
using DomainCall.Hosting;
using Microsoft.AspNetCore.Http;

namespace DomainCall.Pages;

/// <summary>
/// The desk at <c>/call/desk</c> (or <c>/call/{domain}/desk</c> on a shared host), where the owner answers calls.
/// A browser signs in with the domain's owner key or a member key, or by joining with an invite link, and the server
/// trades that for a cookie; a user of the host who meets <see cref="DomainCallOptions.DeskPolicy"/> needs no key
/// for the site's own domain. Only someone who may answer for the domain is shown its desk.
/// </summary>
internal sealed class DeskPage(
    DomainCallSettings settings,
    DeskAccess access,
    DeskSessions sessions,
    DomainMembers members,
    DomainRouting routing)
{
    public async Task ShowAsync(HttpContext context, string prefix, string? pathDomain)
    {
        if (await routing.ResolveAsync(context, pathDomain) is not { } domain)
        {
            await UnknownDomainPage.WriteAsync(context, prefix, pathDomain!);
            return;
        }

        var desk = new DeskAddress(domain, routing.NameOf(domain), prefix, DeskPath(prefix, pathDomain));
        var grant = await access.GrantForAsync(context, context.User, domain, null, context.RequestAborted);
        if (grant?.MayAnswer == true)
        {
            await WriteDeskAsync(context, desk, await AnswererAsync(grant, domain, context.RequestAborted));
        }
        else
        {
            var error = grant is null
                ? null
                : $"You are a member of {domain.Value} who may call as it, but not answer its calls.";
            await WriteSignInAsync(context, desk, StatusCodes.Status200OK, error);
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
        if (!await sessions.SignInAsync(context, domain, key, prefix)
            && !await SignInMemberAsync(context, domain, key, prefix))
        {
            var which = domain == settings.SiteDomain
                ? "the 22-character key the site printed when it first ran"
                : "the 22-character key given when the domain was registered";
            await WriteSignInAsync(
                context, desk, StatusCodes.Status401Unauthorized,
                $"That is not the owner key of {domain.Value}. It is {which}; a member who may answer uses their " +
                "member key, or the invite link.");
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

    /// <summary>
    /// Where the desk's "Call another domain" form goes: a plain GET form can only add its fields to a fixed address,
    /// so this turns them into the call page of the domain named, asked to call as the desk's domain.
    /// </summary>
    public static Task CallAnotherAsync(HttpContext context, string prefix)
    {
        var query = context.Request.Query;
        var named = query["domain"].ToString().Trim();
        if (!Domain.TryParse(named, out var callee))
        {
            return UnknownDomainPage.WriteAsync(context, prefix, named);
        }

        var target = $"{prefix}/{Uri.EscapeDataString(callee.Value)}";
        if (Domain.TryParse(query["as"].ToString(), out var caller))
        {
            target += $"?as={Uri.EscapeDataString(caller.Value)}";
        }

        context.Response.Redirect(target);
        context.Response.StatusCode = StatusCodes.Status303SeeOther;
        return Task.CompletedTask;
    }

    private async Task<bool> SignInMemberAsync(HttpContext context, Domain domain, string key, string prefix)
    {
        if (await members.FindByKeyAsync(domain, key, context.RequestAborted) is not { } member
            || !member.Rights.HasFlag(MemberRights.Answer))
        {
            return false;
        }

        sessions.SignInMember(context, member, prefix);
        return true;
    }

    // Says on the desk whom it answers as, so that a member sees which domain they answer for and as whom.
    private async Task<string> AnswererAsync(DeskGrant grant, Domain domain, CancellationToken cancellationToken)
    {
        if (grant.MemberId is not { } memberId)
        {
            return $"Answering calls for {domain.Value} as its owner.";
        }

        var member = await members.FindAsync(domain, memberId, cancellationToken);
        var may = grant.MayCall ? "answer its calls and call as it" : "answer its calls";
        return $"Answering calls for {domain.Value} as {member?.Label ?? "a member"}, who may {may}.";
    }

    private static string DeskPath(string prefix, string? pathDomain) =>
        pathDomain is null ? $"{prefix}/desk" : $"{prefix}/{Uri.EscapeDataString(pathDomain)}/desk";

    private static Task WriteDeskAsync(HttpContext context, DeskAddress desk, string answerer)
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
            $"<p class=\"desk-answerer\">{html.Encode(answerer)}</p>\n" +
            $"<domain-call-desk domain=\"{html.Encode(desk.Domain.Value)}\"></domain-call-desk>\n" +
            "<noscript><p>The desk needs JavaScript, which is turned off in this browser.</p></noscript>\n" +
            CallAnotherForm(desk) +
            "</main>";
        var page = new Page($"{desk.Name} desk", "", desk.Name, $"{prefix}/widget", ["desk.js"], body);
        return PageShell.WriteAsync(context, StatusCodes.Status200OK, page);
    }

    // A plain form, since the page allows no inline script; the call page it leads to calls as this desk's domain
    // when this browser's sign-in lets it call, and as a guest otherwise.
    private static string CallAnotherForm(DeskAddress desk)
    {
        var html = HtmlEncoder.Default;
        return
            "<section class=\"call-another\" aria-labelledby=\"call-another-heading\">\n" +
            "<h2 id=\"call-another-heading\">Call another domain</h2>\n" +
            $"<form method=\"get\" action=\"{html.Encode(desk.Prefix)}/desk/call\">\n" +
            $"<input type=\"hidden\" name=\"as\" value=\"{html.Encode(desk.Domain.Value)}\">\n" +
            "<label for=\"call-domain\">Domain to call</label>\n" +
            "<input id=\"call-domain\" name=\"domain\" type=\"text\" required maxlength=\"253\" " +
            "spellcheck=\"false\" autocapitalize=\"off\" autocomplete=\"off\" placeholder=\"example.com\">\n" +
            "<button type=\"submit\">Call a domain</button>\n" +
            "</form>\n" +
            "</section>\n";
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
