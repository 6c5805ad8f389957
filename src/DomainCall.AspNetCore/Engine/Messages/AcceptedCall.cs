namespace DomainCall.Engine;

/// <summary>What <c>AcceptCall</c> answers to the desk that won.</summary>
internal sealed record AcceptedCall(string CallId, CallerIdentity Caller, string Reason, string Mode);
