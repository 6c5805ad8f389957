namespace DomainCall.Callbacks;

/// <summary>What the call log says of one caller: how many calls they made to the domain, the first and the last.
/// </summary>
internal sealed record CallerContact(int Calls, DateTimeOffset? FirstCall, DateTimeOffset? LastCall);
