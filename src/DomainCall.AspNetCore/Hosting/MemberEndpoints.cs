using System.Text.Json;
using DomainCall.Engine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using static DomainCall.Hosting.ApiResponses;

namespace DomainCall.Hosting;

/// <summary>
/// The owner's member API under <c>{prefix}/api/domains/{domain}</c>: invite a member with a one-time link, list the
/// members, remove one. Every request carries the domain's owner key; <c>docs/accounts.md</c> describes them.
/// </summary>
internal static class MemberEndpoints
{
    private const int MaxRequestBytes = 4 * 1024;

    public static void Map(RouteGroupBuilder group, string prefix)
    {
        var api = group.MapGroup("/api/domains/{domain}");
        api.MapPost("/invites", context => InviteAsync(context, prefix));
        api.MapGet("/members", ListAsync);
        api.MapDelete("/members/{id}", RemoveAsync);
    }

    private static async Task InviteAsync(HttpContext context, string prefix)
    {
        if (await OwnedDomainAsync(context) is not { } domain)
        {
            return;
        }

        var (label, rights, error) = await ReadInviteAsync(context);
        if (error is not null)
        {
            await WriteAsync(
                context, StatusCodes.Status400BadRequest, new { error = "invalid-request", message = error });
            return;
        }

        var members = context.RequestServices.GetRequiredService<DomainMembers>();
        var (invite, code) = await members.InviteAsync(domain, label!, rights, context.RequestAborted);
        var request = context.Request;
        await WriteAsync(context, StatusCodes.Status201Created, new
        {
            domain = domain.Value,
            label = invite.Label,
            rights = RightsText(invite.Rights),
            link = $"{request.Scheme}://{request.Host}{request.PathBase}{prefix}/desk/join?code={code}",
            expiresAt = invite.ExpiresAt,
        });
    }

    private static async Task ListAsync(HttpContext context)
    {
        if (await OwnedDomainAsync(context) is not { } domain)
        {
            return;
        }

        var members = context.RequestServices.GetRequiredService<DomainMembers>();
        var list = await members.ListAsync(domain, context.RequestAborted);
        await WriteAsync(context, StatusCodes.Status200OK, new
        {
            domain = domain.Value,
            members = list.Select(m => new
            {
                id = m.Id, label = m.Label, rights = RightsText(m.Rights), createdAt = m.CreatedAt,
            }),
        });
    }

    private static async Task RemoveAsync(HttpContext context, string id)
    {
        if (await OwnedDomainAsync(context) is not { } domain)
        {
            return;
        }

        var members = context.RequestServices.GetRequiredService<DomainMembers>();
        if (!await members.RemoveAsync(domain, id, context.RequestAborted))
        {
            await WriteAsync(context, StatusCodes.Status404NotFound, new
            {
                error = "no-such-member",
                message = $"{domain.Value} has no member with the id '{id}'; it may have been removed already.",
            });
            return;
        }

        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    // The site's own domain has an owner key but no account; any other domain needs its registration's owner key.
    // An unknown domain and a wrong key get one answer, so that the API does not tell who registered what.
    private static async Task<Domain?> OwnedDomainAsync(HttpContext context)
    {
        var key = context.Request.Headers[DomainAccountEndpoints.OwnerKeyHeader].ToString();
        var text = context.Request.RouteValues["domain"] as string;
        var owned = Domain.TryParse(text, out var domain) && Secrets.LooksLikeToken(key)
            && await context.RequestServices.GetRequiredService<OwnerKeys>()
                .MatchesAsync(domain, key, context.RequestAborted);
        if (!owned)
        {
            await WriteAsync(context, StatusCodes.Status401Unauthorized, new
            {
                error = "not-allowed",
                message = $"Send the domain's owner key in the {DomainAccountEndpoints.OwnerKeyHeader} header.",
            });
            return null;
        }

        return domain;
    }

    private static async Task<(string? Label, MemberRights Rights, string? Error)> ReadInviteAsync(
        HttpContext context)
    {
        const string Shape = "Send a JSON body such as {\"label\": \"Ana\", \"rights\": [\"answer\", \"call\"]}.";
        if (context.Request.ContentLength > MaxRequestBytes || !context.Request.HasJsonContentType())
        {
            return (null, MemberRights.None, Shape);
        }

        try
        {
            using var body = await JsonDocument.ParseAsync(context.Request.Body, default, context.RequestAborted);
            var root = body.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("label", out var label) || label.ValueKind != JsonValueKind.String
                || !root.TryGetProperty("rights", out var rights) || rights.ValueKind != JsonValueKind.Array)
            {
                return (null, MemberRights.None, Shape);
            }

            if (DomainMembers.CheckLabel(label.GetString()) is { } labelError)
            {
                return (null, MemberRights.None, labelError);
            }

            var parsed = ParseRights(rights);
            return parsed == MemberRights.None
                ? (null, parsed, "rights: a list of one or both of \"answer\" and \"call\".")
                : (label.GetString(), parsed, null);
        }
        catch (JsonException)
        {
            return (null, MemberRights.None, Shape);
        }
    }

    private static MemberRights ParseRights(JsonElement rights)
    {
        var parsed = MemberRights.None;
        foreach (var right in rights.EnumerateArray())
        {
            var added = right.ValueKind != JsonValueKind.String ? MemberRights.None : right.GetString() switch
            {
                "answer" => MemberRights.Answer,
                "call" => MemberRights.Call,
                _ => MemberRights.None,
            };
            if (added == MemberRights.None)
            {
                return MemberRights.None;
            }

            parsed |= added;
        }

        return parsed;
    }

    public static string[] RightsText(MemberRights rights) =>
    [
        .. rights.HasFlag(MemberRights.Answer) ? ["answer"] : Array.Empty<string>(),
        .. rights.HasFlag(MemberRights.Call) ? ["call"] : Array.Empty<string>(),
    ];
}
