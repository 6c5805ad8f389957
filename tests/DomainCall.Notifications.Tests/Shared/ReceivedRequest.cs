namespace DomainCall.Notifications.Tests.Shared;

internal sealed record ReceivedRequest(
    string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, byte[] Body);
