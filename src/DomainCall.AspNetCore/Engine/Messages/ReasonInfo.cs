namespace DomainCall.Engine;

/// <summary>A reason as clients see it.</summary>
internal sealed record ReasonInfo(string Id, string Label);
