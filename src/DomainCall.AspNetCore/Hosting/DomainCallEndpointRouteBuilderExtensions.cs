using System.Diagnostics.CodeAnalysis;
using DomainCall.Availability;
using DomainCall.Callbacks;
using DomainCall.Engine;
using DomainCall.Hosting;
using DomainCall.Notifications;
using DomainCall.Pages;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// Maps DomainCall's endpoints: the call page, the desk, the signaling hub, and the widget's scripts.
/// </summary>
public static class DomainCallEndpointRouteBuilderExtensions
{
    private const string DefaultPattern = "/call";

    /// <summary>
    /// Maps DomainCall under <c>/call</c>: the call page at <c>/call</c>, the desk at <c>/call/desk</c>, the
    /// signaling hub at <c>/call/hub</c>, and the widget's scripts under <c>/call/widget/</c>.
    /// </summary>
    /// <param name="endpoints">The application's endpoints.</param>
    /// <returns>A builder for conventions that apply to every DomainCall endpoint.</returns>
    public static DomainCallEndpointConventionBuilder MapDomainCall(this IEndpointRouteBuilder endpoints) =>
        MapDomainCallCore(endpoints, DefaultPattern);

    /// <summary>
    /// Maps DomainCall under <paramref name="pattern"/>, a literal path: the call page at <c>{pattern}</c>, the desk
    /// at <c>{pattern}/desk</c>, the signaling hub at <c>{pattern}/hub</c>, and the widget under
    /// <c>{pattern}/widget/</c>.
    /// </summary>
    /// <param name="endpoints">The application's endpoints.</param>
    /// <param name="pattern">The route prefix, such as <c>/call</c>.</param>
    /// <returns>A builder for conventions that apply to every DomainCall endpoint.</returns>
    public static DomainCallEndpointConventionBuilder MapDomainCall(
        this IEndpointRouteBuilder endpoints, [StringSyntax("Route")] string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);

        return MapDomainCallCore(endpoints, pattern);
    }

    private static DomainCallEndpointConventionBuilder MapDomainCallCore(
        IEndpointRouteBuilder endpoints, string pattern)
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        if (endpoints.ServiceProvider.GetService<DomainCallMarkerService>() is null)
        {
            throw new InvalidOperationException(
                "Unable to find the DomainCall services. Add them by calling 'builder.Services.AddDomainCall()' " +
                "before 'builder.Build()'.");
        }

        var origins = endpoints.ServiceProvider.GetRequiredService<OriginPolicy>();
        var prefix = pattern.TrimEnd('/');
        endpoints.ServiceProvider.GetRequiredService<CallbackLinks>().UsePrefix(prefix);
        var group = endpoints.MapGroup(pattern);
        group.MapHub<DomainCallHub>("/hub").Add(endpoint => RefuseForeignOrigins(endpoint, origins));
        MapPages(group, prefix, origins);
        DomainAccountEndpoints.Map(group);
        MemberEndpoints.Map(group, prefix);
        CallbackEndpoints.Map(group, prefix, origins);
        group.MapMethods("/widget/{**path}", [HttpMethods.Get, HttpMethods.Head], context =>
            context.RequestServices.GetRequiredService<WidgetAssets>()
                .ServeAsync(context, context.Request.RouteValues["path"] as string));
        return new DomainCallEndpointConventionBuilder(group);
    }

    private static void MapPages(RouteGroupBuilder group, string prefix, OriginPolicy origins)
    {
        // Each page also answers under /{domain}, for the domains an operator's shared host answers for.
        foreach (var at in new[] { "", "/{domain}" })
        {
            group.MapGet(at, context => context.RequestServices.GetRequiredService<CallPage>()
                .WriteAsync(context, PrefixOf(context, prefix), DomainOf(context)));
            group.MapGet(at + "/desk", context => context.RequestServices.GetRequiredService<DeskPage>()
                .ShowAsync(context, PrefixOf(context, prefix), DomainOf(context)));
            group.MapPost(at + "/desk/sign-in", context => context.RequestServices.GetRequiredService<DeskPage>()
                    .SignInAsync(context, PrefixOf(context, prefix), DomainOf(context)))
                .Add(endpoint => RefuseForeignOrigins(endpoint, origins));
            group.MapPost(at + "/desk/sign-out", context =>
                {
                    DeskPage.SignOut(context, PrefixOf(context, prefix), DomainOf(context));
                    return Task.CompletedTask;
                })
                .Add(endpoint => RefuseForeignOrigins(endpoint, origins));
        }

        // The desk's "Call another domain" form: its hidden field names the desk's domain, so it needs no /{domain}.
        group.MapGet("/desk/call", context => DeskPage.CallAnotherAsync(context, PrefixOf(context, prefix)));

        // An invite link names no domain: its one-time code says which domain it is for.
        group.MapGet("/desk/join", context => context.RequestServices.GetRequiredService<MemberJoinPage>()
            .ShowAsync(context, PrefixOf(context, prefix)));
        group.MapPost("/desk/join", context => context.RequestServices.GetRequiredService<MemberJoinPage>()
                .JoinAsync(context, PrefixOf(context, prefix)))
            .Add(endpoint => RefuseForeignOrigins(endpoint, origins));

        group.MapGet("/info", WriteSiteInfoAsync);
    }

    private static async Task WriteSiteInfoAsync(HttpContext context)
    {
        var routing = context.RequestServices.GetRequiredService<DomainRouting>();
        var requested = context.Request.Query["domain"].ToString();
        var domain = await routing.ResolveAsync(context, requested.Length == 0 ? null : requested);

        // The widget may sit on a page of another origin; what it reads here is what the /call page shows anyway.
        context.Response.Headers.AccessControlAllowOrigin = "*";
        context.Response.Headers.CacheControl = "no-cache";
        if (domain is not { } called)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            await context.Response.WriteAsJsonAsync(
                new { error = "unknown-domain", message = $"{requested} is not a DomainCall domain on this server." },
                context.RequestAborted);
            return;
        }

        var settings = context.RequestServices.GetRequiredService<DomainCallSettings>();
        var availability = await context.RequestServices.GetRequiredService<BusinessHours>()
            .NowAsync(called, context.RequestAborted);
        var callbacks = context.RequestServices.GetRequiredService<IOptions<DomainCallOptions>>().Value.Callbacks;
        var pushKey = context.RequestServices.GetService<IPushPublicKey>()?.PublicKey;
        var info = SiteInfo.From(settings, callbacks, called, routing.NameOf(called), availability, pushKey);
        await context.Response.WriteAsJsonAsync(info, context.RequestAborted);
    }

    private static string? DomainOf(HttpContext context) => context.Request.RouteValues["domain"] as string;

    private static string PrefixOf(HttpContext context, string prefix) => context.Request.PathBase + prefix;

    internal static void RefuseForeignOrigins(EndpointBuilder endpoint, OriginPolicy origins)
    {
        var next = endpoint.RequestDelegate!;
        endpoint.RequestDelegate = context =>
        {
            if (origins.IsAllowed(context.Request))
            {
                return next(context);
            }

            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return context.Response.WriteAsync(
                "This page's origin may not connect to DomainCall. Add it to DomainCall:AllowedOrigins.");
        };
    }
}
