using System.Text.Json.Serialization;
using DomainCall.Availability;

namespace DomainCall.Engine;

/// <summary>What <c>PlaceCall</c> answers: <c>ringing</c>, <c>unavailable</c>, <c>busy</c> or <c>closed</c>.</summary>
/// <param name="Status">The outcome.</param>
/// <param name="Caller">Who the call is from.</param>
/// <param name="RingsUntil">Until when the call rings, while it rings.</param>
/// <param name="Availability">When the domain opens again; only when <paramref name="Status"/> is <c>closed</c>.
/// </param>
internal sealed record PlaceCallResult(
    string Status,
    CallerIdentity Caller,
    DateTimeOffset? RingsUntil,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] AvailabilityInfo? Availability = null);
