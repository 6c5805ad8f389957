namespace DomainCall.Engine;

/// <summary>Sent to the other desks that rang when one desk answered.</summary>
internal sealed record CallAnsweredElsewhere(string CallId);
