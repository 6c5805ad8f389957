using System.Diagnostics.CodeAnalysis;
using DomainCall.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps DomainCall's endpoints: the signaling hub, and in later versions the pages and the API.</summary>
public static class DomainCallEndpointRouteBuilderExtensions
{
    private const string DefaultPattern = "/call";

    /// <summary>Maps DomainCall under <c>/call</c>; the signaling hub is at <c>/call/hub</c>.</summary>
    /// <param name="endpoints">The application's endpoints.</param>
    /// <returns>A builder for conventions that apply to every DomainCall endpoint.</returns>
    public static DomainCallEndpointConventionBuilder MapDomainCall(this IEndpointRouteBuilder endpoints) =>
        MapDomainCallCore(endpoints, DefaultPattern);

    /// <summary>
    /// Maps DomainCall under <paramref name="pattern"/>; the signaling hub is at <c>{pattern}/hub</c>.
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
        var group = endpoints.MapGroup(pattern);
        group.MapHub<DomainCallHub>("/hub").Add(endpoint => RefuseForeignOrigins(endpoint, origins));
        return new DomainCallEndpointConventionBuilder(group);
    }

    private static void RefuseForeignOrigins(EndpointBuilder endpoint, OriginPolicy origins)
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
