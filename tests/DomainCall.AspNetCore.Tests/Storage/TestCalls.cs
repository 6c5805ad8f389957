using DomainCall.Engine;

namespace DomainCall.Tests.Storage;

/// <summary>The ringing call that store tests add, so that each test spells out only what it varies.</summary>
internal static class TestCalls
{
    public static CallRecord Ringing(DateTimeOffset startedAt) => new(
        Secrets.NewToken(),
        Domain.Parse("example.com"),
        "swift-otter-42.guest.example.com",
        CallerKind.Guest,
        "sales",
        CallMode.Voice,
        CallState.Ringing,
        startedAt);
}
