namespace DomainCall.Hosting;

/// <summary>Registered by <c>AddDomainCall</c>, so that <c>MapDomainCall</c> can tell whether it was called.</summary>
internal sealed class DomainCallMarkerService;
