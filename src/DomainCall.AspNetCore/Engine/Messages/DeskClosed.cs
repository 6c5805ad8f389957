namespace DomainCall.Engine;

/// <summary>
/// Sent to a connection that the server took off a domain's desk, such as a member the owner removed.
/// </summary>
/// <param name="Domain">The domain the desk answered for.</param>
/// <param name="Reason">Why, as a kebab-case word: <c>member-removed</c>.</param>
/// <param name="Message">A sentence to show the person at the desk.</param>
internal sealed record DeskClosed(string Domain, string Reason, string Message);
