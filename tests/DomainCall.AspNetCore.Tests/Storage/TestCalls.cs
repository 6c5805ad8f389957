using DomainCall.Engine;

namespace DomainCall.Tests.Storage;

/// <summary>The ringing call that store tests add, so that each test spells out only what it varies.</summary>
internal static class TestCalls
{
    /// <summary>A code hash as a guest name keeps it: the SHA-256 of a code in url-safe base64.</summary>
    public static readonly string CodeHash = DomainCall.Dns.GuestTxt.HashCode("test-code");

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
