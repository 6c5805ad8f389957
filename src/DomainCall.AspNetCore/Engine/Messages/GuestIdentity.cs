namespace DomainCall.Engine;

/// <summary>
/// What <c>GetIdentity</c> answers: the connection's guest name and its authorization code. It goes to the caller's
/// own connection only; the callee sees the <see cref="CallerIdentity"/>, without the code.
/// </summary>
internal sealed record GuestIdentity(string Name, string Kind, DateTimeOffset ExpiresAt, string Code);
