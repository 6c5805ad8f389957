using Microsoft.AspNetCore.Builder;

namespace DomainCall.Hosting;

/// <summary>
/// Returned by <c>MapDomainCall</c>: conventions added here, such as <c>RequireAuthorization</c>,
/// <c>RequireCors</c> or <c>RequireRateLimiting</c>, apply to every endpoint DomainCall maps.
/// </summary>
public sealed class DomainCallEndpointConventionBuilder : IEndpointConventionBuilder
{
    private readonly IEndpointConventionBuilder _inner;

    internal DomainCallEndpointConventionBuilder(IEndpointConventionBuilder inner) => _inner = inner;

    /// <inheritdoc />
    public void Add(Action<EndpointBuilder> convention) => _inner.Add(convention);

    /// <inheritdoc />
    public void Finally(Action<EndpointBuilder> finallyConvention) => _inner.Finally(finallyConvention);
}
