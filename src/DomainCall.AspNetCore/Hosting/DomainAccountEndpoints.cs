using System.Text.Json;
using DomainCall.Dns;
using DomainCall.Engine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using static DomainCall.Hosting.ApiResponses;

namespace DomainCall.Hosting;

/// <summary>
/// The account API under <c>{prefix}/api/domains</c>: register a domain, see its status, verify it, get a new code.
/// <c>docs/accounts.md</c> describes every request and answer.
/// </summary>
internal static class DomainAccountEndpoints
{
    /// <summary>The request header that carries a domain's owner key.</summary>
    public const string OwnerKeyHeader = "DomainCall-Owner-Key";

    private const int MaxRequestBytes = 4 * 1024;

    public static void Map(RouteGroupBuilder group)
    {
        var api = group.MapGroup("/api/domains");
        api.MapPost("", RegisterAsync);
        api.MapGet("/{domain}", StatusAsync);
        api.MapPost("/{domain}/verify", VerifyAsync);
        api.MapPost("/{domain}/code", NewCodeAsync);
    }

    private static async Task RegisterAsync(HttpContext context)
    {
        var name = await ReadDomainAsync(context);
        if (name is null)
        {
            await ErrorAsync(context, StatusCodes.Status400BadRequest, "invalid-request",
                "Send a JSON body such as {\"domain\": \"example.com\"}.");
            return;
        }

        var accounts = context.RequestServices.GetRequiredService<DomainAccounts>();
        var registration = await accounts.RegisterAsync(name, context.RequestAborted);
        if (registration.Refusal is { } refusal)
        {
            await WriteAsync(context, StatusOf(refusal.Outcome), new
            {
                error = EnumText.Of(refusal.Outcome),
                message = refusal.Message,
            });
            return;
        }

        if (registration.Conflict is { } conflict)
        {
            await ErrorAsync(context, StatusCodes.Status409Conflict, "already-registered", conflict);
            return;
        }

        var account = registration.Account!;
        context.Response.Headers.Location = $"{context.Request.PathBase}{context.Request.Path}/{account.Domain.Value}";
        await WriteAsync(context, StatusCodes.Status201Created, new
        {
            domain = account.Domain.Value,
            ownerKey = registration.OwnerKey,
            status = "pending",
            record = Record(account),
            codeExpiresAt = account.CodeExpiresAt,
        });
    }

    private static async Task StatusAsync(HttpContext context, string domain)
    {
        if (await OwnedAccountAsync(context, domain) is not { } account)
        {
            return;
        }

        await WriteAsync(context, StatusCodes.Status200OK, Status(account));
    }

    private static async Task VerifyAsync(HttpContext context, string domain)
    {
        if (await OwnedAccountAsync(context, domain) is not { } account)
        {
            return;
        }

        var accounts = context.RequestServices.GetRequiredService<DomainAccounts>();
        var (checkedAccount, result) = await accounts.VerifyAsync(account, context.RequestAborted);
        if (result.Outcome == VerificationOutcome.DnsFailure)
        {
            context.Response.Headers.RetryAfter = "60";
        }

        await WriteAsync(context, StatusOf(result.Outcome), new
        {
            domain = checkedAccount.Domain.Value,
            outcome = EnumText.Of(result.Outcome),
            message = result.Message,
            status = StatusText(checkedAccount),
            verifiedAt = checkedAccount.VerifiedAt,
        });
    }

    private static async Task NewCodeAsync(HttpContext context, string domain)
    {
        if (await OwnedAccountAsync(context, domain) is not { } account)
        {
            return;
        }

        var accounts = context.RequestServices.GetRequiredService<DomainAccounts>();
        var renewed = await accounts.NewCodeAsync(account, context.RequestAborted);
        await WriteAsync(context, StatusCodes.Status200OK, Status(renewed));
    }

    // An unknown domain and a wrong key get one answer, so that the API does not tell who registered what.
    private static async Task<DomainAccount?> OwnedAccountAsync(HttpContext context, string text)
    {
        var key = context.Request.Headers[OwnerKeyHeader].ToString();
        var accounts = context.RequestServices.GetRequiredService<DomainAccounts>();
        var account = Domain.TryParse(text, out var domain)
            ? await accounts.FindForOwnerAsync(domain, key, context.RequestAborted)
            : null;
        if (account is null)
        {
            await ErrorAsync(context, StatusCodes.Status401Unauthorized, "not-allowed",
                $"Send the domain's owner key, given at registration, in the {OwnerKeyHeader} header.");
        }

        return account;
    }

    private static async Task<string?> ReadDomainAsync(HttpContext context)
    {
        if (context.Request.ContentLength > MaxRequestBytes || !context.Request.HasJsonContentType())
        {
            return null;
        }

        try
        {
            using var body = await JsonDocument.ParseAsync(context.Request.Body, default, context.RequestAborted);
            return body.RootElement.ValueKind == JsonValueKind.Object
                && body.RootElement.TryGetProperty("domain", out var domain)
                && domain.ValueKind == JsonValueKind.String
                ? domain.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static object Status(DomainAccount account) => new
    {
        domain = account.Domain.Value,
        status = StatusText(account),
        record = Record(account),
        codeExpiresAt = account.CodeExpiresAt,
        verifiedAt = account.VerifiedAt,
        recordMissingSince = account.RecordMissingSince,
        revokedAt = account.RevokedAt,
        message = AccountMessages.Status(account),
    };

    private static object Record(DomainAccount account) => new
    {
        name = VerificationCodes.RecordName(account.Domain),
        type = "TXT",
        value = VerificationCodes.RecordValue(account.Code),
        zoneFile = VerificationCodes.RecordText(account.Domain, account.Code),
    };

    private static string StatusText(DomainAccount account) =>
        account.IsVerified ? "verified" : account.RevokedAt is null ? "pending" : "revoked";

    private static int StatusOf(VerificationOutcome outcome) => outcome switch
    {
        VerificationOutcome.Verified => StatusCodes.Status200OK,
        VerificationOutcome.RecordMissing => StatusCodes.Status422UnprocessableEntity,
        VerificationOutcome.WrongValue or VerificationOutcome.ConflictingRecords => StatusCodes.Status409Conflict,
        VerificationOutcome.CodeExpired => StatusCodes.Status410Gone,
        VerificationOutcome.DnsFailure => StatusCodes.Status503ServiceUnavailable,
        VerificationOutcome.InvalidName => StatusCodes.Status400BadRequest,
        _ => StatusCodes.Status403Forbidden,
    };
}
