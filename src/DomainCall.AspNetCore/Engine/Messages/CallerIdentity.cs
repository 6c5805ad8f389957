namespace DomainCall.Engine;

/// <summary>Who the caller is, as the caller and the callee see it.</summary>
internal sealed record CallerIdentity(string Name, string Kind, DateTimeOffset? ExpiresAt);
