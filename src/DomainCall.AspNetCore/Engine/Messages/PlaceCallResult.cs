namespace DomainCall.Engine;

/// <summary>What <c>PlaceCall</c> answers: <c>ringing</c>, <c>unavailable</c> or <c>busy</c>.</summary>
internal sealed record PlaceCallResult(string Status, CallerIdentity Caller, DateTimeOffset? RingsUntil);
