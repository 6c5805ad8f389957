using System.Text.Encodings.Web;
using DomainCall.Engine;
using DomainCall.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Headers;

namespace DomainCall.Pages;

/// <summary>
/// The page an invite link opens, <c>{prefix}/desk/join?code=…</c>: it says which domain the invitation is for and
/// what it allows, and its Join button uses the one-time code, makes the member and signs the browser in to the desk.
/// A client that asks for JSON gets the member key instead, to join desks with it.
/// </summary>
internal sealed class MemberJoinPage(DomainMembers members, DeskSessions sessions, DomainCallSettings settings)
{
    public async Task ShowAsync(HttpContext context, string prefix)
    {
        var code = context.Request.Query["code"].ToString();
        var (invite, refusal) = await members.FindUsableInviteAsync(code, context.RequestAborted);
        if (invite is null || refusal is not null)
        {
            await WriteRefusalAsync(context, prefix, refusal!);
            return;
        }

        var html = HtmlEncoder.Default;
        var body =
            "<main class=\"sign-in\">\n" +
            $"<h1>Join {html.Encode(invite.Domain.Value)}</h1>\n" +
            $"<p>The owner of {html.Encode(invite.Domain.Value)} invites {html.Encode(invite.Label)} to " +
            $"{html.Encode(Allowed(invite.Rights))}. The link works once, until {invite.ExpiresAt:u}.</p>\n" +
            $"<form method=\"post\" action=\"{html.Encode(prefix)}/desk/join\">\n" +
            $"<input type=\"hidden\" name=\"code\" value=\"{html.Encode(code)}\">\n" +
            "<button type=\"submit\">Join</button>\n" +
            "</form>\n" +
            "</main>";
        var page = new Page($"Join {invite.Domain.Value}", "", invite.Domain.Value, $"{prefix}/widget", [], body);
        await PageShell.WriteAsync(context, StatusCodes.Status200OK, page);
    }

    public async Task JoinAsync(HttpContext context, string prefix)
    {
        var code = context.Request.HasFormContentType
            ? (await context.Request.ReadFormAsync(context.RequestAborted))["code"].ToString()
            : context.Request.Query["code"].ToString();
        var joined = await members.JoinAsync(code, context.RequestAborted);
        var wantsJson = context.Request.GetTypedHeaders().Accept
            .Any(a => a.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase));
        if (joined.Member is not { } member)
        {
            if (wantsJson)
            {
                await WriteJsonAsync(
                    context, StatusCodes.Status410Gone, new { error = "invite-unusable", message = joined.Refusal });
            }
            else
            {
                await WriteRefusalAsync(context, prefix, joined.Refusal!);
            }

            return;
        }

        if (wantsJson)
        {
            await WriteJsonAsync(context, StatusCodes.Status201Created, new
            {
                domain = member.Domain.Value,
                memberId = member.Id,
                memberKey = joined.Key,
                label = member.Label,
                rights = MemberEndpoints.RightsText(member.Rights),
            });
            return;
        }

        sessions.SignInMember(context, member, prefix);
        context.Response.Redirect(member.Domain == settings.SiteDomain
            ? $"{prefix}/desk"
            : $"{prefix}/{Uri.EscapeDataString(member.Domain.Value)}/desk");
        context.Response.StatusCode = StatusCodes.Status303SeeOther;
    }

    private static string Allowed(MemberRights rights) => rights switch
    {
        MemberRights.Answer => "answer its calls",
        MemberRights.Call => "call out as it",
        _ => "answer its calls and call out as it",
    };

    private static Task WriteRefusalAsync(HttpContext context, string prefix, string refusal)
    {
        var html = HtmlEncoder.Default;
        var body =
            "<main class=\"sign-in\">\n" +
            "<h1>This invite link cannot be used</h1>\n" +
            $"<p class=\"error\" role=\"alert\">{html.Encode(refusal)}</p>\n" +
            "</main>";
        var page = new Page("Invite link", "", "DomainCall", $"{prefix}/widget", [], body);
        return PageShell.WriteAsync(context, StatusCodes.Status410Gone, page);
    }

    private static Task WriteJsonAsync(HttpContext context, int status, object body)
    {
        context.Response.StatusCode = status;
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.WriteAsJsonAsync(body, context.RequestAborted);
    }
}
